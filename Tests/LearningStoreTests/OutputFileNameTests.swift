import Foundation
import Testing

@testable import LearningStore

/// File names made from data stay inside their folder and never collide.
@Suite struct OutputFileNameTests {
  @Test func aNameIsTheJoinedPartsDirectlyInsideTheFolder() throws {
    let file = try OutputFileName(
      folder: "out/pack", parts: ["briefing", "LCSPR-2025-02"], fileExtension: "md", record: "review")
    #expect(file.name == "briefing-LCSPR-2025-02.md")
    #expect(file.path == "out/pack/briefing-LCSPR-2025-02.md")
    #expect(
      try OutputFileName(folder: "/", parts: ["la"], fileExtension: "csv", record: "agency la").path
        == "/la.csv")
  }

  @Test(arguments: ["x/../../p5esc", "..", ".hidden", "", "a b", "a\u{1B}[2J", "a\u{0}", "\u{202E}fdp", "-x"])
  func partsThatAreNotIdentifiersAreRefused(_ part: String) {
    #expect(throws: OutputFileNameError.self) {
      try OutputFileName(
        folder: "out", parts: ["briefing", part], fileExtension: "md", record: "review \(part)")
    }
  }

  @Test func twoRecordsSharingAFileAreRefusedNamingBoth() throws {
    let first = try OutputFileName(folder: "out", parts: ["x_y"], fileExtension: "csv", record: "agency x_y")
    let second = try OutputFileName(folder: "out", parts: ["X_Y"], fileExtension: "csv", record: "agency X_Y")
    let other = try OutputFileName(folder: "out", parts: ["la"], fileExtension: "csv", record: "agency la")
    #expect(
      throws: OutputFileNameError.shared(
        first: "agency x_y", firstName: "x_y.csv", second: "agency X_Y", secondName: "X_Y.csv")
    ) {
      try OutputFileName.checkDistinct([first, other, second])
    }
    #expect(throws: Never.self) { try OutputFileName.checkDistinct([first, other]) }
    let message = OutputFileNameError.shared(
      first: "agency x_y", firstName: "x_y.csv", second: "agency X_Y", secondName: "X_Y.csv"
    ).errorDescription
    #expect(message?.contains("agency x_y and agency X_Y") == true)
  }

  @Test func foldersAreMadeOrTheReasonIsGivenInWords() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "output-folder-\(UUID().uuidString)")
    try OutputFolder.create(base.path + "/a/b")
    try OutputFolder.create(base.path + "/a/b")
    var isFolder: ObjCBool = false
    #expect(
      FileManager.default.fileExists(atPath: base.path + "/a/b", isDirectory: &isFolder) && isFolder.boolValue
    )
    try Data("x".utf8).write(to: base.appendingPathComponent("afile"))
    #expect(
      throws: StoreError.cannotWrite(
        file: base.path + "/afile/sub",
        reason: "cannot create the folder: \(base.path)/afile is a file, not a folder")
    ) {
      try OutputFolder.create(base.path + "/afile/sub")
    }
  }
}
