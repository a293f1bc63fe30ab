import NoteParser
import Testing
@testable import NoteRender

/// `SourcesPages.Page`: a source's page made of parts (the source's Markdown through cmark-gfm
/// alone, the heading and list written directly) is the page its whole Markdown makes, or none.
@Suite struct SiteSourcesPageTests {
    /// The index page's passes over cmark-gfm's HTML, for a page in `sources/`.
    static func passes(_ html: String) -> String {
        RelativeURLs.rebase(URLSafety.filterAttributes(HeadingIDs.render(html)), prefix: "../")
    }

    static let sources = [
        "2025, Sep 14. [A Title](https://example.com/a?b=c&d=e). Published: 2025-01-01 | Updated: N/A",
        "2025, Sep 14. [A Title](https://example.com/a). Published: 2025-01-01\n\n- URL: [https://example.com/a](<https://example.com/a>)\n- Date: 2025, Sep 14",
        "https://example.com/bare", "<https://example.com/angle>", "www.example.com and me@example.com", "Plain text source", "", "   ",
        "&amp; &copy; &#35; &bogus;", "*emph* _under_ ~~gone~~ `code` **strong**", "trailing  ", "back\\", "a\\\nb",
        "[ref link][ref]\n\n[ref]: https://example.com/r \"title\"", "[Cited by]: /defined\n\n[Cited by]",
        "[Second page]: /elsewhere.html\n\n[Second page]", "[ref]: /url\n'title on the next line'", "[collapsed][]\n\n[collapsed]: /c",
        "- a\n- b", "- a\n\n- b", "1. a\n\n   b", "- [ ] task\n- [x] done", "> quote\n> more", "> quote\nlazy", "    indented code",
        "- item\n\n      code in item", "| a | b |\n| - | - |\n| 1 | 2 |", "Setext\n===", "Setext\n---", "---", "# Heading", "## Cited by",
        "## Cited by\n\n## Cited by", "<div>\nblock", "<div>\n\n*x*", "<span>inline</span>", "x <b>bold</b>", "<preface>", "<scripted> x",
        "a\r\nb\r\n", "a\rb", "nul\u{0}byte", "Ünïcödé — “quotes”", "e\u{301}", "emoji 👍🏽", "javascript:alert(1)",
        "[x](javascript:alert(1)) [y](<a b>) ![i](p.png)", "<a href=\"javascript:alert(1)\">raw</a>", "x = y href=\"z\"",
        "Term\n: definition", "a | b", "\\[not a link\\]", "[unclosed", "text\n\n\n\n", "\n\nleading", "\t\ttabbed",
    ]
    /// Sources whose blocks or footnotes could reach past their blank line: made whole.
    static let reaching = [
        "```\nopen fence", "~~~\nopen fence", "> ```\n> open in a quote", "- ~~~\n  open in an item", "```\nclosed\n```",
        "<!-- open comment", "<!-- closed -->", "<pre>\nopen", "<PRE>", "<script>x", "<style>", "<textarea>", "<?php x",
        "<![CDATA[ x", "<!DOCTYPE html>", "note[^1]\n\n[^1]: A footnote.", "[^1]", "[^1]: defined, not used", "x [^\u{301}y]",
    ]
    static let citing = [
        [LinkList.Item(title: "An essay", url: "essays/an-essay.html#fn-3", after: " (source 3)")],
        [LinkList.Item(title: "Moore's Law & \"R&D\" <b>", url: "a/b_c.html#fn-1", after: " (source 1)"),
         LinkList.Item(title: "Second page", url: "second.html#fn-12", after: " (source 12)")],
        [LinkList.Item(title: "Cited by", url: "cited-by.html#fn-2", after: " (source 2)")],
    ]

