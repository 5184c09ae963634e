import Foundation
import LearningTrackerCLI
import Testing

/// What a command printed and returned.
struct Outcome {
  var status: Int32
  var out: String
  var err: String
}

/// Runs the command line in-process with a fixed today and user.
func runTracker(
  _ arguments: [String], data: String? = nil, today: String = "2026-11-22",
  environment extra: [String: String] = [:]
) -> Outcome {
  var out = ""
  var err = ""
  let console = Console(out: { out += $0 }, err: { err += $0 })
  var environment = [
    "LEARNING_TRACKER_TODAY": today, "LEARNING_TRACKER_USER": "Business unit",
    "LEARNING_TRACKER_TIMESTAMP": "2026-11-22T09:00:00Z",
  ]
  if let data { environment["LEARNING_TRACKER_DATA"] = data }
  environment.merge(extra) { $1 }
  let status = LearningTrackerCommand.run(arguments, environment: environment, console: console)
  return Outcome(status: status, out: out, err: err)
}

/// A new empty folder under the system's temporary folder.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "learning-tracker-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The folder that holds this test file.
let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// The package's root folder.
let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

/// The built `learning-tracker` executable, beside the test bundle.
func builtExecutable() throws -> URL {
  var candidates: [URL] = []
  let bundle = Bundle.main.bundleURL
  candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("learning-tracker"))
  candidates.append(bundle.appendingPathComponent("learning-tracker"))
  let argument0 = URL(fileURLWithPath: CommandLine.arguments[0])
  candidates.append(argument0.deletingLastPathComponent().appendingPathComponent("learning-tracker"))
  candidates.append(
    argument0.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "learning-tracker"))
  candidates.append(packageRoot.appendingPathComponent(".build/debug/learning-tracker"))
  return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
}

/// Runs the built executable as a separate process.
func runBinary(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws
  -> Outcome
{
  let process = Process()
  process.executableURL = try builtExecutable()
  process.arguments = arguments
  process.currentDirectoryURL = folder
  var environment = [
    "LEARNING_TRACKER_TODAY": "2026-11-22", "LEARNING_TRACKER_USER": "Business unit", "PATH": "/usr/bin:/bin",
  ]
  environment.merge(extra) { $1 }
  process.environment = environment
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Outcome(
    status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
    err: String(decoding: errData, as: UTF8.self))
}
