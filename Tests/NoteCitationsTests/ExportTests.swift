@testable import CitationReports
import Foundation
import NoteCitations
import NoteParser
import Testing

/// `citations export`: the entries (ids, titles, dates, sites) and the three writers.
@Suite struct ExportTests {
    /// Every field, odd characters, missing dates, ids shared and contested, numeric and
    /// unusable labels, a reference link that is not a citation.
    static let vault: [String: String] = [
        "a.md": """
            # A

            Tides[^tides] and a post[^post] and N/A[^na] and shared[^shared] and [a link][1].

            [^tides]: 2025, Sep 14. [Tide *Gauge* & <b>Records</b> 100% {raw} $5 #1 a_b ~ ^ \\\\ `x`](https://www.Example.org/tides?station=4&utm_source=x#top). Published: 2024-03 | Updated: 2025-09-20
            [^post]: [Only a title](https://blog.example.net/post)
            [^na]: [Updated only](https://u.example/x). Published: N/A | Updated: 2023-01-02
            [^shared]: [First](https://x.example/1)

            [1]: https://reference.example/not-a-citation

            """,
        "b.md": """
            # B

            Same tides[^Harbour] and a numbered one[^1], a café[^café] and shared again[^shared].

            [^Harbour]: [Tide Gauge Records](https://example.org/tides?station=4). Published: 2023-12-01
            [^1]: [Numbered](https://n.example/a)
            [^café]: [Accented id](https://c.example/z)
            [^shared]: [Second](https://y.example/2)

            """,
    ]

    static func export() -> CitationExport { CitationExport(index: Fixtures.index(vault)) }

    static func entry(_ url: String) -> CitationExport.Entry? { export().entries.first { $0.url == url } }

    @Test func oneEntryPerSourceSortedByID() {
        let entries = Self.export().entries
        #expect(entries.count == 8)
        #expect(!entries.contains { $0.url.contains("reference.example") })
        #expect(entries.map(\.id) == entries.map(\.id).sorted { $0.lowercased() < $1.lowercased() })
        #expect(Set(entries.map { $0.id.lowercased() }).count == entries.count)
    }

    @Test func everyField() throws {
        let tides = try #require(Self.entry("https://www.example.org/tides?station=4"))
        #expect(tides.id == "tides")
        #expect(tides.title == "Tide Gauge & Records 100% {raw} $5 #1 a_b ~ ^ \\ x")
        #expect(tides.issued == PartialDate(year: 2024, month: 3))
        #expect(tides.accessed == PartialDate(year: 2025, month: 9, day: 14))
        #expect(tides.container == "example.org")
    }

    @Test func missingDatesStayMissing() throws {
        let post = try #require(Self.entry("https://blog.example.net/post"))
        #expect(post.id == "post" && post.issued == nil && post.accessed == nil && post.container == "blog.example.net")
        let updated = try #require(Self.entry("https://u.example/x"))
        #expect(updated.issued == nil)
        #expect(updated.accessed == PartialDate(year: 2023, month: 1, day: 2))
    }

    @Test func idsAreVaultIdsChosenDeterministically() throws {
        // Two ids of one source ("Harbour" in b.md is another URL form: www. is kept apart).
        #expect(Self.entry("https://example.org/tides?station=4")?.id == "Harbour")
        // An id written for two sources belongs to the first definition's source.
        #expect(Self.entry("https://x.example/1")?.id == "shared")
        let second = try #require(Self.entry("https://y.example/2"))
        #expect(second.id.hasPrefix("src-") && second.id.count == 16)
        // Numeric labels are numbered per note and unusable labels are no keys: hash ids.
        let numbered = try #require(Self.entry("https://n.example/a"))
        #expect(numbered.id == Self.hashID("https://n.example/a"))
        #expect(Self.entry("https://c.example/z")?.id == Self.hashID("https://c.example/z"))
        // The same vault gives the same ids, whatever the order of sources by use.
        #expect(Self.export().entries == CitationExport(index: Fixtures.index(Self.vault)).entries)
    }

    @Test func aSourceUnderTwoIdsTakesItsFirstIdInPathOrder() {
        let index = Fixtures.index([
            "m.md": "One[^zeta].\n\n[^zeta]: [S](https://s.example/p)\n",
            "n.md": "Two[^alpha] three[^alpha].\n\n[^alpha]: [S](https://s.example/p/)\n",
        ])
        #expect(CitationExport(index: index).entries.map(\.id) == ["zeta"])
    }

