import Foundation
import LearningModel

#if canImport(Glibc)
  import Glibc
#endif

/// The one way a file name is made from data (`briefing-LCSPR-2025-02.md`, `police.csv`).
///
/// Every part must be an identifier (`Identifier`), so the name holds no `/`, never starts with a
/// `.` and cannot climb out of its folder: the path is the folder, one `/` and the name. A planned
/// set of files is checked as a whole (`checkDistinct`) before anything is written, so that two
/// records never share a file.
public struct OutputFileName: Equatable, Sendable {
  /// The folder the file goes into, as given.
  public let folder: String
  /// The parts the name is made of, as given (an agency ID, a review ID, a year).
  public let parts: [String]
  /// The file's name: the parts joined by `-`, then `.` and the extension.
  public let name: String
  /// What the file holds, to name it in messages ("agency x_y", "review LCSPR-2025-02").
  public let record: String

  /// The file's path: always directly inside `folder`.
  public var path: String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }

  /// A file in `folder` named from `parts` and `fileExtension`; `record` says what it holds.
  /// Throws when a part is not an identifier.
  public init(folder: String, parts: [String], fileExtension: String, record: String)
    throws(OutputFileNameError)
  {
    for part in parts {
      if let problem = Identifier.problem(part) {
        throw .notAName(record: record, part: part, problem: problem)
      }
    }
    if let problem = Identifier.problem(fileExtension) {
      throw .notAName(record: record, part: fileExtension, problem: problem)
    }
    let name = parts.joined(separator: "-") + "." + fileExtension
    // The identifier rule already rules these out; checked again because the name must never leave
    // the folder whatever the rule becomes.
    guard !parts.isEmpty, !name.contains("/"), !name.hasPrefix("."), name.utf8.count <= 255 else {
      throw .notAName(record: record, part: name, problem: "cannot be a file name inside the folder")
    }
    self.folder = folder
    self.parts = parts
    self.name = name
    self.record = record
  }

  /// Refuses a planned set of files when two would be the same file, naming both records. Names
  /// that differ only in letter case count as the same file, as they are on the disks of many
  /// agencies' computers.
  public static func checkDistinct(_ files: [OutputFileName]) throws(OutputFileNameError) {
    var seen: [String: OutputFileName] = [:]
    for file in files {
      let key = file.name.lowercased()
      if let first = seen[key] {
        throw .shared(first: first.record, firstName: first.name, second: file.record, secondName: file.name)
      }
      seen[key] = file
    }
  }
}

/// Why a file name could not be made from data.
public enum OutputFileNameError: Error, Equatable, LocalizedError, Sendable {
  /// A part of the name is not an identifier.
  case notAName(record: String, part: String, problem: String)
  /// Two records would be written to the same file.
  case shared(first: String, firstName: String, second: String, secondName: String)

  /// The reason as the user reads it, saying what to correct.
  public var errorDescription: String? {
    switch self {
    case .notAName(let record, let part, let problem):
      "\(record): \"\(part)\" cannot be part of a file name: it \(problem); nothing was written "
        + "(correct the ID; 'learning-tracker validate' lists every one)"
    case .shared(let first, let firstName, let second, let secondName):
      (firstName == secondName
        ? "\(first) and \(second) would both be written to \(firstName)"
        : "\(first) and \(second) would be written to \(firstName) and \(secondName), "
          + "the same file on disks that ignore letter case")
        + "; nothing was written (give one of them an ID that differs in more than letter case)"
    }
  }
}

/// Output folders for reports and spreadsheets.
public enum OutputFolder {
  /// Creates the folder and any missing parents; an existing folder is fine. The error says in
  /// words what stood in the way and where.
  public static func create(_ path: String) throws(StoreError) {
    guard !path.isEmpty else { throw .cannotWrite(file: path, reason: "no folder was named") }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
      var status = stat()
      if stat(prefix, &status) == 0 {
        if (status.st_mode & S_IFMT) == S_IFDIR { continue }
        throw .cannotWrite(
          file: path,
          reason: "cannot create the folder: \(prefix) is a file, not a folder")
      }
      if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
        throw .cannotWrite(
          file: path, reason: "cannot create the folder \(prefix): \(String(cString: strerror(errno)))")
      }
    }
  }
}
