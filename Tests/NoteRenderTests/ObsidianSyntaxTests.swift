import NoteParser
import Testing
@testable import NoteRender

@Suite struct ObsidianSyntaxTests {
    let links = PublishedLinks(resolver: WikilinkResolver(files: ["essays/Other Note.md"]),
                               pages: [.init(vaultPath: "essays/Other Note.md", slug: "other-note", collection: "essays")],
                               pattern: "/{collection}/{slug}", fileExtension: "html")

    @Test func resolvesWikilinksByPatternOrWritesPlainText() throws {
        let cleaned = try Fixtures.clean("See [[Other Note#Part Two|the other]], [[other note]] and [[Private idea]].\n", links: links)
        #expect(cleaned.markdown == "See [the other](</essays/other-note#part-two>), [other note](</essays/other-note>) and Private idea.\n")
    }

    @Test func linksHeadingsInsideTheNote() throws {
        let renderer = NoteRenderer(templates: try Fixtures.templates(), links: links)
        let html = renderer.html(renderer.clean(try Fixtures.parse("## Part *Two*\n\nSee [[#Part Two]].\n\n## Part Two\n")))
        #expect(html.contains("<h2 id=\"part-two\">Part <em>Two</em></h2>"))
        #expect(html.contains("<a href=\"#part-two\">Part Two</a>"))
        #expect(html.contains("<h2 id=\"part-two-2\">Part Two</h2>"))
    }

    @Test func hidesBlockIDsAndLinksToThemInHTML() throws {
        let renderer = NoteRenderer(templates: try Fixtures.templates(), links: links)
        let text = "Para one ^abc1\n\n- item ^Item-2\n\n`code ^no`\n\nSee [[#^abc1]], [[#^item-2]] and [[Other Note#^x9]].\n"
        let html = renderer.html(renderer.clean(try Fixtures.parse(text)))
        #expect(html.contains("<p>Para one<span id=\"block-abc1\"></span></p>"))
        #expect(html.contains("<li>item<span id=\"block-item-2\"></span></li>"))
        #expect(html.contains("<code>code ^no</code>"))
        #expect(html.contains("<a href=\"#block-abc1\">^abc1</a>, <a href=\"#block-item-2\">^item-2</a>"))
        #expect(html.contains("<a href=\"/essays/other-note#block-x9\">Other Note</a>"))
        let (anchors, ids) = Fixtures.anchors(in: html)
        #expect(anchors.subtracting(ids).isEmpty)
        // Markdown keeps the ids as written; block links lead to the note.
        let markdownLinks = PublishedLinks(resolver: WikilinkResolver(files: ["essays/Other Note.md"]),
                                           pages: [.init(vaultPath: "essays/Other Note.md", slug: "other-note")],
                                           pattern: "{slug}.{ext}", fileExtension: "md")
        let markdown = try Fixtures.clean("Para ^abc1\n\n[[Other Note#^x9]]\n", links: markdownLinks).markdown
        #expect(markdown == "Para ^abc1\n\n[Other Note](<other-note.md>)\n")
    }

    @Test func turnsEmbedsIntoImagesOrLinks() throws {
        var options = RenderOptions()
        options.embedPattern = "/assets/{target}"
        let cleaned = try Fixtures.clean("![[My Chart.png]]\n\n![[Other Note]]\n", options: options, links: links)
        #expect(cleaned.markdown == "![My Chart](</assets/My%20Chart.png>)\n\n[Other Note](</essays/other-note>)\n")
    }

    @Test func removesCommentsButNotInCode() throws {
        let cleaned = try Fixtures.clean("Keep %%drop this%%this.\n\n%%\nwhole\nblock\n%%\n\n`%%code%%`\n")
        #expect(cleaned.markdown == "Keep this.\n\n`%%code%%`\n")
    }

    @Test func rendersHighlightsAsMarkOutsideCode() throws {
        let html = try Fixtures.html("A ==key point== and `==code==` and a == b.\n")
        #expect(html.contains("A <mark>key point</mark> and <code>==code==</code> and a == b."))
    }

