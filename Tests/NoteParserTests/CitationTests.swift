import Testing
@testable import NoteParser

@Suite struct CitationTests {
    @Test func referencesOutsideCodeOnly() throws {
        let note = try Fixture.note("""
        Tides lag[^a1b2c3]. Code `[^no]` stays code.

        | Site | Source |
        | --- | --- |
        | Brest | [^d4e5f6] |

        ```
        [^fenced]
        ```

        [^a1b2c3]: Plain text.
        [^d4e5f6]: Other text.

        """)
        #expect(note.footnoteReferences.map(\.label) == ["a1b2c3", "d4e5f6"])
        #expect(note.footnoteReferences.map(\.inTable) == [false, true])
        #expect(note.footnoteReferences.map(\.isDefined) == [true, true])
        #expect(note.footnoteReferences[0].range.start == SourcePosition(line: 1, column: 10, offset: 9))
    }

    @Test func houseFormFields() throws {
        let fields = try Self.fields("2025, Sep 14. [Tide Gauges Explained](https://example.org/tides). Published: 2025-03-17 | Updated: 2025-09-14")
        #expect(fields.kind == .house)
        #expect(fields.prefixDate == PartialDate(year: 2025, month: 9, day: 14))
        #expect(fields.title == "Tide Gauges Explained")
        #expect(fields.url == "https://example.org/tides")
        #expect(fields.published == .date(PartialDate(year: 2025, month: 3, day: 17)))
        #expect(fields.updated == .date(PartialDate(year: 2025, month: 9, day: 14)))
    }

    @Test func datePrecisionAndMissingParts() throws {
        let fields = try Self.fields("2024. [Report](https://example.org/r). Published: 2023-07 | Updated: N/A")
        #expect(fields.prefixDate?.precision == .year)
        #expect(fields.published?.date?.precision == .month)
        #expect(fields.updated == .notAvailable)
        let noUpdated = try Self.fields("2025, May 2. [A](https://example.org/a). Published: 2025")
        #expect(noUpdated.published?.date?.precision == .year)
        #expect(noUpdated.updated == nil)
        #expect(try Self.fields("2025, May 2. [A](https://example.org/a).").published == nil)
    }

    /// A prefix date is read as characters: a combining mark joins the character before it.
    @Test func isoDatesOfEveryPrecision() {
        #expect(PartialDate(iso: "2024") == PartialDate(year: 2024))
        #expect(PartialDate(iso: "2024-02") == PartialDate(year: 2024, month: 2))
        #expect(PartialDate(iso: "2024-02-29") == PartialDate(year: 2024, month: 2, day: 29))
        #expect(PartialDate(iso: "0000") == PartialDate(year: 0))
        for bad in ["", "-", "202", "20245", "2024-", "2024-1", "2024-13", "2024-00", "2024-02-", "2023-02-29", "2024-04-31",
                    "2024-02-1", "2024-02-010", "2024-02-01-", "2024--01", "-2024"] {
            #expect(PartialDate(iso: bad) == nil, "\(bad)")
        }
        // Texts other than digits and dashes are read by their characters, as before.
        #expect(PartialDate(iso: "+123") == PartialDate(year: 123))
        #expect(PartialDate(iso: "2024-0\u{661}") == nil)
    }

    @Test func prefixDatesReadAsCharacters() throws {
        let link = " [A](https://example.org/a)"
        let cases: [(String, PartialDate?)] = [
            ("2025, Sep 14.", PartialDate(year: 2025, month: 9, day: 14)), ("2025.", PartialDate(year: 2025)),
            ("2025, Jul.", PartialDate(year: 2025, month: 7)), ("2025, September 3.", PartialDate(year: 2025, month: 9, day: 3)),
            ("2025,Sep 14.", PartialDate(year: 2025, month: 9, day: 14)), ("2025, Sepx 14.", PartialDate(year: 2025, month: 9, day: 14)),
            ("2025, Sept 14.\u{A0}", PartialDate(year: 2025, month: 9, day: 14)), ("2025, Sep 123.", nil), ("2025, Mär 14.", nil),
            ("2025, Sep\u{301} 14.", nil), ("2025\u{301}.", nil), ("2025,\u{301} Sep 14.", nil), ("2025, Sep 1\u{301}4.", nil),
            ("2025, Sep 14.\u{301}", nil), ("202.", nil), ("2025", nil),
        ]
        for (prefix, expected) in cases {
            #expect(try Self.fields(prefix + link).prefixDate == expected, "\(prefix.unicodeScalars.map(\.value))")
        }
    }

