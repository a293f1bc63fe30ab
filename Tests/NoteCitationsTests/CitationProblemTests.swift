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
        #expect(problems.first?.message == "https://example.com/alpha is cited as [^alpha] here but as [^src1] (1 definition(s))")
    }
}
