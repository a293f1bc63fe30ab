import Foundation
import NoteParser
import Testing
@testable import NoteRender

/// A note page's passes over its HTML (block ids, heading ids, unsafe URLs; a source's inline
/// HTML), now read on the bytes in place and skipped where they would change nothing, give what
/// the references they replaced give: the `Regex` scanners, the every-place attribute filter,
/// the `Character`-wise string tests and cmark-gfm for every source.
@Suite struct NotePagePassesTests {
    /// `isSafe` without its reading of ASCII URLs on the bytes: entities decoded, blanks and
    /// DEL dropped, lowercased, then the schemes.
    static func referenceIsSafe(_ url: String) -> Bool {
        let decoded = URLSafety.decodeEntities(url).unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let compact = String(String.UnicodeScalarView(decoded)).lowercased()
        if compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") { return false }
        if compact.hasPrefix("data:") { return compact.hasPrefix("data:image/") && !compact.hasPrefix("data:image/svg") }
        return true
    }

    @Test func urlsJudgedAsWithEntitiesDecoded() {
        let pieces = ["javascript", "JAVA", "script", ":", "vb", "VBScript:", "data:", "DATA:", "image/", "svg", "png", " ", "\t", "\n",
                      "\u{7F}", "&#106;", "&colon;", "&", "x", "é", "/", "\u{0}", "\u{1F}"]
        for url in ["", "javascript:", "data:image/", "data:image/svg", " j a v a s c r i p t :"] + HTMLScannerTests.samples(pieces, count: 4000, length: 6) {
            #expect(URLSafety.isSafe(url) == Self.referenceIsSafe(url), "\(url.debugDescription)")
        }
    }

    /// The pieces of generated note bodies: headings with and without ids, block ids, every URL
    /// attribute and scheme, entities, upper case, quotes, code, raw HTML.
    static let bodyPieces = [
        "<h1>", "<h2>", "</h1>", "</h2>", "<h3>A <em>b</em></h3>\n", "<h2 id=\"x\">", "<H2>", "<h6>", "</h6>", "Title", "Sources",
        " ^abc", "\t^x-1", " ^", "^id", "</p>", "</li>", "</td>", "</th>", "<p>", "<li>", "\n", " ", "é", "\u{2028}", "\r",
        "<pre><code>", "</code></pre>", "<code>", "</code>", "&amp;", "&lt;h1&gt;", "&#106;", "&colon;",
        "<a ", "href=", "HREF = ", "src='", "Src=", "xlink:href=", "action=", "formaction=", "data=", "poster=", "background=",
        "codebase=", "cite=", "longdesc=", "dynsrc=", "lowsrc=", "srcset=", "imagesrcset=", "values=", "to=", "from=", "by=", "ping=",
        "data-href=", "_src=", "\"", "'", "=", ">", "javascript:x", "JaVaScRiPt:y", "&#106;avascript:z", "java\tscript:", "vbscript:b",
        "data:image/png,A", "data:image/svg+xml,<svg>", "data:text/html,x", "https://a.org/?b=c&d=e", "#fn-1", "a 1x, javascript:b 2x",
        "a;javascript:b", "<img ", "/>", "<!-- c -->", "<script>", "x",
    ]

    @Test func bodyPassesAsTheirReferences() {
        for html in HTMLScannerTests.samples(Self.bodyPieces, count: 5000, length: 16) {
            let expected = URLSafetyTests.referenceFilter(HTMLScannerTests.regexHeadingIDs(HTMLScannerTests.regexBlockIDs(html)))
            #expect(URLSafety.filterAttributes(HeadingIDs.render(BlockIDs.render(html))) == expected, "\(html.debugDescription)")
        }
    }

    @Test(.enabled(if: Fixtures.hasEssays, "../shared/corpus/essays is not here"))
    func corpusEssaysPassesAsTheirReferences() throws {
        let (files, _) = NoteFiles.collect([Fixtures.essays.path])
        #expect(!files.isEmpty)
        for file in files {
            let markdown = try String(contentsOfFile: file, encoding: .utf8)
            for unsafe in [false, true] {
                let html = CmarkParser.renderHTML(markdown: markdown, unsafe: unsafe)
                let expected = URLSafetyTests.referenceFilter(HTMLScannerTests.regexHeadingIDs(HTMLScannerTests.regexBlockIDs(html)))
                #expect(URLSafety.filterAttributes(HeadingIDs.render(BlockIDs.render(html))) == expected, "\(file) unsafe: \(unsafe)")
            }
        }
    }

    /// `SourceView.inlineHTML` as it was: every text through cmark-gfm, trimmed and tested by
    /// `Character`s.
    static func referenceInlineHTML(_ text: String, unsafe: Bool) -> String {
        var html = CmarkParser.renderHTML(markdown: text, unsafe: unsafe).trimmingTrailingWhitespace()
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return URLSafetyTests.referenceFilter(html)
    }

    @Test func sourcesInlineAsThroughCmarkGFM() {
        let marks = ["\u{301}", "\u{600}", "<p>", "</p>", "\r", "\r\n", "\n", "  ", "é", "a", "[x](https://x.com)", "<b>", "\\", "&#x301;"]
        let texts = SiteSourcesPageTests.plainSources + HTMLScannerTests.samples(marks, count: 2000, length: 5)
        var direct = 0
        for text in texts {
            if SourceHTML.html(text) != nil { direct += 1 }
            for unsafe in [false, true] {
                #expect(SourceView.inlineHTML(text, unsafe: unsafe) == Self.referenceInlineHTML(text, unsafe: unsafe), "\(text.debugDescription)")
            }
        }
        #expect(direct > 2_000)
    }

    @Test func asciiSlugsAsTheFoundationVersion() {
        let pieces = ["A", "z", "9", " ", "-", "_", ":", "/", "\t", "Heading", "x", "--", "0", "Q"]
        for text in HTMLScannerTests.samples(pieces, count: 3000, length: 9) + HTMLScannerTests.samples(pieces, count: 300, length: 60)
            + ["", "-", " - ", String(repeating: "a", count: 80) + "-b", String(repeating: "a-", count: 41)] {
            #expect(Slug.make(text) == SlugTests.reference(text), "\(text.debugDescription)")
            #expect(Slug.make(text, fallback: "section") == SlugTests.reference(text, fallback: "section"), "\(text.debugDescription)")
        }
    }

    @Test func paragraphElementAsCharactersTellIt() {
        let pieces = ["<p>", "</p>", "<p", "p>", "/p>", "<", ">", "a", "\u{301}", "\u{600}", "\u{200D}", "\r", "\n", "é", "👍🏽"]
        for html in ["<p></p>", "<p>\u{301}</p>", "\u{600}<p>x</p>", "<p>x\u{600}</p>", "<p>x</p>\u{301}"]
            + HTMLScannerTests.samples(pieces, count: 4000, length: 5) {
            #expect(SourceView.isParagraph(html) == (html.hasPrefix("<p>") && html.hasSuffix("</p>")), "\(html.debugDescription)")
        }
    }
}
