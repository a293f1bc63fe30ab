import Foundation
import NoteLint
import NoteParser
import Testing
@testable import NoteRender

/// Relative Markdown links to notes (`[x](Other.md)`, `[x](folder/Other%20Note.md#heading)`)
/// become page links on the site, as wikilinks do; links to unpublished or missing notes become
/// their text and are reported; other links are published as written.
@Suite struct SiteMarkdownLinkTests {
    static let files: [String: String] = [
        "essays/Reading List.md": """
            ---
            title: Reading List
            publish: true
            ---
            See [the **tables**](../concepts/Tide%20Tables.md), [spring](<../concepts/Tide Tables.md#Spring Tides>),
            [from the top](concepts/Tide%20Tables.md "a title"), [next door](Harbour.md#^walls) and [here](#reading).

            Not ours: [private](../drafts/Plans.md), [missing](Gone.md), [web](https://example.org/a.md),
            [a file](../notes.txt) and [by reference][ref].

            `[in code](Harbour.md)`

            [ref]: Harbour.md

            """,
        "essays/Harbour.md": "---\ntitle: Harbour\npublish: true\n---\nWalls stand. ^walls\n",
        "concepts/Tide Tables.md": "---\ntitle: Tide Tables\npublish: true\n---\n## Spring Tides\n\nHigh.\n",
        "drafts/Plans.md": "---\ntitle: Plans\n---\nSecret.\n",
        "notes.txt": "text",
    ]

    @Test func linksNotesAsWikilinksAreLinked() throws {
        let vault = try TemporaryVault(Self.files)
        defer { vault.remove() }
        let run = SiteRun(settings: SiteSettings(), templates: try PageTemplates(site: true), vaultRoot: vault.root.path, generator: "test")
        let report = run.build(files: NoteFiles.collect([vault.root.path]).files, output: OutputFolder(path: vault.output.path))
        #expect(report.errors.isEmpty && report.pages == 3)
        let page = try vault.read("reading-list.html")
        #expect(page.contains("<a href=\"tide-tables.html\">the <strong>tables</strong></a>"))
        #expect(page.contains("<a href=\"tide-tables.html#spring-tides\">spring</a>"))
        #expect(page.contains("<a href=\"tide-tables.html\" title=\"a title\">from the top</a>"))
        #expect(page.contains("<a href=\"harbour.html#block-walls\">next door</a>"))
        #expect(page.contains("<a href=\"#reading\">here</a>"))
        // Unpublished and missing notes: their text, reported; the rest as written.
        #expect(page.contains("Not ours: private, missing, "))
        #expect(!page.contains("Plans.md") && !page.contains("Gone.md"))
        #expect(page.contains("<a href=\"https://example.org/a.md\">web</a>"))
        #expect(page.contains("<a href=\"../notes.txt\">a file</a>"))
        #expect(page.contains("<a href=\"Harbour.md\">by reference</a>"))
        #expect(page.contains("<code>[in code](Harbour.md)</code>"))
        let broken = report.broken.map(\.description)
        #expect(broken.contains { $0.hasSuffix("Reading List.md:8:11: ../drafts/Plans.md (not published)") }, "\(broken)")
        #expect(broken.contains { $0.hasSuffix("Reading List.md:8:42: Gone.md (not found)") }, "\(broken)")
        #expect(broken.count == 2, "\(broken)")
    }
}
