import Foundation

let status = LearningTrackerCommand.run(
  Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
  console: .standard)
exit(status)
