// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "LearningTracker",
  products: [
    .library(name: "LearningJSON", targets: ["LearningJSON"]),
    .library(name: "LearningModel", targets: ["LearningModel"]),
    .library(name: "LearningStore", targets: ["LearningStore"]),
    .library(name: "LearningReports", targets: ["LearningReports"]),
    .library(name: "LearningDemo", targets: ["LearningDemo"]),
    .library(name: "LearningTrackerCLI", targets: ["LearningTrackerCLI"]),
    .executable(name: "learning-tracker", targets: ["learning-tracker"]),
  ],
  targets: [
    .target(name: "LearningJSON", exclude: ["README.md"]),
    .target(name: "LearningModel", exclude: ["README.md"]),
    .target(name: "LearningStore", dependencies: ["LearningJSON", "LearningModel"], exclude: ["README.md"]),
    .target(name: "LearningReports", dependencies: ["LearningJSON", "LearningModel"], exclude: ["README.md"]),
    .target(name: "LearningDemo", dependencies: ["LearningModel"], exclude: ["README.md"]),
    .target(
      name: "LearningTrackerCLI",
      dependencies: ["LearningJSON", "LearningModel", "LearningStore", "LearningReports", "LearningDemo"],
      exclude: ["README.md"]),
    .executableTarget(name: "learning-tracker", dependencies: ["LearningTrackerCLI"]),
    .target(name: "LearningTestSupport", path: "Tests/LearningTestSupport"),
    .testTarget(name: "LearningJSONTests", dependencies: ["LearningJSON"]),
    .testTarget(name: "LearningModelTests", dependencies: ["LearningModel", "LearningDemo"]),
    .testTarget(name: "LearningStoreTests", dependencies: ["LearningJSON", "LearningStore", "LearningDemo"]),
    .testTarget(
      name: "LearningReportsTests",
      dependencies: ["LearningReports", "LearningStore", "LearningDemo", "LearningTestSupport"],
      exclude: ["Golden", "Fixtures"]
    ),
    .testTarget(
      name: "LearningTrackerTests",
      dependencies: [
        "LearningJSON", "LearningTrackerCLI", "LearningReports", "LearningStore", "LearningTestSupport",
      ],
      exclude: ["BadInput", "Golden", "PlanLayouts"]
    ),
  ]
)