    /// `Published:` and `Updated:` values are read as characters: a combining mark joins the
    /// character before it (no longer `A` or a digit).
    @Test func labelledDatesReadAsCharacters() throws {
        let cases: [(String, CitationDate?)] = [
            ("2025-03-17", .date(PartialDate(year: 2025, month: 3, day: 17))),
            ("  2024-02-29 | x", .date(PartialDate(year: 2024, month: 2, day: 29))),
            ("2025-02-29", .unreadable("2025-02-29")), ("2025-13", .unreadable("2025-13")), ("2025-", .unreadable("2025-")),
            ("2025-01-01-01", .unreadable("2025-01-01-01")), ("2025--01", .unreadable("2025--01")),
            ("202501010101010101010101", .unreadable("202501010101010101010101")),
            ("N/A.", .notAvailable), ("N/A", .notAvailable), ("N/A\u{301}", nil), ("2025\u{301}", nil),
            ("20251\u{301}", .date(PartialDate(year: 2025))), (" \u{301}2025", nil), ("202", nil), ("soon", nil),
        ]
        for (value, expected) in cases {
            let fields = try Self.fields("[A](https://example.org/a). Published: \(value)")
            #expect(fields.published == expected, "\(value.unicodeScalars.map(\.value))")
        }
    }

    @Test func otherForms() throws {
        #expect(try Self.fields("[Only a Link](https://example.org/l)").kind == .link)
        let retrieved = try Self.fields("\"Sea Level Basics.\" Retrieved from https://example.org/sea")
        #expect(retrieved.kind == .retrieved)
        #expect(retrieved.title == "Sea Level Basics")
        #expect(retrieved.url == "https://example.org/sea")
        let bare = try Self.fields("https://example.org/bare.")
        #expect(bare.kind == .bareURL && bare.url == "https://example.org/bare")
        // A bare URL ends at a bracket or whitespace (Unicode's too), not at a bracket carrying a combining mark.
        for (text, url) in [("See https://example.org/a<b", "https://example.org/a"), ("https://example.org/a]b", "https://example.org/a"),
                            ("https://example.org/a\u{3000}b", "https://example.org/a"), ("https://example.org/a\r\nb", "https://example.org/a"),
                            ("https://example.org/a(\u{301}b c", "https://example.org/a(\u{301}b"),
                            ("https://example.org/a<\u{301}b c", "https://example.org/a<\u{301}b"),
                            ("https://example.org/a\u{301} b", "https://example.org/a\u{301}"), ("x https://example.org/end", "https://example.org/end")] {
            #expect(try Self.fields(text).url == url, "\(text.unicodeScalars.map(\.value))")
        }
        // A bare URL's title is the rest of the text, trimmed of Unicode whitespace too.
        for (text, title) in [("Tide tables https://example.org/t", "Tide tables"), ("Tide\u{2003}https://example.org/t", "Tide"),
                              ("https://example.org/t\u{A0}\u{A0}", nil), ("x\u{301} https://example.org/t", "x\u{301}"),
                              ("Tide https://example.org/t tables", "Tide  tables")] as [(String, String?)] {
            let fields = try Self.fields(text)
            #expect(fields.kind == .bareURL && fields.title == title, "\(text.unicodeScalars.map(\.value))")
        }
        // A day follows the month after a space only.
        #expect(try Self.fields("2025, Sep.14. [A](https://example.org/a)").prefixDate == nil)
        #expect(try Self.fields("2025, Sep. 14. [A](https://example.org/a)").prefixDate == PartialDate(year: 2025, month: 9, day: 14))
        let free = try Self.fields("Interview with a harbour master, 2024.")
        #expect(free.kind == .freeText && free.url == nil)
        let nested = try Self.fields("[[PDF] Tidal Harmonics](https://example.org/h.pdf)")
        #expect(nested.title == "[PDF] Tidal Harmonics")
        #expect(nested.url == "https://example.org/h.pdf")
    }

    @Test func unusedDuplicateAndUndefined() throws {
        let note = try Fixture.note("Text[^used] and[^missing].\n\n[^used]: https://example.org/1\n[^used]: https://example.org/2\n[^spare]: https://example.org/3\n")
        #expect(note.footnoteDefinitions.map(\.label) == ["used", "used", "spare"])
        #expect(note.footnoteDefinitions.map(\.isDuplicate) == [false, true, false])
        #expect(note.footnoteDefinitions.map(\.isUnused) == [false, false, true])
        #expect(note.footnoteReferences.map(\.isDefined) == [true, false])
    }

