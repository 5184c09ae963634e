import LearningModel

/// Settings read from the environment, checked like options: a value that cannot be used is a
/// usage error (exit 64) naming the variable, before anything is read or written.
enum EnvironmentSettings {
  /// The longest wait for another writer's lock, in seconds.
  static let longestLockWait = 3600.0

  /// How long to wait for another writer's lock: `$LEARNING_TRACKER_LOCK_WAIT` seconds (a number
  /// from 0 to 3600), else 10.
  static func lockWait(_ environment: [String: String]) throws(CommandError) -> Double {
    guard let text = environment["LEARNING_TRACKER_LOCK_WAIT"] else { return 10 }
    guard let seconds = Double(text.trimmingSpaces), seconds.isFinite, (0...longestLockWait).contains(seconds)
    else {
      throw .usage(
        "LEARNING_TRACKER_LOCK_WAIT: \"\(text)\" is not a number of seconds from 0 to \(Int(longestLockWait))"
      )
    }
    return seconds
  }

  /// Checks every setting, so that a mistake is found before the command starts.
  static func check(_ environment: [String: String]) throws(CommandError) {
    _ = try lockWait(environment)
  }
}
