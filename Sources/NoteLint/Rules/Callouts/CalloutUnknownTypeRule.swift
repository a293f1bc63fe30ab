import NoteParser

/// `callout/unknown-type`: a callout type that is neither Obsidian's nor configured.
public struct CalloutUnknownTypeRule: Rule {
    public init() {}

    /// Obsidian's built-in callout types and their aliases.
    static let builtInTypes = [
        "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
        "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention",
        "failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
    ]

    /// Edits larger than this (after folding case, `-`, `_` and spaces) are suggested, never applied.
    static let maxFixDistance = 2

    public static let description = RuleDescription(
        id: "callout/unknown-type",
        severity: .warning,
        reads: .callouts,
        summary: "A callout type is not one of Obsidian's types nor listed under `callouts.types`.",
        rationale: "Obsidian renders an unknown type as a plain note callout, so a misspelt `[!warnign]` silently loses its icon, colour and any CSS or script keyed on the type. The fix replaces a type within two edits of a known one; it is a guess, so it is unsafe (`--unsafe-fixes`).",
        triggering: [
            "> [!↓warnign] Check this\n> Body.\n",
            RuleExample("> [!↓LLM-Repsonse] Ünïcødé title\n> Body.\n", configuration: "callouts:\n  types: [LLM-Response]\n"),
            "Text.\n\n> [!↓brainstorm]\n> Ideas.\n>\n> > [!↓TIPS]\n> > Nested.\n",
        ],
        nonTriggering: [
            "> [!WARNING] Upper case is fine\n> Body.\n\n> [!faq]- Folded alias\n> Body.\n",
            RuleExample("> [!LLM Response]\n> Body.\n", configuration: "callouts:\n  types: [LLM-Response]\n"),
            "```\n> [!warnign]\n```\n",
            "> Plain quote with [!warnign] later on the line.\n",
        ],
        corrections: [
            RuleCorrection("> [!warnign] Title\n> Body.\n", "> [!warning] Title\n> Body.\n", unsafe: true),
            RuleCorrection("> [!LLMResponse]- Ünïcødé\n> Body.\n", "> [!LLM-Response]- Ünïcødé\n> Body.\n",
                           configuration: "callouts:\n  types: [LLM-Response]\n", unsafe: true),
            RuleCorrection("> [!brainstorm]\n> Too far from any type: left alone.\n",
                           "> [!brainstorm]\n> Too far from any type: left alone.\n"),
        ],
        fixApplicability: [.unsafe]
    )

    /// The built-in types, normalised: a note whose callouts are all of them has nothing to report.
    private static let normalizedBuiltInTypes = Set(builtInTypes.map(Callout.normalize))

    public func check(_ context: NoteContext) -> [Finding] {
        let builtIn = Self.normalizedBuiltInTypes
        guard context.note.callouts.contains(where: { !builtIn.contains($0.normalizedType) }) else { return [] }
        let configured = context.configuration.calloutTypes
        let known = Set((Self.builtInTypes + configured).map(Callout.normalize))
        let candidates = configured + Self.builtInTypes
        return context.note.callouts.filter { !known.contains($0.normalizedType) }.map { callout in
            let start = callout.typeRange.start.offset + 2  // after `[!`
            let typeBytes = start..<(start + callout.type.utf8.count)
            guard let suggestion = Suggestion.closest(to: callout.type, among: candidates) else {
                return context.finding(self, bytes: typeBytes, "unknown callout type '\(callout.type)'")
            }
            let distance = Suggestion.editDistance(Suggestion.fold(callout.type), Suggestion.fold(suggestion))
            let fix = distance <= Self.maxFixDistance
                ? Fix("replace with '\(suggestion)'", edits: [Edit(range: typeBytes, replacement: suggestion)], applicability: .unsafe) : nil
            return context.finding(self, bytes: typeBytes, "unknown callout type '\(callout.type)'; did you mean '\(suggestion)'?", fix: fix)
        }
    }
}
