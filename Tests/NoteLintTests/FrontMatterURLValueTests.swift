import Testing
@testable import NoteLint

/// `FrontMatterValues.isURL`: an `http(s)://` URL with a host and no whitespace (ASCII or Unicode).
@Suite struct FrontMatterURLValueTests {
    @Test(arguments: [("https://example.org/a", true), ("HTTP://Example.org", true), ("https://example.org/ünï", true),
                      ("https://example.org/a b", false), ("https://example.org/a\tb", false), ("https://example.org/a\u{0B}", false),
                      ("https://example.org/a\u{A0}b", false), ("https://example.org/ü\u{3000}", false), ("https:///path", false),
                      ("ftp://example.org", false), ("example.org", false), ("HTTPS://x", true), ("http://x", true),
                      ("https://", false), ("https://?q", false), ("http://#a", false), ("http:// x", false),
                      ("https://x\r\ny", false)])
    func isURL(text: String, expected: Bool) {
        #expect(FrontMatterValues.isURL(text) == expected)
    }

    /// `isURL` (whose ASCII text is read eight bytes at a time where it can) answers as the
    /// test on characters it stands for, whatever stands wherever in a URL.
    @Test func isURLAnswersAsTheCharacterTest() {
        func reference(_ text: String) -> Bool {
            let lower = text.lowercased()
            guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return false }
            let host = text.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return !host.isEmpty && !text.unicodeScalars.contains {
                $0.isASCII ? $0 == " " || ($0.value >= 0x09 && $0.value <= 0x0D) : $0.properties.isWhitespace
            }
        }
        let url = Array("https://example.org/path/to/page?q=1#x".unicodeScalars)
        for odd: Unicode.Scalar in [" ", "\t", "\n", "\u{0B}", "\r", "\u{1F}", "\u{7F}", "~", "!", "/", "ü", "\u{A0}", "\u{3000}", "\u{85}"] {
            for place in 0...url.count {
                var scalars = String.UnicodeScalarView(url[..<place])
                scalars.append(odd)
                scalars.append(contentsOf: url[place...])
                let text = String(scalars)
                #expect(FrontMatterValues.isURL(text) == reference(text), "\(text.debugDescription)")
            }
        }
    }

    /// URL keys: `url`, `link`, `*_url`, `*_image`, in any case (ASCII keys read on their bytes).
    @Test(arguments: [("url", true), ("URL", true), ("Link", true), ("source_URL", true), ("hero_Image", true), ("_url", true),
                      ("ünï_url", true), ("ÜRL", false), ("urls", false), ("xurl", false), ("image", false), ("links", false), ("", false),
                      ("LIN\u{212A}", true), ("url\u{301}", false), ("image_url ", false), ("dates", false)])
    func namesURL(key: String, expected: Bool) {
        #expect(FrontMatterValues.namesURL(key) == expected)
    }

    /// A key names UUIDs when it holds `uuid` in any case (ASCII keys read on their bytes).
    @Test(arguments: [("uuid", true), ("site_UUID", true), ("Uuid_x", true), ("xuuuid", true), ("ünï_uuid", true),
                      ("UUİD", false), ("uid", false), ("uu-id", false), ("uui", false), ("", false)])
    func namesUUID(key: String, expected: Bool) {
        #expect(FrontMatterValues.namesUUID(key) == expected)
    }
}
