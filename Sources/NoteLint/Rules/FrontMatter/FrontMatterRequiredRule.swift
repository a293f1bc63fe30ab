import NoteParser

/// `frontmatter/required`: keys the note's collection requires are missing.
public struct FrontMatterRequiredRule: Rule {
    public init() {}

    static let configuration = """
        collections:
          essays:
            paths: ["**"]
            required: [title, date_created, site_uuid]
            allowUnknownKeys: true
        """

    public static let description = RuleDescription(
        id: "frontmatter/required",
        severity: .error,
        summary: "The front matter lacks keys its collection requires.",
        rationale: "Collections promise keys to everything built on them: a note without its `site_uuid` or `date_created` breaks links, feeds and sorting, usually far from the note.",
        triggering: [
            RuleExample("---\ntitle: A note\ndate_created: 2024-05-01\n↓---\nText.\n", configuration: configuration, variations: false),
            RuleExample("---\ntitle: Ünïcødé\n↓---\n", configuration: configuration, variations: false),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: A note\ndate_created: 2024-05-01\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\n---\n", configuration: configuration),
            RuleExample("---\ntitle: A note\n---\nNo collection, nothing required.\n"),
            RuleExample("---\ntitle:\ndate_created:\nsite_uuid:\n---\nEmpty values are frontmatter/empty-value's.\n", configuration: configuration),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        guard let required = context.collection?.required, !required.isEmpty,
              let closing = context.note.frontMatter?.closingDelimiter else { return [] }
        let present = Set(context.frontMatterEntries.map(\.key))
        let missing = required.filter { !present.contains($0) }
        guard !missing.isEmpty else { return [] }
        let list = missing.map { "'\($0)'" }.joined(separator: ", ")
        return [context.finding(self, context.note.source.range(closing.start.offset..<closing.start.offset),
                                "missing required key\(missing.count == 1 ? "" : "s") \(list) (collection \(context.collection!.name))")]
    }
}
