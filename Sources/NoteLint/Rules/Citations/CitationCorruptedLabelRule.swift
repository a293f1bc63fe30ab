import NoteCitations
import NoteParser

/// `citation/corrupted-label`: `[^x6ezn4]6ezn4]:`, a label with its tail pasted again.
public struct CitationCorruptedLabelRule: CitationProblemRule {
    public init() {}

    static let kind = CitationProblem.Kind.corruptedLabel

    public static let description = RuleDescription(
        id: kind.rawValue,
        severity: .error,
        reads: .citations,
        summary: "A definition label with stray text pasted after it, like `[^x6ezn4]6ezn4]:`.",
        rationale: "Markdown does not read the line as a definition, so the citation is undefined and the raw label shows in the body. It comes from editors that re-insert a completed label. The fix repairs the label; it is unsafe (`--unsafe-fixes`) when no citation uses the label (the repaired definition would vanish from the rendered note), and there is none when the note defines the label elsewhere too (the repaired line would shadow or duplicate that definition: a person decides).",
        triggering: [
            "A claim.[^x6ezn4]\n\n↓[^x6ezn4]6ezn4]: [Source](https://example.com)\n",
            "Ünïcødé claim.[^q1w2e3]\n\n↓[^q1w2e3]w2e3]: 2025, Sep 14. [Title](https://example.org)\n",
        ],
        nonTriggering: [
            "A claim.[^x6ezn4]\n\n[^x6ezn4]: [Source](https://example.com)\n",
            "```\n[^x6ezn4]6ezn4]: [Source](https://example.com)\n```\n",
        ],
        corrections: [
            RuleCorrection("A claim.[^x6ezn4]\n\n[^x6ezn4]6ezn4]: [Source](https://example.com)\n",
                           "A claim.[^x6ezn4]\n\n[^x6ezn4]: [Source](https://example.com)\n"),
            RuleCorrection("Investors.[^a1b2c3]\n\n[^a1b2c3]b2c3]: [^zzz]\n\n[^a1b2c3]: [Scratchpad](https://example.com/s)\n",
                           "Investors.[^a1b2c3]\n\n[^a1b2c3]b2c3]: [^zzz]\n\n[^a1b2c3]: [Scratchpad](https://example.com/s)\n"),
            RuleCorrection("Uncited.\n\n[^x6ezn4]6ezn4]: [Source](https://example.com)\n",
                           "Uncited.\n\n[^x6ezn4]: [Source](https://example.com)\n", unsafe: true),
        ],
        fixApplicability: [.safe, .unsafe]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        // The definitions' keys, made at the first problem for all of them.
        var keys: [String]?
        return CitationHelpers.findings(self, in: context) { problem in
            guard let definition = CitationHelpers.definition(at: problem, in: context.note) else { return nil }
            let definitionKeys = keys ?? context.note.footnoteDefinitions.map { IndexedDefinition.key($0.label) }
            keys = definitionKeys
            guard !CitationHelpers.isDefinedElsewhere(definition, in: context.note, keys: definitionKeys) else { return nil }
            return Fix("repair the label", edits: [Edit(range: definition.labelRange.bytes, replacement: "[^\(definition.label)]:")],
                       applicability: definition.isUnused ? .unsafe : .safe)
        }
    }

}
