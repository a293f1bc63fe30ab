import NoteParser
import Testing
@testable import NoteRender

/// `LinkList`: the HTML a listing page's list is written as directly is the HTML its Markdown
/// gets through cmark-gfm and the index page's passes, or none (the page then takes that way);
/// made of its items (those that cannot be written directly through cmark-gfm one by one), it
/// is cmark-gfm's HTML of the whole.
@Suite struct SiteLinkListTests {
    /// What an index page in a subfolder makes of a Markdown body.
    static func throughCmark(_ list: LinkList, prefix: String) -> String {
        RelativeURLs.rebase(URLSafety.filterAttributes(HeadingIDs.render(CmarkParser.renderHTML(markdown: list.markdown))), prefix: prefix)
    }

    static let texts = [
        "Moore's Law", "\"Agent Builders\" — What the Term Means", "Industrial R&D", "S&P Global", "AT&T;", "a &amp; b", "x &#35; y",
        "&copy; 2024", "a &b; c", "&", "&;", "<script>alert(1)</script>", "a < b > c", "a*b*c", "_under_", "~~gone~~", "`code`",
        "[link](x.html)", "![image](y.png)", "a\\b", "back\\", "50% off", "a | b", "# not a heading", "x = y", "to=javascript:alert(1)",
        "href=\"javascript:alert(1)\"", "ask me@example.com", "see https://example.com/a", "www.example.com", "WWW.EXAMPLE.COM",
        "mailto:someone", "xmpp:someone", "http:no-slashes", "Ünïcödé — “quotes” ‘single’", "e\u{301}", "&\u{301}", "\"\u{301}",
        "tab\there", "line\nbreak", "cr\rhere", " padded ", "trailing  ", "", "1. not a list", "- not an item", "[^1] a note",
        "nul\u{0}byte", "emoji 👍🏽", "{curly} $dollar (paren) +plus", "---", "<!-- comment -->", "Tagged c++", "a: b; c, d. e? f!",
        "src=\"x\" title", "non\u{A0}breaking\u{A0}", "line\u{2028}separator",
    ]
    static let urls = ["a.html", "tags/x-y.html", "x.html#fn-2", "sources/a_b.html", "/from-root.html", "#fragment", "a b.html",
                       "javascript:alert(1)", "ü.html", "a&b.html", "a\"b.html", ""]

    @Test func directHTMLIsCmarkGFMs() {
        var direct = 0
        for text in Self.texts {
            for after in ["", " (2024-01-02)", ": " + text, " (3 pages)"] {
                for url in Self.urls {
                    let list = LinkList(items: [LinkList.Item(title: text, url: url, after: after),
                                                LinkList.Item(title: "Second page", url: "second.html", after: " (1 page)")])
                    guard let html = list.html(prefix: "../") else { continue }
                    direct += 1
                    #expect(html == Self.throughCmark(list, prefix: "../"), "\(text.debugDescription) \(after.debugDescription) \(url)")
                }
            }
        }
        #expect(direct > 300)
        #expect(LinkList().html(prefix: "../") == Self.throughCmark(LinkList(), prefix: "../"))
    }

    @Test func listsMadeOfTheirItemsAreCmarkGFMs() {
        var composed = 0, mixed = 0
        for (index, text) in Self.texts.enumerated() {
            for url in Self.urls {
                let list = LinkList(items: [
                    LinkList.Item(title: text, url: url, after: ": " + Self.texts[(index + 7) % Self.texts.count]),
                    LinkList.Item(title: "Second page", url: "second.html", after: " (1 page)"),
                    LinkList.Item(title: Self.texts[(index + 3) % Self.texts.count], url: Self.urls[index % Self.urls.count], after: ""),
                ])
                for unsafe in [false, true] {
                    guard let html = list.cmarkHTML(unsafe: unsafe) else { continue }
                    composed += 1
                    if list.html(prefix: "") == nil { mixed += 1 }
                    #expect(html == CmarkParser.renderHTML(markdown: list.markdown, unsafe: unsafe), "\(list.items.map(\.title)) \(url) \(unsafe)")
                }
            }
        }
        #expect(composed > 1_000 && mixed > 500, "\(composed) composed, \(mixed) with items through cmark-gfm")
        // A line break in a text leaves the list to cmark-gfm whole.
        for text in ["line\nbreak", "cr\rhere"] {
            #expect(LinkList(items: [LinkList.Item(title: text, url: "a.html", after: "")]).cmarkHTML(unsafe: false) == nil)
        }
    }

    @Test func textsCmarkGFMWouldReadAsMoreAreLeftToIt() {
        func direct(_ title: String, after: String = "", url: String = "a.html") -> Bool {
            LinkList(items: [LinkList.Item(title: title, url: url, after: after)]).html(prefix: "../") != nil
        }
        for plain in ["Moore's Law", "Industrial R&D", "\"Quoted\" <b>", "a*b*", "Ünïcödé", "S&P Global"] { #expect(direct(plain), "\(plain)") }
        for title in ["&copy; 2024", "x = y", "me@example.com", "https://example.com", "www.example.com", "tab\there", " padded"] {
            #expect(!direct(title), "\(title)")
        }
        #expect(!direct("Title", after: ": trailing "))
        #expect(!direct("Title", url: "javascript:alert(1)"))
        #expect(direct("Title", url: "x.html#fn-1"))
    }
}