    @Test func portableIDs() {
        #expect(CitationExport.isPortable("k3v9qa"))
        #expect(CitationExport.isPortable("smith_2024-intro"))
        #expect(CitationExport.isPortable("_x"))
        #expect(!CitationExport.isPortable("12"))
        #expect(!CitationExport.isPortable("-lead"))
        #expect(!CitationExport.isPortable("café"))
        #expect(!CitationExport.isPortable("a:b"))
        #expect(!CitationExport.isPortable(""))
    }

    @Test func cslJSON() throws {
        let json = try CSLJSONExport.render(Self.export())
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(items.count == 8)
        let tides = try #require(items.first { $0["id"] as? String == "tides" })
        #expect(tides["type"] as? String == "webpage")
        #expect(tides["title"] as? String == "Tide Gauge & Records 100% {raw} $5 #1 a_b ~ ^ \\ x")
        #expect(tides["URL"] as? String == "https://www.example.org/tides?station=4")
        #expect(tides["container-title"] as? String == "example.org")
        #expect((tides["issued"] as? [String: [[Int]]])?["date-parts"] == [[2024, 3]])
        #expect((tides["accessed"] as? [String: [[Int]]])?["date-parts"] == [[2025, 9, 14]])
        let post = try #require(items.first { $0["id"] as? String == "post" })
        #expect(post["issued"] == nil && post["accessed"] == nil)
    }

    @Test func bibTeX() {
        let index = Fixtures.index(["a.md": """
            A[^tides] b[^bare].

            [^tides]: 2025, Sep 14. [Tide *Gauge* & {Records} 100% $5 #1 a_b ~ ^ \\\\](https://www.Example.org/t?q={x}&utm_source=y). Published: 2024-03
            [^bare]: https://bare.example/p

            """])
        let expected = ##"""
            @online{bare,
              url = {https://bare.example/p},
              organization = {bare.example},
            }

            @online{tides,
              title = {Tide Gauge \& \textbraceleft{}Records\textbraceright{} 100\% \$5 \#1 a\_b \textasciitilde{} \textasciicircum{} \textbackslash{}},
              url = {https://www.example.org/t?q=%7Bx%7D},
              date = {2024-03},
              urldate = {2025-09-14},
              organization = {example.org},
            }

            """##
        #expect(BibTeXExport.render(CitationExport(index: index)) == expected)
    }

    @Test func bibTeXBracesAlwaysBalance() {
        for text in ["{", "}}{", "\\{", "a\\", "%{}%"] {
            var depth = 0
            for character in BibTeXExport.text(text) {
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1; #expect(depth >= 0, "\(text)") }
            }
            #expect(depth == 0, "\(text)")
        }
        #expect(BibTeXExport.text("two\nlines") == "two lines")
        #expect(BibTeXExport.url("https://e.example/a b\\c") == "https://e.example/a%20b%5Cc")
    }

    @Test func ris() {
        let index = Fixtures.index(["a.md": """
            A[^tides] b[^bare].

            [^tides]: 2025, Sep 14. [Tide *Gauge* & Co](https://example.org/t). Published: 2024-03 | Updated: 2025-10-01
            [^bare]: [Bare](https://bare.example/p). Published: 2021

            """])
        #expect(RISExport.render(CitationExport(index: index)) == """
            TY  - ELEC\r
            ID  - bare\r
            TI  - Bare\r
            UR  - https://bare.example/p\r
            PY  - 2021\r
            DA  - 2021///\r
            T2  - bare.example\r
            ER  - \r
            TY  - ELEC\r
            ID  - tides\r
            TI  - Tide Gauge & Co\r
            UR  - https://example.org/t\r
            PY  - 2024\r
            DA  - 2024/03//\r
            Y2  - 2025/09/14/\r
            T2  - example.org\r
            ER  - \r

            """)
    }

    /// The writers' hash id, spelled out: `src-` and the low 48 bits of FNV-1a in hex.
    static func hashID(_ url: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in url.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash & 0xffff_ffff_ffff, radix: 16)
        return "src-" + String(repeating: "0", count: 12 - hex.count) + hex
    }
}
