import NoteParser

/// `suppression/unknown-directive`: a comment starting with a misspelt `notekit-` directive.
public struct SuppressionUnknownDirectiveRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "suppression/unknown-directive",
        severity: .warning,
        reads: .comments,
        summary: "A comment starts with a misspelt suppression directive, e.g. `notekit-disable-nextline`.",
        rationale: "A misspelt directive is ignored: the findings it was meant to silence keep being reported, and nothing says why. Only words close to a directive are reported (with the directive meant); other `notekit-…` words in comments are left alone.",
        triggering: [
            "<!-- ↓notekit-disable-nextline citation/undefined -->\nA claim.[^a1b2c3]\n",
            "Ünïcødé text. %% ↓notekit-disabel-line %%\n",
            "---\ntitle: Draft # ↓notekit-disable-lines frontmatter/empty-value\n---\n",
        ],
        nonTriggering: [
            "<!-- notekit-disable-next-line citation/undefined -->\nA claim.[^a1b2c3]\n",
            "<!-- notekit-docs: see the README -->\nText.\n",
            "```\n<!-- notekit-disable-nextline -->\n```\n",
            "Plain text notekit-disable-nextline, not in a comment.\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        context.suppressions.unknownCommands.compactMap { word in
            Suggestion.closest(to: word.id, among: Suppressions.Kind.allCases.map(\.rawValue), maxDistance: 2).map {
                context.finding(self, word.range, "unknown directive '\(word.id)' (did you mean '\($0)'?)")
            }
        }
    }
}
