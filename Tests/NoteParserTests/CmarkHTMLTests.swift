import NoteParser
import Testing

/// `CmarkParser.renderHTML` takes cmark-gfm's HTML without validating it: it must be UTF-8 for
/// every text, whatever cmark-gfm replaces, decodes, escapes or splits.
@Suite struct CmarkHTMLTests {
    static let texts = [
        "nul\u{0}byte", "&#0; &#xD800; &#xDFFF; &#x110000; &#xFFFF; &#99999999; &#x1F600; &eacute; &bogus; &amp", "&#xFFFE; &#65535; &#xfffe;",
        "[&#xFFFF;](https://x.com/&#xFFFE;) `&#xFFFF;` ![&#xFFFE;](a.png \"&#xFFFF;\")",
        "Ünïcödé — “quotes” e\u{301} 👍🏽 한국어 🇺🇸", "é@example.com xé@ab.co me@é.com é.me@x.org", "wwwé.x www.é.com www.exampleé.com/ü",
        "https://é.com/ü?q=ü#ü (https://x.com/é) https://x.com/é.", "[é](https://x.com/ü \"tïtle\") ![ü](é.png) <https://x.com/é>",
        "| é | ü |\n| - | - |\n| 한 | 👍🏽 |", "~~é~~ ~ü~ **é**ü_é_ `é`", "note[^é]\n\n[^é]: défini", "[é]: /ü\n\n[é]", "<span title=\"é\">ü</span>",
        "# é #\n\nÜ\n===", "- [ ] é\n- [x] ü", "```é\nü\n```", "a\u{2028}b\u{85}c\u{FEFF}d", "\u{7F}\u{1}\u{1B}[31m",
        String(repeating: "Ünïcödé — “quotes” é@x.com https://x.com/é 👍🏽\n\n", count: 1_500),
    ]

    @Test func renderedHTMLIsUTF8() {
        for text in Self.texts {
            for unsafe in [false, true] {
                let html = CmarkParser.renderHTML(markdown: text, unsafe: unsafe)
                #expect(!html.isEmpty)
                #expect(Self.isUTF8(Array(html.utf8)), "\(text.prefix(60).debugDescription) unsafe: \(unsafe)")
                // U+FFFE and U+FFFF, which cmark-gfm writes as bytes no UTF-8 holds, come out repaired.
                #expect(!text.contains("&#xFFFF;") || html.contains("\u{FFFD}"))
            }
        }
        #expect(!Self.isUTF8([0x61, 0xC3]) && !Self.isUTF8([0xED, 0xA0, 0x80]) && Self.isUTF8(Array("é👍🏽".utf8)))
    }

    /// Whether `bytes` decode as UTF-8 to the end.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        var decoder = UTF8(), iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
