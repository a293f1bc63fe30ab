import NoteParser

/// `suppression/unknown-rule`: a `notekit-disable…` comment naming a rule that does not exist.
public struct SuppressionUnknownRuleRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "suppression/unknown-rule",
        severity: .warning,
        reads: .comments,
        summary: "A suppression comment names a rule id that does not exist.",
        rationale: "A misspelt id suppresses nothing: the findings it was meant to silence keep being reported, or a later rename leaves the comment behind. The message suggests the closest rule id.",
        triggering: [
            "<!-- notekit-disable-next-line ↓citation/undefind -->\nA claim.[^a1b2c3]\n",
            "Ünïcødé text. %% notekit-disable-line ↓link/unresolved, ↓nonsense %%\n",
            "---\ntitle: Draft # notekit-disable-line ↓frontmatter/unknown\n---\n",
        ],
        nonTriggering: [
            "<!-- notekit-disable-next-line citation/undefined -->\nA claim.[^a1b2c3]\n",
            "<!-- notekit-disable-file -->\nNo rule ids: every rule.\n",
            "```\n<!-- notekit-disable citation/undefind -->\n```\n",
            "Text about `<!-- notekit-disable nonsense -->` in code.\n",
            "---\ntitle: Draft # notekit-disable-line frontmatter/unknown-key\n---\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let known = RuleRegistry.ids
        return context.suppressions.directives.flatMap { directive in
            directive.rules.filter { RuleRegistry.description(of: $0.id) == nil }.map { name in
                let suggestion = Suggestion.closest(to: name.id, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                return context.finding(self, name.range, "unknown rule '\(name.id)' in \(directive.kind.rawValue)\(suggestion)")
            }
        }
    }
}