    @Test func brokenDefinitionForms() throws {
        let note = try Fixture.note("Uses[^k1] and[^x6ezn4] and[^m2][^m3].\n\n[^k1] https://example.org/k\n[^m2] https://example.org/m2\n[^m3] https://example.org/m3\n\n[^x6ezn4]6ezn4]: https://example.org/x\n")
        let forms = Dictionary(uniqueKeysWithValues: note.footnoteDefinitions.map { ($0.label, $0.form) })
        #expect(forms == ["k1": .missingColon, "m2": .missingColon, "m3": .missingColon, "x6ezn4": .corruptedLabel])
        #expect(note.footnoteReferences.map(\.isDefined) == [true, true, true, true])
        let corrupted = try #require(note.footnoteDefinitions.first { $0.form == .corruptedLabel })
        #expect(note.text(corrupted.labelRange) == "[^x6ezn4]6ezn4]:")
        #expect(corrupted.fields.url == "https://example.org/x")
    }

    @Test func colonlessLineInProseIsAReference() throws {
        let note = try Fixture.note("A line\n[^r1] continues the paragraph.\n\n[^r1]: https://example.org/r\n")
        #expect(note.footnoteDefinitions.map(\.form) == [.proper])
        #expect(note.footnoteReferences.map(\.label) == ["r1"])
    }

    @Test func colonlessRunUnderASourcesLine() throws {
        let note = try Fixture.note("Claim[^s1] and[^s2].\n\nSources\n[^s1] Tide Atlas https://example.org/atlas\n[^s2] https://example.org/gauges\n")
        #expect(note.footnoteDefinitions.map(\.form) == [.missingColon, .missingColon])
        #expect(note.footnoteReferences.map(\.isDefined) == [true, true])
        #expect(note.footnoteDefinitions[0].fields.title == "Tide Atlas")
    }

    @Test func indentedDefinition() throws {
        let note = try Fixture.note("Claim[^i1].\n\n [^i1] Harbour log, 2023.\n")
        let definition = try #require(note.footnoteDefinitions.first)
        #expect(definition.form == .missingColon)
        #expect(definition.labelRange.start.column == 2)
        #expect(note.footnoteReferences.count == 1)
    }

    @Test func legacyNumericCitations() throws {
        let note = try Fixture.note("""
        Rising seas[4] and storms[1][2] or both[1, 2]. See [the chart][1] and [5](https://example.org/5).

        [1]: https://example.org/one
        [2]: https://example.org/two
        [4]: 2025, Jul 17. [Storm Surge](https://example.org/four). Published: 2025-06-18

        """)
        // `[1][2]` and `[the chart][1]` are reference links: `[1]:` and `[2]:` are their definitions.
        #expect(note.legacyDefinitions.map(\.number) == [4])
        #expect(note.legacyDefinitions[0].fields.kind == .house)
        // `[1]` is the text of the link `[1][2]`, whose label `[2]` is no citation either.
        #expect(note.legacyReferences.map(\.numbers) == [[4], [1, 2]])
        #expect(note.legacyReferences.map(\.isDefined) == [true, false])
    }

    @Test(arguments: ["[text][7]", "[text][ 7 ]", "[7][]", "[7]", "![image][7]", "[a \\] b][7]"])
    func linkReferenceDefinitionsAreNotLegacyCitations(link: String) throws {
        let note = try Fixture.note("See \(link) here.\n\n[7]: https://example.org/seven\n[8]: [A title](https://example.org/eight)\n")
        #expect(note.links.first?.destination == "https://example.org/seven")
        #expect(note.legacyDefinitions.map(\.number) == [8])
        #expect(note.legacyReferences.isEmpty)
    }

    @Test(arguments: ["### Citations", "# Sources", "# Footnotes", "## **References**"])
    func citationSectionHeadings(heading: String) throws {
        let note = try Fixture.note("Body.\n\n\(heading)\n\n[^a]: x\n")
        #expect(note.citationSections.map(\.range.start.line) == [3])
    }

    @Test func otherHeadingsAreNotCitationSections() throws {
        let note = try Fixture.note("## Sources of Tides\n")
        #expect(note.citationSections.isEmpty)
    }

    private static func fields(_ text: String) throws -> CitationFields {
        let note = try Fixture.note("Cite[^c].\n\n[^c]: \(text)\n")
        return try #require(note.footnoteDefinitions.first).fields
    }
}
