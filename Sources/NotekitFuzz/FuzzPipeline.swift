import Foundation
import NoteLint
import NoteParser
import NoteRender

/// What the fuzzer drives with each input: parse → lint (every rule, note and vault scope,
/// on a one-note vault) → apply the fixes in memory and re-parse → render Markdown and HTML.
/// A broken promise (a fix that breaks UTF-8, a clean that does not parse) traps, so the
/// fuzzer reports it like a crash.
struct FuzzPipeline: Sendable {
    static let path = "note.md"

    let renderer: NoteRenderer

    init() throws {
        renderer = NoteRenderer(templates: try PageTemplates(),
                                links: PublishedLinks(pattern: nil, fileExtension: "html"))
    }

    /// Runs the whole pipeline on `bytes`; the output of each step, for tests.
    @discardableResult
    func run(_ bytes: [UInt8]) -> Outcome? {
        guard let note = try? NoteParser().parse(bytes: bytes, path: Self.path) else { return nil }
        let findings = Self.lint(note)
        let (fixed, applied) = EditApplier.apply(compatible: findings.compactMap(\.fix), to: bytes)
        guard let fixedNote = try? NoteParser().parse(bytes: fixed, path: Self.path) else {
            preconditionFailure("fixes made the note unparseable: \(applied.map(\.summary))")
        }
        let cleaned = renderer.clean(fixedNote)
        guard (try? NoteParser().parse(bytes: Array(cleaned.markdown.utf8), path: Self.path)) != nil else {
            preconditionFailure("rendered Markdown does not parse")
        }
        return Outcome(findings: findings, fixed: fixed, markdown: cleaned.markdown, html: renderer.html(cleaned))
    }

    /// Every rule's findings for `note` alone in its vault, with the default configuration and every style on.
    static func lint(_ note: Note) -> [Finding] {
        var configuration = Configuration()
        configuration.presets = Preset.names
        configuration.root = "."
        return Linter().lint([NoteContext(note: note, vaultPath: path, configuration: configuration)], vaultFiles: [path])
    }

    /// The results of one run.
    struct Outcome {
        let findings: [Finding]
        /// The input with the compatible fixes applied.
        let fixed: [UInt8]
        let markdown: String
        let html: String
    }
}
