// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "LearningTracker",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "LearningModel", targets: ["LearningModel"]),
    .library(name: "LearningStore", targets: ["LearningStore"]),
    .library(name: "LearningReports", targets: ["LearningReports"]),
    .executable(name: "learning-tracker", targets: ["learning-tracker"]),
  ],
  targets: [
    .target(name: "LearningModel", exclude: ["README.md"]),
    .target(name: "LearningStore", dependencies: ["LearningModel"], exclude: ["README.md"]),
    .target(name: "LearningReports", dependencies: ["LearningModel"], exclude: ["README.md"]),
    .executableTarget(
      name: "learning-tracker",
      dependencies: ["LearningModel", "LearningStore", "LearningReports"]
    ),
    .testTarget(name: "LearningModelTests", dependencies: ["LearningModel"]),
    .testTarget(name: "LearningStoreTests", dependencies: ["LearningStore"]),
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