    @Test func composedHTMLIsTheWholePages() {
        var composed = 0
        for source in Self.sources + Self.reaching {
            for items in Self.citing {
                for unsafe in [false, true] {
                    let page = SourcesPages.Page(source: source, citedBy: LinkList(items: items))
                    guard let html = page.cmarkHTML(unsafe: unsafe) else { continue }
                    composed += 1
                    #expect(Self.passes(html) == Self.passes(CmarkParser.renderHTML(markdown: page.markdown, unsafe: unsafe)),
                            "\(source.debugDescription) \(items.map(\.title)) unsafe: \(unsafe)")
                }
            }
        }
        #expect(composed == Self.sources.count * Self.citing.count * 2)
    }

    /// Texts and URLs for `SourceHTML`: plain ones and every kind it must leave to cmark-gfm.
    static let plainTexts = [
        "A Title", "Moore's Law", "R&D \"quoted\"", "x > y", "a | b", "50% off", "C# and F#", "what?!", "Ünïcödé — “quotes”",
        "emoji 👍🏽", "e\u{301}", "a  b", "AT&T", "&amp;", "&#35;", "&bogus", "x\\_y\\*z", "\\[bracketed\\]", "*emph*", "_under_", "`code`",
        "~~gone~~", "~one~", "me@example.com", "www.example.com", "WWW.EXAMPLE.COM", "see https://example.com", "mailto:me", "xmpp:me",
        "a <b> c", "tab\there", "[nested]", "!bang", "![img](https://x.com/i.png)", "1. not a list", "2025, Sep 14.", "2025. Title",
        "3) x", "# heading", "> quote", "- item", "+ plus", "=== setext", "--- rule", " leading", "trailing ", "back\\", "\\", "a\\b",
        "^caret", "{curly} $dollar", "x = y", "a\u{7F}b", "nul\u{0}", "«French»", "[^1]", "a: b", "http: x", "line\nbreak", "a\r",
    ]
    static let plainURLs = [
        "https://example.com/a", "https://example.com/a?b=c&d=e", "http://x.org/p_(q)", "https://x.com/a%20b", "https://x.com/#frag",
        "https://x.com/~u/;p,q=r!s*t$u+v@w", "https://x.com/&amp;", "https://x.com/&#35;", "https://x.com/it's", "https://x.com/a b",
        "https://x.com/ü", "javascript:alert(1)", "ftp://x.com", "/relative", "https://x.com/a\\_b", "https://x.com/a)b", "https://x.com/<x>",
        "https://x.com/\"q\"", "HTTPS://X.COM",
    ]

    /// Sources as `SiteSource.markdown` writes them: the text (house style, a link, text and a
    /// link, or text alone), then its facts.
    static var plainSources: [String] {
        var sources: [String] = []
        for text in plainTexts {
            sources.append(text)
            sources.append(text + "\n\n- Published: " + MarkdownText.escape(text))
            for url in plainURLs {
                for link in ["[\(text)](\(url))", "[\(text)](<\(url)>)", MarkdownText.link(text, url: url)] {
                    sources += [link, link + ".", "2025, Sep 14. \(link). Published: 2025-01-01 | Updated: N/A", "\(text) at \(link)"]
                }
                sources.append("[A](\(url))\n\n- URL: \(MarkdownText.link(url, url: url))\n- Date: 2025, Sep 14")
                sources.append("- [A](\(url))\n\n\(text)\n\n- B")
            }
        }
        return sources
    }

    @Test func plainSourcesAreWrittenAsCmarkGFMRendersThem() {
        var direct = 0
        for source in Self.plainSources {
            guard let html = SourceHTML.html(source) else { continue }
            direct += 1
            for unsafe in [false, true] {
                #expect(html == CmarkParser.renderHTML(markdown: source + "\n\n", unsafe: unsafe), "\(source.debugDescription) unsafe: \(unsafe)")
            }
        }
        #expect(direct > 2_000)
        // The corpus's common shapes are written directly; what cmark-gfm reads as more than text is not.
        for source in ["2025, Sep 14. [A Title](https://example.com/a?b=c&d=e). Published: 2025-01-01 | Updated: N/A\n\n- URL: "
                       + MarkdownText.link("https://example.com/a?b=c&d=e", url: "https://example.com/a?b=c&d=e") + "\n- Date: 2025, Sep 14",
                       "[Moore's Law & \"R&D\"](https://example.com/a).", "Report, Glean. [Hybrid](<https://x.com/p_(q)>)"] {
            #expect(SourceHTML.html(source) != nil, "\(source.debugDescription)")
        }
        for source in ["*emph*", "Accessed at https://example.com", "1. x", "[x](javascript:alert(1))", "a &copy; b", "x\n\n\n- y", "",
                       "a\n\n", "- a\n- [ ] task", "<b>x</b>", "[a]: https://x.com", "- a\n\n- b", "A\n\n- a\n\nB\n\n- b\n\n- c"] {
            #expect(SourceHTML.html(source) == nil, "\(source.debugDescription)")
        }
    }

    @Test func passedHTMLIsWhatThePassesLeaveOfTheWholePage() {
        // Citing pages whose titles hold `'` (a quote an attribute's value could run to), `&`,
        // `<`, `"`, headings' words, and a URL from the root or a fragment (not moved).
        let citing = Self.citing + [
            [LinkList.Item(title: "It's 'quoted'", url: "/top.html", after: " (source 1)"),
             LinkList.Item(title: "<h2>Cited by</h2>", url: "#fn-2", after: " 'after'")],
        ]
        let odd = ["src=javascript:alert(1)", "x href='javascript:alert(1)' y", "[src=javascript:x](https://x.com/a)",
                   "[A](https://x.com/?src=javascript:alert(1))", "Moore's Law: href='javascript:x"]
        var direct = 0
        for (number, source) in (Self.plainSources + Self.sources + Self.reaching + odd).enumerated() {
            let page = SourcesPages.Page(source: source, citedBy: LinkList(items: citing[number % citing.count]))
            let prefix = number % 5 == 0 ? "" : "../"
            guard let html = page.passedHTML(prefix: prefix) else { continue }
            direct += 1
            for unsafe in [false, true] {
                let whole = RelativeURLs.rebase(URLSafety.filterAttributes(HeadingIDs.render(CmarkParser.renderHTML(markdown: page.markdown,
                                                                                                                  unsafe: unsafe))), prefix: prefix)
                #expect(html == whole, "\(source.debugDescription) \(page.citedBy.items.map(\.title)) unsafe: \(unsafe)")
            }
        }
        #expect(direct > 2_000)
        // A source with `=` in its text takes the passes, which may empty what reads as an attribute.
        for source in odd.dropLast(2) + ["2025, Sep 14. [Q](https://x.com/?a=b)\n\n- URL: " + MarkdownText.link("https://x.com/?a=b", url: "https://x.com/?a=b")] {
            #expect(SourceHTML.html(source) != nil && SourcesPages.Page(source: source, citedBy: LinkList(items: citing[0])).passedHTML(prefix: "../") == nil,
                    "\(source.debugDescription)")
        }
        let unsafeText = SourcesPages.Page(source: "src=javascript:alert(1)", citedBy: LinkList(items: citing[0]))
        #expect(Self.passes(unsafeText.cmarkHTML(unsafe: false) ?? "").contains("src=\"\""))
        // The corpus's common shape is written directly.
        let common = SourcesPages.Page(source: "2025, Sep 14. [A Title](https://example.com/a?b=c&d=e). Published: 2025-01-01\n\n- URL: "
                                       + MarkdownText.link("https://example.com/a", url: "https://example.com/a") + "\n- Date: 2025, Sep 14",
                                       citedBy: LinkList(items: citing[1]))
        #expect(common.passedHTML(prefix: "../") == Self.passes(CmarkParser.renderHTML(markdown: common.markdown)))
    }

    @Test func sourcesThatCouldReachPastTheirBlankLineAreMadeWhole() {
        for source in Self.reaching { #expect(!SourcesPages.Page.standsAlone(source), "\(source.debugDescription)") }
        // Made of parts anyway, these pages would differ: a code block, a comment, `<pre>` running
        // on, the footnotes section after the list.
        for source in ["```\nopen fence", "<!-- open comment", "<pre>\nopen", "note[^1]\n\n[^1]: A footnote."] {
            let page = SourcesPages.Page(source: source, citedBy: LinkList(items: Self.citing[0]))
            let parts = CmarkParser.renderHTML(markdown: source + "\n\n") + "<h2>Cited by</h2>\n" + (page.citedBy.html(prefix: "") ?? "")
            #expect(parts != CmarkParser.renderHTML(markdown: page.markdown), "\(source.debugDescription)")
        }
        // A list cmark-gfm must read makes the whole page too.
        let entity = SourcesPages.Page(source: "Plain", citedBy: LinkList(items: [LinkList.Item(title: "&copy;", url: "a.html", after: "")]))
        #expect(entity.cmarkHTML(unsafe: false) == nil)
    }
}
