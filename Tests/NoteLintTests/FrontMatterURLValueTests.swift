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

    /// URL keys: `url`, `link`, `*_url`, `*_image`, in any case (ASCII keys read on their bytes).
    @Test(arguments: [("url", true), ("URL", true), ("Link", true), ("source_URL", true), ("hero_Image", true), ("_url", true),
                      ("ünï_url", true), ("ÜRL", false), ("urls", false), ("xurl", false), ("image", false), ("links", false), ("", false)])
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
