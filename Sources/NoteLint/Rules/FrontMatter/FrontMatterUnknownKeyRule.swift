import NoteParser

/// `frontmatter/unknown-key`: a key the note's collection does not list.
public struct FrontMatterUnknownKeyRule: Rule {
    public init() {}

    static let configuration = collection(listing: "required: [title]")

    /// The examples' configuration: one collection of every note, with `setting`.
    private static func collection(listing setting: String) -> String {
        """
        collections:
          essays:
            paths: ["**"]
            \(setting)
            keys:
              date_created: {type: date}
              date_modified: {type: date}
              zinger: {type: string}
              tags: {type: tags}
            aliases:
              date modified: date_modified
              zingere: zinger
        """
    }

    public static let description = RuleDescription(
        id: "frontmatter/unknown-key",
        severity: .warning,
        summary: "A front-matter key is not one its collection lists.",
        rationale: "A misspelt or outdated key is silently ignored by everything that reads the collection: the note looks filled in but its date or zinger never shows.",
        triggering: [
            RuleExample("---\ntitle: A note\n↓date modified: 2024-05-01\n---\nText.\n", configuration: configuration),
            RuleExample("---\ntitle: Ünïcødé\n↓date_creatd: 2024-05-01\n↓zingere: Short\n↓mood: calm\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: A note\ndate_modified: 2024-05-01\nzinger: Short\n---\n", configuration: configuration),
            RuleExample("---\ntitle: A note\nmood: calm\n---\nNo collection, any key goes.\n"),
            RuleExample("---\ntitle: A note\nmood: calm\n---\n", configuration: collection(listing: "allowUnknownKeys: true")),
        ],
        corrections: [
            RuleCorrection("---\ntitle: A note\ndate modified: 2024-05-01\nzingere: Short\n---\n",
                           "---\ntitle: A note\ndate_modified: 2024-05-01\nzinger: Short\n---\n", configuration: configuration),
            RuleCorrection("---\ntitle: A note\nzinger: Kept\nzingere: Typo\n---\n",
                           "---\ntitle: A note\nzinger: Kept\nzingere: Typo\n---\n", configuration: configuration),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        guard let collection = context.collection, !collection.keys.isEmpty, !collection.allowUnknownKeys else { return [] }
        let known = Set(collection.keys.keys).union(collection.required)
        var present = Set(context.frontMatterEntries.map(\.key))
        return context.frontMatterEntries { !known.contains($0) }.map { entry in
            if let target = collection.aliases[entry.key], known.contains(target) {
                var fix: Fix?
                if !present.contains(target), let key = FrontMatterEmitter.key(target) {
                    fix = Fix("rename to '\(target)'", edits: [Edit(range: entry.keyRange.bytes, replacement: key)])
                    present.insert(target)
                }
                return context.finding(self, entry.keyRange, "unknown key '\(entry.key)' (did you mean '\(target)'?)", fix: fix)
            }
            let suggestion = Suggestion.closest(to: entry.key, among: known.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
            return context.finding(self, entry.keyRange, "unknown key '\(entry.key)' in collection \(collection.name)\(suggestion)")
        }
    }
}
