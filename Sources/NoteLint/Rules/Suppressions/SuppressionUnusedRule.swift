import NoteParser

/// `suppression/unused`: a `notekit-disable…` comment that suppresses no finding. Off by
/// default. Which findings a comment suppressed is known only once every rule has run, so
/// the linter asks `findings(_:rules:uses:)` at the end of a run.
public struct SuppressionUnusedRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "suppression/unused",
        severity: .warning,
        enabledByDefault: false,
        reads: .comments,
        summary: "A suppression comment suppresses no finding.",
        rationale: "A suppression left behind after its finding was fixed, or naming a rule that is off, hides the next real finding at that place. Off by default: turn it on in `.notekit.yml` (`suppression/unused: warning`) to clean up suppressions. Comments naming `suppression/unused` itself are never reported, and they silence it.",
        triggering: [
            "<!-- notekit-disable-next-line ↓citation/undefined -->\nA claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com)\n",
            "Ünïcødé text.\n\nMore. %% ↓notekit-disable-line %%\n",
            "<!-- notekit-disable-next-line citation/undefined, ↓callout/empty -->\nA claim.[^a1b2c3]\n",
            "---\ntitle: Draft # notekit-disable-line ↓frontmatter/unknown-key\n---\n",
        ],
        nonTriggering: [
            "<!-- notekit-disable-next-line citation/undefined -->\nA claim.[^a1b2c3]\n",
            "Text.\n\nA claim.[^a1b2c3] <!-- notekit-disable-line -->\n",
            "<!-- notekit-disable citation/undefined -->\nA claim.[^a1b2c3]\n<!-- notekit-enable citation/undefined -->\n",
            "<!-- notekit-disable-file suppression/unused -->\n<!-- notekit-disable-next-line citation/undefined -->\nFine.\n",
            "<!-- notekit-disable-next-line citation/undefind -->\nAn unknown id is suppression/unknown-rule's.\n",
        ]
    )

    /// Findings for the suppressions of `contexts` that suppressed nothing, in notes whose
    /// configuration turns this rule on (and only when it is among `rules`). `uses` are what
    /// suppressed the findings of the run, by path.
    static func findings(_ contexts: [NoteContext], rules: [any Rule], uses: [[ExactPath: Set<Suppressions.Use>]]) -> [Finding] {
        let id = description.id
        guard rules.contains(where: { type(of: $0).description.id == id }) else { return [] }
        var used: [ExactPath: Set<Suppressions.Use>] = [:]
        for job in uses { used.merge(job) { $0.union($1) } }
        var findings: [Finding] = []
        for context in contexts where !context.suppressions.directives.isEmpty {
            guard let severity = context.configuration.severity(ofRule: id, default: description.defaultSeverity) else { continue }
            let suppressions = context.suppressions
            let usedHere = used[ExactPath(context.note.path)] ?? []
            for (index, directive) in suppressions.directives.enumerated() where directive.kind != .enable {
                var unused: [(SourceRange, String)] = []
                if directive.rules.isEmpty {
                    if !usedHere.contains(.init(directive: index, rule: nil)) {
                        unused.append((directive.range, "\(directive.kind.rawValue) suppresses nothing"))
                    }
                }
                for name in directive.rules where name.id != id && RuleRegistry.description(of: name.id) != nil
                    && !usedHere.contains(.init(directive: index, rule: name.id)) {
                    unused.append((name.range, "\(directive.kind.rawValue) \(name.id) suppresses nothing"))
                }
                for (range, message) in unused where suppressions.use(suppressing: id, at: range.start.line, namedOnly: true) == nil {
                    var finding = context.finding(Self(), range, message)
                    finding.severity = severity
                    findings.append(finding)
                }
            }
        }
        return findings.sorted(by: Finding.precedes)
    }
}
