import Testing
@testable import NoteFix

/// `RewriteSummary`: counts per origin, terminal text and the Markdown report.
@Suite struct RewriteSummaryTests {
    func rewrites() throws -> [NoteRewrite] {
        let first = NoteRewrite.plan(try Support.note("[^1] a\n[^2] b\n", path: "/vault/dir/First.md"),
                                     edits: [Support.edit(3..<5, "]: ", origin: "citation/missing-colon"),
                                             Support.edit(11..<11, ":", origin: "citation/missing-colon"),
                                             Support.edit(4..<6, "x", origin: "body/other")])
        let second = NoteRewrite.plan(try Support.note("[^1] a\n", path: "/vault/Second.md"),
                                      edits: [Support.edit(4..<4, ":", origin: "citation/missing-colon")])
        let untouched = NoteRewrite.plan(try Support.note("ok\n", path: "/vault/Third.md"), edits: [])
        return [first, second, untouched]
    }

    @Test func countsEditsAndFilesPerOrigin() throws {
        let summary = RewriteSummary(try rewrites())
        #expect(summary.lines == [.init(origin: "citation/missing-colon", edits: 3, files: 2)])
        #expect(summary.text == """
            citation/missing-colon: 3 edits in 2 files
            3 edits in 2 files
            1 edit dropped: they overlap another edit
            """)
    }

    @Test func markdownLinksChangedNotes() throws {
        let report = RewriteSummary(try rewrites()).markdown(vaultRoot: "/vault")
        #expect(report.contains("| `citation/missing-colon` | 3 | 2 |"))
        #expect(report.contains("- [[dir/First]]: `citation/missing-colon` ×2\n"))
        #expect(report.contains("- [[Second]]: `citation/missing-colon` ×1\n"))
        #expect(!report.contains("[[Third]]"))
        #expect(report.contains("- [[dir/First]]: `body/other` dropped: overlaps `citation/missing-colon`"))
    }

    @Test func refusalsAreListed() throws {
        let note = try Support.note("---\na: [\n---\nx\n", path: "/vault/Broken.md")
        let summary = RewriteSummary([NoteRewrite.plan(note, edits: [Support.edit(4..<5, "b", origin: "frontmatter/x")])])
        #expect(summary.text.hasPrefix("0 edits in 0 files\n/vault/Broken.md: refused frontmatter/x: the front matter has a YAML error"))
        #expect(summary.markdown(vaultRoot: "/vault").contains("- [[Broken]]: `frontmatter/x` refused: the front matter has a YAML error"))
    }
}
