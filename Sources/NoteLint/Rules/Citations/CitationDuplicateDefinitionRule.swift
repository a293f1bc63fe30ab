import NoteCitations
import NoteParser

/// `citation/duplicate-definition`: a second definition of the same label.
public struct CitationDuplicateDefinitionRule: CitationProblemRule {
    public init() {}

    static let kind = CitationProblem.Kind.duplicateDefinition

    public static let description = RuleDescription(
        id: kind.rawValue,
        severity: .warning,
        reads: .citations,
        summary: "A label `[^id]` is defined twice; an error when the two definitions cite different URLs.",
        rationale: "Renderers keep only the first definition and drop the rest. When both cite the same URL (or, without URLs, read the same) the second is noise and the fix removes it (unsafe, `--unsafe-fixes`: it deletes text); when the URLs differ, some claims point at the wrong source and a person must decide (an error). A placeholder without URL next to a definition with one is only a warning.",
        triggering: [
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n↓[^a1b2c3]: [Source](https://example.com/a/)\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Ünïcødé](https://example.com/a)\n↓[^A1B2C3]: [Other](https://example.com/b)\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: Example Institute - Annual Report\n\n↓[^a1b2c3]: [Annual Report](https://example.com/report)\n",
        ],
        nonTriggering: [
            "A claim.[^a1b2c3] Another.[^d4e5f6]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n[^d4e5f6]: [Source](https://example.com/b)\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n```\n[^a1b2c3]: [Source](https://example.com/b)\n```\n",
        ],
        corrections: [
            RuleCorrection(
                "Claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^a1b2c3]: [A again](https://Example.com/a/#top)\n\nMore text.\n",
                "Claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n\nMore text.\n", unsafe: true),
        ],
        fixApplicability: [.unsafe]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        CitationHelpers.findings(self, in: context) { problem in
            guard problem.isRedundant, let definition = CitationHelpers.definition(at: problem, in: context.note) else { return nil }
            return Fix("remove the repeated definition",
                       edits: [Edit(range: CitationHelpers.deletion(of: definition.range, in: context.note.source), replacement: "")],
                       applicability: .unsafe)
        }
    }

}
