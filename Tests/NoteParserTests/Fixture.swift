import Foundation
import Testing
@testable import NoteParser

/// Helpers shared by the parser tests: parse inline text, find the shared material.
enum Fixture {
    /// Parses `text` as a note; fails the test when the parser throws.
    static func note(_ text: String, path: String = "fixture.md", limits: NoteParser.Limits = .init()) throws -> Note {
        try NoteParser(limits: limits).parse(bytes: Array(text.utf8), path: path)
    }

    /// The folder holding Package.swift.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared`, the read-only material next to the package (absent on most machines).
    static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static let corpus = shared.appendingPathComponent("corpus").path
    static let seedEssay = shared.appendingPathComponent("seeds/The AI Model Wars.md").path
    static let vault = packageRoot.appendingPathComponent("Notes").path

    static var corpusExists: Bool { FileManager.default.fileExists(atPath: corpus) }
    static var seedExists: Bool { FileManager.default.fileExists(atPath: seedEssay) }
}

extension Note {
    /// The source text a range covers.
    func text(_ range: SourceRange?) -> String? { range.map { source.string($0) } }
}
