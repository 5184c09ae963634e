import Foundation
import LearningTrackerCLI

exit(
  LearningTrackerCommand.run(
    Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
    console: .standard))
