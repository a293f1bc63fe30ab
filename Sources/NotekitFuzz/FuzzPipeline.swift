import Foundation
import NoteFix
import NoteLint
import NoteParser
import NoteRender

/// What the fuzzer drives with each input: parse → lint (every rule, note and vault scope,
/// on a one-note vault) → fix in memory with `NoteFixer` (safe and unsafe fixes, to a fixed
/// point) → render Markdown and HTML. A broken promise (a fixed note that does not parse, a
/// note still fixable after `NoteFixer.maxPasses` passes, a clean that does not parse) traps,
/// so the fuzzer reports it like a crash.
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
        let fix = Self.fix(bytes)
        let fixed = fix.rewrites.first?.result ?? bytes
        guard fix.unsettled.isEmpty else {
            preconditionFailure("fix reached no fixed point in \(NoteFixer.maxPasses) passes")
        }
        guard let fixedNote = try? NoteParser().parse(bytes: fixed, path: Self.path) else {
            preconditionFailure("fixes made the note unparseable: \(fix.rewrites.first?.applied.map(\.summary) ?? [])")
        }
        let cleaned = renderer.clean(fixedNote)
        guard (try? NoteParser().parse(bytes: Array(cleaned.markdown.utf8), path: Self.path)) != nil else {
            preconditionFailure("rendered Markdown does not parse")
        }
        return Outcome(findings: findings, fixed: fixed, markdown: cleaned.markdown, html: renderer.html(cleaned))
    }

    /// The default configuration, every style on, of a one-note vault rooted at ".".
    static let configuration: Configuration = {
        var configuration = Configuration()
        configuration.presets = Preset.names
        configuration.root = "."
        return configuration
    }()

    /// Every rule's findings for `note` alone in its vault, with that configuration.
    static func lint(_ note: Note) -> [Finding] {
        Linter().lint([NoteContext(note: note, vaultPath: path, configuration: configuration)], vaultFiles: [path])
    }

    /// What `notekit fix --unsafe-fixes` makes of `bytes` as the one note of its vault.
    static func fix(_ bytes: [UInt8]) -> NoteFixer.Result {
        NoteFixer(options: .init(unsafeFixes: true)).fix([Linter.Input(path: path, bytes: bytes)], vaultFiles: [path]) { _ in configuration }
    }

    /// The results of one run.
    struct Outcome {
        let findings: [Finding]
        /// The input as `fix` leaves it.
        let fixed: [UInt8]
        let markdown: String
        let html: String
    }
}
