import NoteCitations
import NoteParser

/// `citation/id-conflict`: one id defined with different URLs in different notes.
public struct CitationIDConflictRule: CitationProblemRule {
    public init() {}

    static let kind = CitationProblem.Kind.idConflict

    public static let description = RuleDescription(
        id: kind.rawValue,
        severity: .error,
        scope: .vault,
        reads: .citations,
        summary: "A citation id `[^id]` is defined with different sources (normalised URLs) in different notes.",
        rationale: "Citation ids are unique in the vault: an id that means two sources breaks merging notes, moving text between them and any index of sources. Numeric labels like `[^1]` are numbered per note and are not compared.",
        triggering: [
            RuleExample(files: [
                ("a.md", "Claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n"),
                ("b.md", "Ünïcødé claim.[^a1b2c3]\n\n↓[^a1b2c3]: 2025, Sep 14. [B](https://example.com/b)\n"),
            ]),
            RuleExample(files: [
                ("a.md", "Claim.[^x6ezn4]\n\n[^x6ezn4]: [A](https://example.com/a)\n"),
                ("b.md", "Claim.[^x6ezn4]\n\n[^x6ezn4]: [A](https://example.com/a/)\n"),
                ("c.md", "Claim.[^X6EZN4]\n\n↓[^X6EZN4]: [C](https://example.org/c)\n"),
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                ("a.md", "Claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n"),
                ("b.md", "Claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://Example.com/a#part)\n"),
            ]),
            RuleExample(files: [
                ("a.md", "Claim.[^1]\n\n[^1]: [A](https://example.com/a)\n"),
                ("b.md", "Claim.[^1]\n\n[^1]: [B](https://example.com/b)\n"),
            ]),
            RuleExample(files: [
                ("a.md", "Claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n"),
                ("b.md", "```\n[^a1b2c3]: [B](https://example.com/b)\n```\n"),
            ]),
        ]
    )

    public func check(vault: VaultContext) -> [Finding] {
        vault.citations.idConflicts.map { CitationHelpers.finding(self, $0) }
    }

    public func vaultFacts(_ note: NoteContext) -> VaultFacts? { CitationHelpers.definitionFacts(note, ranges: true) }

    public func vaultKeys(_ note: NoteContext) -> Set<String>? { CitationHelpers.crossNoteKeys(note) }
}
