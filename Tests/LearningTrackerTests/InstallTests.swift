import Foundation
import Testing

/// `install.sh PREFIX` puts the tool, its manual page and its completion under PREFIX, and the
/// installed tool runs from the PATH. The test installs the build `swift test` already made
/// (`LEARNING_TRACKER_BINARY`), never a release build.
@Suite struct InstallTests {
  @Test func theScriptInstallsIntoAPrefixAndTheToolRunsFromThePath() throws {
    let prefix = try temporaryFolder().appendingPathComponent("prefix with space")
    let script = packageRoot.appendingPathComponent("install.sh").path
    let install = try runTool(
      "sh", [script, prefix.path], environment: ["LEARNING_TRACKER_BINARY": try builtExecutable().path])
    #expect(install.status == 0, "\(install.err)")
    #expect(install.out.contains("is not on your PATH; add it with: export PATH="), "\(install.out)")
    for file in [
      "bin/learning-tracker", "share/man/man1/learning-tracker.1",
      "share/bash-completion/completions/learning-tracker",
      "share/zsh/site-functions/_learning-tracker", "share/fish/vendor_completions.d/learning-tracker.fish",
    ] {
      #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)")
    }
    let bin = prefix.appendingPathComponent("bin").path
    let help = try runTool("learning-tracker", ["--help"], environment: ["PATH": bin + ":/usr/bin:/bin"])
    #expect(help.status == 0, "\(help.err)")
    #expect(help.out.contains("Usage: learning-tracker COMMAND"))
    // The start of the tour, with the installed tool.
    let folder = try temporaryFolder()
    let environment = [
      "PATH": bin + ":/usr/bin:/bin",
      "LEARNING_TRACKER_DATA": folder.appendingPathComponent("tracker.json").path,
    ]
    let initialise = try runTool(
      "learning-tracker", ["init", "--name", "Northshire Safeguarding Children Partnership"],
      environment: environment)
    #expect(initialise.status == 0, "\(initialise.err)")
    let settings = try runTool(
      "learning-tracker", ["settings", "show", "due-soon-days"], environment: environment)
    #expect(settings.status == 0, "\(settings.err)")
    #expect(settings.out.contains("due-soon-days"))
  }

  @Test func aMistakeOnTheLineInstallsNothing() throws {
    let script = packageRoot.appendingPathComponent("install.sh").path
    let outcome = try runTool("sh", [script, "--relase"])
    #expect(outcome.status == 64)
    #expect(outcome.err.contains("unknown option --relase"))
    let two = try runTool("sh", [script, "/tmp/a", "/tmp/b"])
    #expect(two.status == 64)
  }
}
