import NoteParser

/// `frontmatter/date-order`: `date_modified` earlier than `date_created`.
public struct FrontMatterDateOrderRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/date-order",
        severity: .error,
        summary: "`date_modified` is earlier than `date_created`.",
        rationale: "A note cannot change before it exists: the dates were swapped or mistyped, and \"recently updated\" lists and feeds order the note wrongly.",
        triggering: [
            RuleExample("---\ndate_created: 2024-05-01\ndate_modified: ↓2024-04-30\n---\nText.\n"),
            RuleExample("---\ntitle: Ünïcødé\ndate_modified: ↓2023-12-31T23:00:00Z\ndate_created: '2024-01-01'\n---\n"),
        ],
        nonTriggering: [
            RuleExample("---\ndate_created: 2024-05-01\ndate_modified: 2024-05-01\n---\n"),
            RuleExample("---\ndate_created: 2024-05-01T10:00:00Z\ndate_modified: 2024-05-01T09:00:00Z\n---\nSame day: times are not compared.\n"),
            RuleExample("---\ndate_created: 2024-05-01\ndate_modified: null\n---\n"),
            "Text.\n\n```yaml\ndate_created: 2024-05-01\ndate_modified: 2024-04-30\n```\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        // The entries looked up in place (the front matter is not copied), as `FrontMatter.entry(_:)` finds them.
        let entries = context.frontMatterEntries
        guard let created = entries.lastIndex(where: { $0.key == "date_created" }).flatMap({ day(entries[$0].value) }),
              let modifiedIndex = entries.lastIndex(where: { $0.key == "date_modified" }), let modified = day(entries[modifiedIndex].value),
              modified < created else { return [] }
        let modifiedEntry = entries[modifiedIndex]
        return [context.finding(self, modifiedEntry.valueRange, "date_modified \(modified) is before date_created \(created)")]
    }

    /// The `YYYY-MM-DD` day of a real date or date-time value, quoted or not.
    private func day(_ value: YAMLValue?) -> String? {
        // A date value names a real day already (`+123-05-01` too, which is not shaped so).
        if case .date(let text)? = value { return FrontMatterValues.looksLikeDate(text) ? text : nil }
        guard let text = value?.scalarText, FrontMatterValues.looksLikeDate(text), FrontMatterValues.isRealDate(text) else { return nil }
        return String(text.prefix(10))
    }
}
