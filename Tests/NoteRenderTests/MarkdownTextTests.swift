import NoteParser
import Testing
@testable import NoteRender

/// `MarkdownText.escape`: a backslash before each character that could start Markdown syntax,
/// every other byte as it was.
@Suite struct MarkdownTextTests {
    @Test func escapesExactlyTheSpecialCharacters() {
        let specials = Set(MarkdownText.specialCharacters.utf8)
        #expect(specials.count == 15)
        for scalar in (1..<128).compactMap(Unicode.Scalar.init) + ["é", "\u{301}", "€", "😀"] {
            let text = "a\(scalar)b\(scalar)"
            let expected = specials.contains(scalar.utf8.first ?? 0) ? "a\\\(scalar)b\\\(scalar)" : text
            #expect(MarkdownText.escape(text) == expected, "\(scalar.value)")
        }
    }

    @Test func escapedTextRendersAsItsCharacters() {
        // Text cmark-gfm would otherwise read as emphasis, code, links, HTML, a heading or a table.
        for text in ["*a* _b_ `c` [d](e) <f> #g |h| ~~i~~ !j ^k =l %m \\n", "**", "[x]", "a_b_c", "<!-- c -->"] {
            let html = CmarkParser.renderHTML(markdown: MarkdownText.escape(text))
            let literal = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            #expect(html == "<p>\(literal)</p>\n", "\(text)")
        }
    }
}
