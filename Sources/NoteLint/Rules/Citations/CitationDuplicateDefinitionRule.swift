import NoteParser

/// `citation/duplicate-definition`: a second definition of the same label.
public struct CitationDuplicateDefinitionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "citation/duplicate-definition",
        severity: .warning,
        summary: "A label `[^id]` is defined twice; an error when the two definitions cite different URLs.",
        rationale: "Renderers keep only the first definition and drop the rest. When both cite the same URL the second is noise and is removed; when the URLs differ, some claims point at the wrong source and a person must decide.",
        triggering: [
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n↓[^a1b2c3]: [Source](https://example.com/a/)\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Ünïcødé](https://example.com/a)\n↓[^A1B2C3]: [Other](https://example.com/b)\n",
        ],
        nonTriggering: [
            "A claim.[^a1b2c3] Another.[^d4e5f6]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n[^d4e5f6]: [Source](https://example.com/b)\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n```\n[^a1b2c3]: [Source](https://example.com/b)\n```\n",
        ],
        corrections: [
            RuleCorrection(
                "Claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^a1b2c3]: [A again](https://Example.com/a/#top)\n\nMore text.\n",
                "Claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n\nMore text.\n"),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        var first: [String: FootnoteDefinition] = [:]
        var findings: [Finding] = []
        for definition in context.note.footnoteDefinitions {
            let key = CitationHelpers.key(definition.label)
            guard definition.isDuplicate, let original = first[key] else {
                if first[key] == nil { first[key] = definition }
                continue
            }
            let line = original.range.start.line
            if Self.citeSameSource(original, definition) {
                let deletion = CitationHelpers.deletion(of: definition.range, in: context.note.source)
                findings.append(context.finding(self, definition.labelRange, "[^\(definition.label)] is already defined on line \(line)",
                                                fix: Fix("remove the repeated definition", edits: [Edit(range: deletion, replacement: "")])))
            } else {
                var finding = context.finding(self, definition.labelRange,
                                              "[^\(definition.label)] is defined again with a different source (first on line \(line))")
                finding.severity = .error
                findings.append(finding)
            }
        }
        return findings
    }

    /// Same normalised URL, or, without URLs, the same text.
    static func citeSameSource(_ lhs: FootnoteDefinition, _ rhs: FootnoteDefinition) -> Bool {
        switch (CitationHelpers.url(lhs), CitationHelpers.url(rhs)) {
        case let (left?, right?): return left == right
        case (nil, nil): return lhs.text == rhs.text
        default: return false
        }
    }
}
