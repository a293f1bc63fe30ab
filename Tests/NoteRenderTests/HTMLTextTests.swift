@testable import NoteRender
import Testing

@Suite struct HTMLTextTests {
    @Test func escapesTheFourCharactersAsCmarkGFMDoes() {
        #expect(HTMLText.escape("Tom & \"Jerry\" <b>") == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;")
        #expect(HTMLText.escape("plain text, it's kept") == "plain text, it's kept")
    }

    /// A combining mark joins the character before it into one `Character`: escaping by
    /// `Character` would leave a `"` that ends an attribute, or a `<`/`&` that breaks a feed's XML.
    @Test func escapesCharactersJoinedByACombiningMark() {
        #expect(HTMLText.escape("a\"\u{301} onclick=x") == "a&quot;\u{301} onclick=x")
        #expect(HTMLText.escape("<\u{301}x &\u{301} >\u{301}") == "&lt;\u{301}x &amp;\u{301} &gt;\u{301}")
    }

    @Test func appendsToBytes() {
        var output = Array("<li>".utf8)
        HTMLText.append("R&D \"é\"", to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "<li>R&amp;D &quot;é&quot;")
    }
}
