import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NoteLint
import NoteParser
import Testing
@testable import NoteRender

/// `render --site` on a fixture vault (SiteFixture): which notes publish, every link, embed and
/// transclusion form, backlinks, sources pages, indexes, feeds, search, the broken-link report,
/// the security of today's render, and incremental rebuilds.
@Suite struct SiteTests {
    static let notePages = ["harbour-walls.html", "tide-tables.html", "loop-a.html", "loop-b.html", "shared-draft.html",
                            "script-script-alert-1-script.html"]

    @Test func publishesCollectionsAndPublishTrueButNothingElse() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        let report = SiteFixture.build(run, vault)
        #expect(report.errors.isEmpty)
        #expect(report.pages == 6 && report.rendered == 6)
        let files = try FileManager.default.subpathsOfDirectory(atPath: vault.output.path)
        for page in Self.notePages { #expect(files.contains(page), "\(page)") }
        #expect(!files.contains("private-plans.html") && !files.contains("withdrawn.html"))
        // The unpublished note's text is nowhere in the site, not even through an embed or the search index.
        for file in files where !file.hasPrefix("assets") {
            var isFolder: ObjCBool = false
            let path = vault.output.appendingPathComponent(file).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            // Bytes, not text: the manifest is binary.
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).range(of: Data("SECRET-PLAN".utf8)) == nil, "\(file)")
        }
    }

    @Test func resolvesEveryLinkForm() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        _ = SiteFixture.build(run, vault)
        let page = try vault.read("harbour-walls.html")
        #expect(page.contains("""
            See <a href="tide-tables.html">Tide Tables</a>, <a href="tide-tables.html">the tables</a>, \
            <a href="tide-tables.html#spring-tides">Tide Tables</a>,
            <a href="tide-tables.html#block-springs">concepts/Tide Tables</a>, <a href="tide-tables.html">Neap</a> (an alias), \
            <a href="#maintenance">Maintenance</a>, Private Plans and Nowhere.
            """))
        #expect(page.contains("<p><img src=\"assets/wall.png\" alt=\"wall\" /> and <a href=\"assets/plans.pdf\">plans.pdf</a>.</p>"))
        #expect(page.contains("<h2 id=\"maintenance\">Maintenance</h2>"))
        // The anchors the links lead to are on the target page.
        let tables = try vault.read("tide-tables.html")
        #expect(tables.contains("<h2 id=\"spring-tides\">Spring Tides</h2>"))
        #expect(tables.contains("Spring tides run high.<span id=\"block-springs\"></span>"))
        #expect(try vault.read("assets/wall.png") == "PNG" && vault.read("assets/plans.pdf") == "PDF")
    }

    @Test func fillsEmbedsOfNotesHeadingsAndBlocks() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        _ = SiteFixture.build(run, vault)
        let page = try vault.read("harbour-walls.html")
        #expect(page.contains("""
            <div class="transclusion">
            <a class="transclusion-source" href="tide-tables.html#spring-tides">Tide Tables › Spring Tides</a>
            <h2 id="spring-tides">Spring Tides</h2>
            <p>Spring tides run high.<span id="block-springs"></span></p>
            <p>Second spring paragraph.</p>
            </div>
            <div class="transclusion">
            <a class="transclusion-source" href="tide-tables.html#block-springs">Tide Tables › ^springs</a>
            <p>Spring tides run high.</p>
            </div>
            <p>Private Plans</p>
            """))
        // A section ends at the next heading of its level; a block is its paragraph.
        #expect(!page.contains("Neap tides run low") && !page.contains("Intro paragraph"))
        // A whole note, and a cycle of embeds stopped where it would repeat.
        let loop = try vault.read("loop-a.html")
        #expect(loop.contains("""
            <p>A text.</p>
            <div class="transclusion">
            <a class="transclusion-source" href="loop-b.html">Loop B</a>
            <p>B text.</p>
            <p><a href="loop-a.html">Loop A</a></p>
            </div>
            """))
    }

    @Test func fillsEmbedsInListItemsAndNoEmbeddedTextStandsForAPlaceholder() throws {
        let vault = try TemporaryVault([
            "A.md": "---\ntitle: A\npublish: true\n---\n- ![[B]]\n- ![[C]]\n",
            // B's text spells the placeholder A's second embed gets: it stays B's text.
            "B.md": "---\ntitle: B\npublish: true\n---\nB says NOTEKITEMBED2Z.\n",
            "C.md": "---\ntitle: C\npublish: true\n---\nC text.\n",
        ])
        defer { vault.remove() }
        let run = SiteRun(settings: SiteSettings(), templates: try PageTemplates(site: true), vaultRoot: vault.root.path, generator: "test")
        _ = SiteFixture.build(run, vault)
        let page = try vault.read("a.html")
        #expect(page.contains("""
            <ul>
            <li><div class="transclusion">
            <a class="transclusion-source" href="b.html">B</a>
            <p>B says NOTEKITEMBED2Z.</p>
            </div></li>
            <li><div class="transclusion">
            <a class="transclusion-source" href="c.html">C</a>
            <p>C text.</p>
            </div></li>
            </ul>
            """))
        #expect(page.components(separatedBy: "C text.").count == 2)
    }

    @Test func reportsBrokenLinksWhereTheyAre() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        let report = SiteFixture.build(run, vault)
        let essay = vault.path("essays/Harbour Walls.md"), loopA = vault.path("concepts/Loop A.md"), loopB = vault.path("concepts/Loop B.md")
        #expect(Set(report.broken.map(\.description)) == [
            "\(essay):10:75: Private Plans (not published)",
            "\(essay):10:97: Nowhere (not found)",
            "\(essay):22:1: Private Plans (not published)",
            "\(loopA): Loop B (embeds a note that embeds it (a cycle); linked instead)",
            "\(loopB): Loop A (embeds a note that embeds it (a cycle); linked instead)",
        ])
    }

    @Test func reportsLinksToHeadingsAndBlocksTheTargetLacks() throws {
        var files = SiteFixture.files
        files["essays/Harbour Walls.md"] = "---\ntitle: Harbour Walls\n---\n[[Tide Tables#Ebb]] [[Tide Tables#^nope]] [[#Here]] [[Tide Tables#Neap Tides]]\n\n## Here\n"
        files[".notekit.yml"] = SiteFixture.configuration
        let vault = try TemporaryVault(files)
        defer { vault.remove() }
        let run = SiteRun(settings: try ConfigurationLoader.parse(SiteFixture.configuration).site, templates: try PageTemplates(site: true),
                          vaultRoot: vault.root.path, generator: "test")
        let report = SiteFixture.build(run, vault)
        let essay = vault.path("essays/Harbour Walls.md")
        #expect(report.broken.filter { $0.path == essay }.map(\.description) == [
            "\(essay):4:1: Tide Tables#Ebb (no such heading)", "\(essay):4:21: Tide Tables#^nope (no such block)",
        ])
    }

    @Test func backlinksAndSourcesPages() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        _ = SiteFixture.build(run, vault)
        #expect(try vault.read("harbour-walls.html").contains("""
            <h2 id="backlinks-heading">Linked from</h2>
            <ul>
            <li><a href="shared-draft.html">Shared Draft</a></li>
            </ul>
            """))
        #expect(try vault.read("tide-tables.html").contains("<li><a href=\"harbour-walls.html\">Harbour Walls</a></li>"))
        // The survey, cited by two notes (its URL once with a trailing slash), has one page listing both.
        let page = try vault.read("harbour-walls.html")
        #expect(page.contains("<a class=\"source-page\" href=\"sources/t1.html\">cited by</a>"))
        let survey = try vault.read("sources/t1.html")
        #expect(survey.contains("<h1 class=\"note-title\">Wall Survey</h1>"))
        #expect(survey.contains("<li><a href=\"../tide-tables.html#fn-1\">Tide Tables</a> (source 1)</li>"))
        #expect(survey.contains("<li><a href=\"../harbour-walls.html#fn-1\">Harbour Walls</a> (source 1)</li>"))
        #expect(survey.contains("<li>URL: <a href=\"https://example.org/survey/\">https://example.org/survey/</a></li>"))
        let upkeep = try vault.read("sources/w2.html")
        #expect(upkeep.contains("<a href=\"https://example.org/upkeep\">Upkeep Costs</a>, Example Press."))
        #expect(try vault.read("sources/index.html").contains("<a href=\"../sources/t1.html\">Wall Survey</a> (2 pages)"))
    }

    @Test func indexesFeedsSearchAndLlmsTxt() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        _ = SiteFixture.build(run, vault)
        let coast = try vault.read("tags/coast.html")
        #expect(coast.contains("<h1 class=\"note-title\">Tagged Coast</h1>"))
        #expect(coast.contains("<li><a href=\"../harbour-walls.html\">Harbour Walls</a> (2025-03-01): Why walls outlast their builders.</li>"))
        #expect(coast.contains("<li><a href=\"../tide-tables.html\">Tide Tables</a> (2025-02-01)</li>"))
        #expect(coast.contains("<a class=\"site-home\" href=\"../index.html\">Coast Notes</a>"))
        #expect(try vault.read("collections/essays.html").contains("<a href=\"../harbour-walls.html\">Harbour Walls</a>"))
        let home = try vault.read("index.html")
        #expect(home.contains("<h2 id=\"essays\"><a href=\"collections/essays.html\">Essays</a></h2>"))
        #expect(home.contains("<a href=\"tags/coast.html\">Coast</a> (2)"))

        let sitemap = try vault.read("sitemap.xml")
        #expect(XMLParser(data: Data(sitemap.utf8)).parse())
        for page in Self.notePages + ["index.html", "tags/coast.html", "sources/t1.html"] {
            #expect(sitemap.contains("<loc>https://coast.example.org/\(page)</loc>"), "\(page)")
        }
        let feed = try vault.read("feed.xml")
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        // Newest first: Harbour Walls (2025-03-01), then Tide Tables (2025-02-01); undated notes are left out.
        let walls = try #require(feed.range(of: "<title>Harbour Walls</title>")), tables = try #require(feed.range(of: "<title>Tide Tables</title>"))
        #expect(walls.lowerBound < tables.lowerBound && !feed.contains("Loop A"))
        #expect(feed.contains("<updated>2025-03-04T00:00:00Z</updated>"))

        let search = try #require(JSONSerialization.jsonObject(with: Data(vault.read("search.json").utf8)) as? [[String: Any]])
        #expect(search.count == 6)
        let entry = try #require(search.first { $0["url"] as? String == "tide-tables.html" })
        #expect(entry["title"] as? String == "Tide Tables" && (entry["text"] as? String)?.contains("Spring tides run high") == true)
        // Words only: no link destination, no placeholder of an embed.
        let wallsText = try #require(search.first { $0["url"] as? String == "harbour-walls.html" }?["text"] as? String)
        #expect(wallsText.hasPrefix("The wall is old. ^1 See Tide Tables , the tables , Tide Tables ,"))
        #expect(!wallsText.contains(".html") && !wallsText.contains("NOTEKITEMBED") && !wallsText.contains("example.org"))
        #expect(try vault.read("search.js").contains("search.json"))
        let llms = try vault.read("llms.txt")
        #expect(llms.hasPrefix("# Coast Notes\n\n## Essays\n\n"))
        #expect(llms.contains("- [Harbour Walls](<https://coast.example.org/harbour-walls.html>): Why walls outlast their builders.\n"))

        let walls2 = try vault.read("harbour-walls.html")
        #expect(walls2.contains("<meta property=\"og:title\" content=\"Harbour Walls\">"))
        #expect(walls2.contains("<meta property=\"article:tag\" content=\"Engineering\">"))
        #expect(walls2.contains("""
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article",\
            "author":[{"@type":"Person","name":"Ana Reyes"}],"dateModified":"2025-03-04","datePublished":"2025-03-01",\
            "description":"Why walls outlast their builders.","headline":"Harbour Walls","keywords":["Coast","Engineering"],\
            "url":"https://coast.example.org/harbour-walls.html"}</script>
            """))
        // A page with at least toc_headings headings gets a table of contents.
        #expect(walls2.contains("<li class=\"toc-level-2\"><a href=\"#maintenance\">Maintenance</a></li>"))
        #expect(!(try vault.read("loop-a.html")).contains("class=\"toc\""))
    }

    @Test func keepsScriptOutAndWritesOnlyInsideTheOutput() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        _ = SiteFixture.build(run, vault)
        let page = try vault.read("script-script-alert-1-script.html")
        #expect(!page.contains("alert(2)") && !page.contains("javascript:") && !page.contains("<img src=x"))
        #expect(page.contains("<h1 class=\"note-title\">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        // The title in JSON-LD cannot close its script element.
        #expect(page.contains("\"headline\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""))
        // Scripts: the JSON-LD and the site's own search script, nothing else.
        #expect(page.components(separatedBy: "<script").count == 3)
        // A tag spelling a path is a slug.
        #expect(page.contains("<a href=\"tags/etc.html\">../../etc</a>"))

        // A folder of the output that links elsewhere is not written through.
        let elsewhere = vault.base.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: vault.output.appendingPathComponent("tags"))
        try FileManager.default.createSymbolicLink(atPath: vault.output.appendingPathComponent("tags").path, withDestinationPath: elsewhere.path)
        let report = SiteFixture.build(run, vault)
        #expect(report.errors.contains { $0.contains("refusing to write outside") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func rebuildsOnlyThePagesWhoseInputsChanged() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        let firstBuild = SiteFixture.build(run, vault)
        func modified() throws -> [String: Date] {
            var dates: [String: Date] = [:]
            for file in try FileManager.default.subpathsOfDirectory(atPath: vault.output.path) {
                let attributes = try FileManager.default.attributesOfItem(atPath: vault.output.appendingPathComponent(file).path)
                if attributes[.type] as? FileAttributeType == .typeRegular { dates[file] = attributes[.modificationDate] as? Date }
            }
            return dates
        }
        let first = try modified()
        let again = SiteFixture.build(run, vault)
        #expect(again.rendered == 0 && again.written.isEmpty && again.errors.isEmpty)
        // The pages not rendered again report the problems of their embeds as the first build did.
        #expect(again.broken.count == 5 && Set(again.broken.map(\.description)) == Set(firstBuild.broken.map(\.description)))
        #expect(try modified() == first)

        // An edit of Tide Tables: its page, the page embedding it, and the search index change; nothing else.
        let tables = vault.path("concepts/Tide Tables.md")
        try String(contentsOfFile: tables, encoding: .utf8).replacingOccurrences(of: "Second spring paragraph.", with: "Second spring paragraph, edited.")
            .write(toFile: tables, atomically: true, encoding: .utf8)
        let edited = SiteFixture.build(run, vault)
        #expect(edited.rendered == 2)
        let changed = Set(edited.written.map { $0.path.replacingOccurrences(of: vault.output.path + "/", with: "") })
        #expect(changed == ["tide-tables.html", "harbour-walls.html", "search.json"])
        let after = try modified()
        for (file, date) in first where !changed.contains(file) && file != SiteManifest.fileName { #expect(after[file] == date, "\(file)") }
        #expect(try vault.read("harbour-walls.html").contains("Second spring paragraph, edited."))

        // Shared Draft unpublished: its page goes, and the page it linked to loses the backlink.
        let draft = vault.path("drafts/Shared Draft.md")
        try String(contentsOfFile: draft, encoding: .utf8).replacingOccurrences(of: "publish: true", with: "publish: false")
            .write(toFile: draft, atomically: true, encoding: .utf8)
        let unpublished = SiteFixture.build(run, vault)
        #expect(unpublished.removed.contains("shared-draft.html"))
        #expect(!FileManager.default.fileExists(atPath: vault.output.appendingPathComponent("shared-draft.html").path))
        #expect(try !vault.read("harbour-walls.html").contains("Linked from"))
    }
}
