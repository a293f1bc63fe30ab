import Foundation
import NoteLint
import NoteParser
import Testing

/// `Linter.lint(_:context:vaultFiles:checks:)`, the re-lint of `fix`: the note rules run only
/// on the notes without a check, and the report is what a full lint of the same notes gives.
@Suite struct RelintTests {
    static let configuration = Configuration()

    static func contexts(_ notes: [(String, String)]) throws -> [NoteContext] {
        try notes.map { path, text in
            NoteContext(note: try NoteParser().parse(bytes: Array(text.utf8), path: path), vaultPath: path, configuration: configuration)
        }
    }

    static func lines(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.path):\($0.range.start.line):\($0.range.start.column) \($0.ruleID) \($0.message)" }
    }

    @Test func reusedChecksGiveTheFullReport() throws {
        let before = try Self.contexts(VaultContextTests.notes)
        let files = VaultContextTests.notes.map(\.0)
        let linter = Linter()
        var checks = [Linter.Checked?](repeating: nil, count: before.count)
        let first = linter.lint(before, vaultFiles: files, checks: &checks)
        #expect(Self.lines(first) == Self.lines(linter.lint(before, vaultFiles: files)))
        #expect(checks.allSatisfy { $0 != nil })
        #expect(!first.isEmpty)
        // One note changes: a new note-rule finding (an undefined citation) and a vault-rule
        // one gone (its duplicate UUID removed).
        var notes = VaultContextTests.notes
        notes[1].1 = "Other claim.[^a1b2c3] More.[^nowhere]\n\n[^a1b2c3]: [B](https://example.com/b)\n"
        let after = try Self.contexts(notes)
        var reused = checks
        reused[1] = nil
        let relinted = linter.lint(after, vaultFiles: files, checks: &reused)
        #expect(Self.lines(relinted) == Self.lines(linter.lint(after, vaultFiles: files)))
        #expect(Self.lines(relinted).contains { $0.hasPrefix("b.md:") && $0.contains("citation/undefined") })
        #expect(!Self.lines(relinted).contains { $0.hasPrefix("b.md:") && $0.contains("frontmatter/duplicate-uuid") })
        #expect(Self.lines(first).contains { $0.hasPrefix("b.md:") && $0.contains("frontmatter/duplicate-uuid") })
        // A stale check is reused as given: the note rules did not run on that note again.
        var stale = checks
        let kept = linter.lint(after, vaultFiles: files, checks: &stale)
        #expect(Self.lines(kept.filter { $0.path == "b.md" }) != Self.lines(relinted.filter { $0.path == "b.md" }))
    }
}
