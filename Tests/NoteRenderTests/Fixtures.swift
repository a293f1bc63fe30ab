import Foundation
import NoteParser
@testable import NoteRender

/// Helpers shared by the render tests.
enum Fixtures {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The read-only material next to the worktrees (`../shared`).
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let seed = shared.appendingPathComponent("seeds/The AI Model Wars.md")
    static let corpus = shared.appendingPathComponent("corpus")
    static let essays = corpus.appendingPathComponent("essays")

    static var hasSeed: Bool { FileManager.default.fileExists(atPath: seed.path) }
    static var hasEssays: Bool { FileManager.default.fileExists(atPath: essays.path) }

    static func templates() throws -> PageTemplates {
        try PageTemplates()
    }

    static func parse(_ text: String, path: String = "note.md") throws -> Note {
        try NoteParser().parse(bytes: Array(text.utf8), path: path)
    }

    /// The cleaned Markdown of `text`.
    static func clean(_ text: String, options: RenderOptions = RenderOptions(),
                      links: PublishedLinks = PublishedLinks(pattern: nil, fileExtension: "md")) throws -> CleanedNote {
        NoteCleaner(note: try parse(text), vaultPath: "note.md", options: options, links: links).clean()
    }

    static func html(_ text: String, options: RenderOptions = RenderOptions(), unsafe: Bool = false) throws -> String {
        let renderer = NoteRenderer(options: options, templates: try templates(),
                                    links: PublishedLinks(pattern: nil, fileExtension: "html"), unsafe: unsafe)
        return renderer.html(renderer.clean(try parse(text)))
    }

    /// Every `href="#x"` target and every `id="x"` of a page.
    static func anchors(in html: String) -> (links: Set<String>, ids: Set<String>) {
        let links = html.matches(of: #/href="#([^"]+)"/#).map { String($0.1) }
        let ids = html.matches(of: #/\bid="([^"]+)"/#).map { String($0.1) }
        return (Set(links), Set(ids))
    }

    /// The citation problems a re-parse of `markdown` finds; empty when it is clean.
    static func citationProblems(_ markdown: String) throws -> [String] {
        let note = try parse(markdown)
        var problems: [String] = []
        problems += note.footnoteReferences.filter { !$0.isDefined }.map { "undefined [^\($0.label)]" }
        problems += note.footnoteDefinitions.filter(\.isUnused).map { "unused [^\($0.label)]" }
        problems += note.footnoteDefinitions.filter(\.isDuplicate).map { "duplicate [^\($0.label)]" }
        problems += note.footnoteDefinitions.filter { $0.form != .proper }.map { "\($0.form) [^\($0.label)]" }
        problems += note.legacyDefinitions.map { "legacy definition [\($0.number)]" }
        problems += note.legacyReferences.map { "legacy reference \($0.numbers)" }
        return problems
    }
}
