import NoteCitations
import NoteParser
import Testing

@Suite struct CitationProblemTests {
    static let notes = [
        "k.md": """
            Text[^undef] and[^dup] and[^x6ezn4] and[^nocolon] and[^nourl] and[^same2][^same1].

            [^dup]: [One](https://one.example/)
            [^dup]: [One again](https://one.example/again)
            [^unused]: [Unused](https://unused.example/)
            [^x6ezn4]6ezn4]: [Corrupt](https://corrupt.example/)
            [^nourl]: Just some text without a link.
            [^same1]: [Same](https://same.example/page)
            [^same2]: [Same](https://same.example/page/)

            [^nocolon] [No colon](https://nocolon.example/)

            [4]: https://legacy.example/

            """,
        "x.md": "Conflict[^c].\n\n[^c]: [C](https://c1.example/)\n",
        "y.md": "Conflict[^c].\n\n[^c]: [C](https://c2.example/)\n",
    ]

    func problems(_ kind: CitationProblem.Kind) -> [String] {
        Fixtures.index(Self.notes).problems.filter { $0.kind == kind }.map { "\($0.path):\($0.range.start.line)" }
    }

    @Test(arguments: [
        (CitationProblem.Kind.undefined, ["k.md:1"]),
        (.unused, ["k.md:5"]),
        (.duplicateDefinition, ["k.md:4"]),
        (.corruptedLabel, ["k.md:6"]),
        (.malformed, ["k.md:7"]),
        (.sameSourceSeveralIDs, ["k.md:9"]),
        (.missingColon, ["k.md:11"]),
        (.legacyNumeric, ["k.md:13"]),
        (.idConflict, ["y.md:3"]),
    ])
    func eachKindIsFound(kind: CitationProblem.Kind, expected: [String]) {
        #expect(problems(kind) == expected)
    }

    @Test func kindsAreTheLintRuleIDs() {
        #expect(CitationProblem.Kind.allCases.map(\.rawValue) == [
            "citation/undefined", "citation/unused", "citation/duplicate-definition", "citation/same-source-several-ids",
            "citation/id-conflict", "citation/legacy-numeric", "citation/missing-colon", "citation/corrupted-label",
            "citation/malformed",
        ])
    }

    @Test func sameSourceAcrossNotes() {
        let problems = Fixtures.index(Fixtures.vault).problems
        #expect(problems.map(\.kind) == [.sameSourceSeveralIDs])
        #expect(problems.first?.path == "sub/b.md")
        #expect(problems.first?.message == "source https://example.com/alpha is already cited as [^src1] (a.md:5)")
    }

    /// `[^1]` is numbered per note: never an id conflict across notes, one source under two
    /// numbers in a note is still several ids.
    @Test func numericLabelsAreComparedWithinTheirNote() {
        let problems = Fixtures.index([
            "a.md": "One[^1].\n\n[^1]: [A](https://a.example/)\n",
            "b.md": "One[^1] two[^2].\n\n[^1]: [B](https://b.example/)\n[^2]: [B](https://b.example)\n",
            "c.md": "One[^7].\n\n[^7]: [A](https://a.example/)\n",
        ]).problems
        #expect(problems.map { "\($0.kind.rawValue) \($0.path):\($0.range.start.line)" } == ["citation/same-source-several-ids b.md:4"])
    }

    /// A duplicate is an error only when both definitions cite URLs and they differ; an
    /// exact repeat is redundant (the lint rule removes it).
    @Test func duplicateDefinitionSeverity() {
        let problems = Fixtures.index(["d.md": """
            A[^a] b[^b] c[^c].

            [^a]: [A](https://a.example/)
            [^a]: [A](https://other.example/)
            [^b]: [B](https://b.example/)
            [^b]: [B again](https://b.example)
            [^c]: A conversation.
            [^c]: [C](https://c.example/)

            """]).problems.filter { $0.kind == .duplicateDefinition }
        #expect(problems.map(\.range.start.line) == [4, 6, 8])
        #expect(problems.map(\.severity) == [.error, nil, nil])
        #expect(problems.map(\.isRedundant) == [false, true, false])
    }

    /// Colon-less and corrupted definitions are reported as such, not also as unused.
    @Test func unusedCountsProperDefinitionsOnly() {
        let problems = Fixtures.index(["u.md": "Text.\n\n[^aa11]: [A](https://a.example/)\n[^bb22]bb22]: [B](https://b.example/)\n"]).problems
        #expect(problems.map(\.kind) == [.unused, .corruptedLabel])
    }
}
