import NoteParser
import Testing

@Suite struct URLNormalizerTests {
    @Test(arguments: [
        ("HTTPS://Example.COM/Path/", "https://example.com/Path"),
        ("https://example.com/a#section", "https://example.com/a"),
        ("https://example.com/a?utm_source=x&id=3&UTM_Medium=y", "https://example.com/a?id=3"),
        ("https://example.com/a/?fbclid=abc", "https://example.com/a"),
        ("https://example.com/?gclid=1&q=swift#top", "https://example.com?q=swift"),
        ("https://example.com/", "https://example.com"),
        ("https://User@Example.com:8080/x", "https://User@example.com:8080/x"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2"),
        ("not a url", "not a url"),
        // Already normal, or nearly: the fast path must tell them apart.
        ("https://example.com/Path/Case", "https://example.com/Path/Case"),
        ("https://Example.com", "https://example.com"),
        ("HTTP://example.com/a", "http://example.com/a"),
        ("https://example.com/a/", "https://example.com/a"),
        ("https://example.com/a?", "https://example.com/a"),
        ("https://exämple.com/A", "https://exämple.com/A"),
        ("https://ÉXAMPLE.com/a", "https://éxample.com/a"),
        ("://example.com/a", "://example.com/a"),
        ("mailto:Someone@Example.com", "mailto:Someone@Example.com"),
        ("https://a.com/x:/Y", "https://a.com/x:/Y"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(URLNormalizer.normalize(input) == expected)
        #expect(URLNormalizer.normalizedInFull(input) == expected)
    }

    /// The shortcuts (a URL already normal, or normal but for trailing slashes) and the
    /// normalisation of ASCII URLs on their bytes give what the full normalisation gives, on URLs
    /// made of pieces that reach both sides of each test.
    @Test func shortcutsAgreeWithTheFullNormalisation() {
        var generator = SplitMix64(seed: 0x0A11)
        let slots = [["", " ", "\t", "\r\n"], ["https", "HTTP", "", "a", "://", "Ht@P"], ["://", ":/", "//"],
                     ["example.com", "Example.com", "", "u@h.com", "é.com", "://", "U@V@Host.COM:80", "[Z]`{@}", "www.longer-example.org", "www.longer-exaMple.org", "sub.domain.example.co", "a.b.c.d.e.f.g.h?i", "host.example.com#x"],
                     ["", "/", "/Path", "/a/b", "//", "/x://y", "/A#b?c", "/é", "/a/longer/Path/to/page.html", "/a/longer path/x"],
                     ["", "?q=1", "#top", "?utm_source=x", " ", "?a=1&&UTM_x=2&b", "?FBCLID=1&gclid", "?gclid=2&utm&fbclidx=3", "?&", "?x#y/"],
                     ["", "/", "//", "///", " /", "&q", " \r\n"]]
        var shortcuts = 0
        for _ in 0..<6000 {
            let url = slots.map { $0[Int(generator.next() % UInt64($0.count))] }.joined()
            let full = URLNormalizer.normalizedInFull(url)
            #expect(URLNormalizer.normalize(url) == full, "\(url.debugDescription)")
            if url.hasSuffix("/"), full != url { shortcuts += 1 }
        }
        #expect(shortcuts > 300)
    }

    @Test func sameSourceWrittenDifferently() {
        let forms = ["https://www.Example.com/post/", "https://www.example.com/post?utm_campaign=z", "https://www.example.com/post#x"]
        #expect(Set(forms.map(URLNormalizer.normalize)) == ["https://www.example.com/post"])
    }

    @Test func domainDropsWWWAndPort() {
        #expect(URLNormalizer.domain(of: "https://www.Example.com:443/a") == "example.com")
        #expect(URLNormalizer.domain(of: "https://user@sub.example.org/a") == "sub.example.org")
        #expect(URLNormalizer.domain(of: "no url") == nil)
    }
}
