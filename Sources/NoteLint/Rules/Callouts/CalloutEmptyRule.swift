import NoteParser

/// `callout/empty`: a callout with neither a title nor body text.
public struct CalloutEmptyRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "callout/empty",
        severity: .warning,
        reads: .callouts,
        summary: "A callout has no title and no body text.",
        rationale: "An empty callout renders as a bare coloured bar: usually a paste that lost its content or a placeholder never filled in.",
        triggering: [
            "Text.\n\n↓> [!note]\n",
            "↓> [!tip]-\n>\n> \n\nÜnïcødé after.\n",
            "> Quote with an empty callout inside:\n> ↓> [!info]\n",
        ],
        nonTriggering: [
            "> [!note] A title is enough\n",
            "> [!note]\n> Body text is enough.\n",
            "```\n> [!note]\n```\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        context.note.callouts.filter { $0.isEmpty && $0.title.isEmpty }.map {
            context.finding(self, $0.range, "callout [!\($0.type)] has no title and no body")
        }
    }
}