    @Test func removesQueryCalloutsKeepingTheResponse() throws {
        let text = """
            > [!info] **Perplexity Query** (2025-01-01T00:00:00Z)
            > **Question:**
            > What is it?
            >
            > **Model:** sonar

            The response text.
            """
        let removed = try Fixtures.clean(text)
        #expect(removed.markdown == "The response text.\n")
        var options = RenderOptions()
        options.queryCallouts = .aside
        let html = try Fixtures.html(text, options: options)
        #expect(html.contains("<aside class=\"callout callout-query\">\n<details>"))
        #expect(html.contains("What is it?"))
    }

    @Test func rendersCalloutsAsAsidesWithFolding() throws {
        let html = try Fixtures.html("> [!tip]+ Try *this*\n> Body text.\n\n> [!warning]\n> Careful.\n")
        #expect(html.contains("<aside class=\"callout callout-tip\">\n<details open>\n<summary class=\"callout-title\">Try <em>this</em></summary>"))
        #expect(html.contains("<p>Body text.</p>"))
        #expect(html.contains("<aside class=\"callout callout-warning\">\n<p class=\"callout-title\">Warning</p>"))
        #expect(!html.contains("NOTEKITCALLOUT"))
    }

    @Test func rendersANestedCalloutInsideItsAside() throws {
        // One level of quote markers goes with the outer callout: the inner one is a callout of its own, boxed inside.
        let html = try Fixtures.html("> [!note] Outer\n> Before.\n>\n> > [!tip] Inner\n> > Deep.\n>\n> After.\n\n> [!warning] Next\n> Last.\n")
        let outer = try #require(html.range(of: "<aside class=\"callout callout-note\">"))
        let next = try #require(html.range(of: "<aside class=\"callout callout-warning\">"))
        let inside = html[outer.upperBound..<next.lowerBound]
        #expect(inside.contains("<p>Before.</p>\n<aside class=\"callout callout-tip\">\n<p class=\"callout-title\">Inner</p>"))
        #expect(inside.contains("<p>Deep.</p>"))
        #expect(inside.contains("</aside>\n<p>After.</p>"))
        #expect(inside.components(separatedBy: "</aside>").count == 3)
        #expect(html[next.upperBound...].contains("<p>Last.</p>"))
        #expect(!html.contains("NOTEKITCALLOUT"))
    }

    @Test func rendersCalloutsInListItemsInsideTheirItems() throws {
        let html = try Fixtures.html("- > [!tip] Listed\n  > Body.\n  > > [!info] Deep\n  > > Deeper.\n- Plain item\n\nAfter.\n")
        #expect(html.contains("<ul>\n<li>\n<aside class=\"callout callout-tip\">\n<p class=\"callout-title\">Listed</p>"))
        #expect(html.contains("<p>Body.</p>\n<aside class=\"callout callout-info\">\n<p class=\"callout-title\">Deep</p>\n<div class=\"callout-content\">\n<p>Deeper.</p>"))
        // The markers blank lines make the list loose: its items hold paragraphs.
        #expect(html.contains("</aside>\n</li>\n<li>\n<p>Plain item</p>\n</li>\n</ul>\n<p>After.</p>"))
        #expect(!html.contains("NOTEKITCALLOUT"))
    }

    @Test func rendersManyCallouts() throws {
        let text = (1...300).map { "> [!note] Title \($0)\n> Body \($0).\n" }.joined(separator: "\n")
        let html = try Fixtures.html(text)
        #expect(html.components(separatedBy: "<aside class=\"callout callout-note\">").count == 301)
        #expect(html.contains("<p class=\"callout-title\">Title 300</p>"))
        #expect(try #require(html.range(of: "Body 299.")).lowerBound < #require(html.range(of: "Title 300")).lowerBound)
        #expect(!html.contains("NOTEKITCALLOUT"))
    }

    @Test func keepsAllowedFrontMatterKeys() throws {
        let text = "---\ntitle: T\nsite_uuid: 123\ntags: [a]\n---\nBody\n"
        #expect(try Fixtures.clean(text).markdown == "---\ntitle: T\ntags: [a]\n---\nBody\n")
        var options = RenderOptions()
        options.frontMatter = .none
        #expect(try Fixtures.clean(text, options: options).markdown == "Body\n")
    }
}
