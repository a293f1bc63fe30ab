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

    /// `isV4UUID` on the bytes answers as the test of the lowercased text's bytes it replaced,
    /// with each character of a UUID replaced in turn by others (other cases, digits, letters,
    /// non-ASCII ones that lowercase to ASCII or change length).
    @Test func isV4UUIDAnswersAsTheLowercasedTest() {
        func reference(_ text: String) -> Bool {
            let bytes = Array(text.lowercased().utf8)
            guard bytes.count == 36 else { return false }
            for (index, byte) in bytes.enumerated() {
                if [8, 13, 18, 23].contains(index) {
                    guard byte == UInt8(ascii: "-") else { return false }
                } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), !(UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) {
                    return false
                }
            }
            return bytes[14] == UInt8(ascii: "4") && "89ab".utf8.contains(bytes[19])
        }
        let uuid = Array("0f8fad5b-d9cb-469f-a165-70867728950e")
        let others: [Character] = ["0", "4", "7", "8", "9", "a", "A", "b", "B", "c", "f", "F", "g", "G", "-", "_", " ", "\u{212A}", "İ", "é", "Ａ"]
        var valid = 0
        for place in uuid.indices {
            for other in others {
                var text = uuid
                text[place] = other
                #expect(FrontMatterValues.isV4UUID(String(text)) == reference(String(text)), "\(String(text))")
                if reference(String(text)) { valid += 1 }
            }
        }
        #expect(FrontMatterValues.isV4UUID(String(uuid)) && FrontMatterValues.isV4UUID(String(uuid).uppercased()))
        #expect(valid > 100)
    }

    /// A key names UUIDs when it holds `uuid` in any case (ASCII keys read on their bytes).
    @Test(arguments: [("uuid", true), ("site_UUID", true), ("Uuid_x", true), ("xuuuid", true), ("ünï_uuid", true),
                      ("UUİD", false), ("uid", false), ("uu-id", false), ("uui", false), ("", false)])
    func namesUUID(key: String, expected: Bool) {
        #expect(FrontMatterValues.namesUUID(key) == expected)
    }
}
