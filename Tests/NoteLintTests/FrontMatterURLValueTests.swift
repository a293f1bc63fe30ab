import Testing
@testable import NoteLint

/// `FrontMatterValues.isURL`: an `http(s)://` URL with a host and no whitespace (ASCII or Unicode).
@Suite struct FrontMatterURLValueTests {
    @Test(arguments: [("https://example.org/a", true), ("HTTP://Example.org", true), ("https://example.org/ünï", true),
                      ("https://example.org/a b", false), ("https://example.org/a\tb", false), ("https://example.org/a\u{0B}", false),
                      ("https://example.org/a\u{A0}b", false), ("https://example.org/ü\u{3000}", false), ("https:///path", false),
                      ("ftp://example.org", false), ("example.org", false)])
    func isURL(text: String, expected: Bool) {
        #expect(FrontMatterValues.isURL(text) == expected)
    }
}
