import Foundation
import NoteLint
import NoteParser
@testable import NoteFix

/// Paths and helpers shared by the NoteFix suites.
enum Support {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus) }

    static func note(_ text: String, path: String = "note.md") throws -> Note {
        try NoteParser().parse(bytes: Array(text.utf8), path: path)
    }

    static func edit(_ range: Range<Int>, _ replacement: String, origin: String = "test/rule") -> PlannedEdit {
        PlannedEdit(edit: Edit(range: range, replacement: replacement), origin: origin, summary: "test")
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
