// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "LearningTracker",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "LearningJSON", targets: ["LearningJSON"]),
    .library(name: "LearningModel", targets: ["LearningModel"]),
    .library(name: "LearningStore", targets: ["LearningStore"]),
    .library(name: "LearningReports", targets: ["LearningReports"]),
    .executable(name: "learning-tracker", targets: ["learning-tracker"]),
  ],
  targets: [
    .target(name: "LearningJSON", exclude: ["README.md"]),
    .target(name: "LearningModel", exclude: ["README.md"]),
    .target(name: "LearningStore", dependencies: ["LearningJSON", "LearningModel"], exclude: ["README.md"]),
    .target(name: "LearningReports", dependencies: ["LearningJSON", "LearningModel"], exclude: ["README.md"]),
    .executableTarget(
      name: "learning-tracker",
      dependencies: ["LearningJSON", "LearningModel", "LearningStore", "LearningReports"]
    ),
    .testTarget(name: "LearningJSONTests", dependencies: ["LearningJSON"]),
    .testTarget(name: "LearningModelTests", dependencies: ["LearningModel"]),
    .testTarget(name: "LearningStoreTests", dependencies: ["LearningJSON", "LearningStore"]),
    .testTarget(
      name: "LearningReportsTests",
      dependencies: ["LearningReports", "LearningStore"],
      exclude: ["Golden", "Fixtures"]
    ),
    .testTarget(
      name: "LearningTrackerTests",
      dependencies: ["learning-tracker", "LearningStore"],
      exclude: ["BadInput"]
    ),
  ]
)
