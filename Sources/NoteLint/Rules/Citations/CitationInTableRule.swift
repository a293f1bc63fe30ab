import NoteParser

/// `citation/in-table`: a citation inside a table cell.
public struct CitationInTableRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "citation/in-table",
        severity: .warning,
        summary: "A citation `[^id]` inside a table cell.",
        rationale: "Several renderers and exporters (Obsidian Publish, static-site generators, PDF export) do not resolve footnotes inside tables; cite the source in the text before or after the table.",
        triggering: [
            "| Claim | Source |\n|---|---|\n| Ünïcødé fact | ↓[^tb0001] |\n\n[^tb0001]: [Source](https://example.com)\n",
            "| Model | Released |\n|---|---|\n| A | 2020↓[^a1b2c3] ↓[^d4e5f6] |\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/d)\n",
        ],
        nonTriggering: [
            "| Claim | Source |\n|---|---|\n| fact | see below |\n\nThe fact is sourced.[^tb0001]\n\n[^tb0001]: [Source](https://example.com)\n",
            "| Claim | Source |\n|---|---|\n| fact | `[^tb0001]` |\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        context.note.footnoteReferences.filter(\.inTable).map {
            context.finding(self, $0.range, "citation [^\($0.label)] is inside a table cell")
        }
    }
}
