import Foundation
import Testing
@testable import NoteFix

/// The `notekit fix` command: modes, report and exit codes.
@Suite(.enabled(if: Support.hasBinary, "notekit is not built at .build/debug/notekit"))
struct FixCommandTests {
    static let note = "---\ntitle: Note\ntags: [a]\n---\nText.[^a1]\n\n[^a1] [Source](https://example.com)\n"
    static let fixed = "---\ntitle: Note\ntags:\n  - a\n---\nText.[^a1]\n\n[^a1]: [Source](https://example.com)\n"

    /// A vault with one fixable note in a subfolder.
    func vault() throws -> URL {
        let directory = try Support.temporaryDirectory()
        try Data("extends: research-vault  # frontmatter/tags-style is a style rule\n".utf8).write(to: directory.appendingPathComponent(".notekit.yml"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try Data(Self.note.utf8).write(to: directory.appendingPathComponent("dir/Note.md"))
        return directory
    }

    func contents(_ directory: URL) -> String? {
        FileManager.default.contents(atPath: directory.appendingPathComponent("dir/Note.md").path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func dryRunAndDiffChangeNothingAndExitOne() throws {
        let directory = try vault()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dry = try Support.notekit(["fix", "."], in: directory)
        #expect(dry.status == 1)
        #expect(dry.output.hasPrefix("citation/missing-colon: 1 edit in 1 file\nfrontmatter/tags-style: 1 edit in 1 file\n2 edits in 1 file\n"))
        let diff = try Support.notekit(["fix", "--diff", "."], in: directory)
        #expect(diff.status == 1)
        #expect(diff.output.hasPrefix("--- a/dir/Note.md\n+++ b/dir/Note.md\n@@ -1,7 +1,8 @@\n"))
        #expect(diff.errors.contains("2 edits in 1 file"))
        #expect(contents(directory) == Self.note)
    }

    @Test func writeFixesAndReports() throws {
        let directory = try vault()
        defer { try? FileManager.default.removeItem(at: directory) }
        let write = try Support.notekit(["fix", "--write", "--report", "report.md", "."], in: directory)
        #expect(write.status == 0)
        #expect(contents(directory) == Self.fixed)
        let report = try String(contentsOf: directory.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("- [[dir/Note]]: `citation/missing-colon` ×1, `frontmatter/tags-style` ×1"))
        let again = try Support.notekit(["fix", "."], in: directory)
        #expect(again.status == 0)
        #expect(again.output == "0 edits in 0 files\n")
    }

    @Test func selectAppliesOneRule() throws {
        let directory = try vault()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Support.notekit(["fix", "--write", "--select", "citation/missing-colon", "."], in: directory).status == 0)
        #expect(contents(directory) == Self.note.replacingOccurrences(of: "[^a1] [", with: "[^a1]: ["))
    }

    @Test func unsafeFixesNeedTheFlag() throws {
        let directory = try vault()
        defer { try? FileManager.default.removeItem(at: directory) }
        let unused = "---\ntitle: Note\n---\nText.\n\n[^zz9999]: [Old](https://example.com/old)\n"
        try Data(unused.utf8).write(to: directory.appendingPathComponent("dir/Note.md"))
        let safe = try Support.notekit(["fix", "--write", "."], in: directory)
        #expect(safe.status == 0)
        #expect(safe.output == "0 edits in 0 files\n1 more fix with --unsafe-fixes (review them with --diff)\n")
        #expect(contents(directory) == unused)
        let lint = try Support.notekit(["lint", "."], in: directory)
        #expect(lint.output.contains("warning[citation/unused] definition [^zz9999] is not cited"))
        #expect(lint.output.contains("(0 fixable; 1 more with --unsafe-fixes)"))
        let unsafe = try Support.notekit(["fix", "--write", "--unsafe-fixes", "."], in: directory)
        #expect(unsafe.status == 0)
        #expect(contents(directory) == "---\ntitle: Note\n---\nText.\n")
    }

    @Test func usageErrorsExitTwo() throws {
        let directory = try vault()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Support.notekit(["fix", "--diff", "--write", "."], in: directory).status == 2)
        #expect(try Support.notekit(["fix", "--select", "no/such-rule", "."], in: directory).status == 2)
        #expect(try Support.notekit(["fix", "missing.md"], in: directory).status == 1)
        #expect(contents(directory) == Self.note)
    }
}
