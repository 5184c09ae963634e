// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "LearningTracker",
  products: [
    .library(name: "LearningModel", targets: ["LearningModel"]),
    .library(name: "LearningStore", targets: ["LearningStore"]),
    .library(name: "LearningReports", targets: ["LearningReports"]),
    .library(name: "LearningTrackerCLI", targets: ["LearningTrackerCLI"]),
    .executable(name: "learning-tracker", targets: ["learning-tracker"]),
  ],
  targets: [
    .target(name: "LearningModel", exclude: ["README.md"]),
    .target(name: "LearningStore", dependencies: ["LearningModel"], exclude: ["README.md"]),
    .target(name: "LearningReports", dependencies: ["LearningModel"], exclude: ["README.md"]),
    .target(
      name: "LearningTrackerCLI", dependencies: ["LearningModel", "LearningStore", "LearningReports"],
      exclude: ["README.md"]),
    .executableTarget(name: "learning-tracker", dependencies: ["LearningTrackerCLI"]),
    .target(name: "LearningTestSupport", path: "Tests/LearningTestSupport"),
    .testTarget(name: "LearningModelTests", dependencies: ["LearningModel"]),
    .testTarget(name: "LearningStoreTests", dependencies: ["LearningStore"]),
    .testTarget(
      name: "LearningReportsTests",
      dependencies: ["LearningReports", "LearningStore", "LearningTestSupport"],
      exclude: ["Golden", "Fixtures"]
    ),
    .testTarget(
      name: "LearningTrackerTests",
      dependencies: ["LearningTrackerCLI", "LearningReports", "LearningStore", "LearningTestSupport"],
      exclude: ["BadInput", "Golden"]
    ),
  ]
)
