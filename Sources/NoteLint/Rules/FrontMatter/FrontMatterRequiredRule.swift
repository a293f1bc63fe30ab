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

    /// Corrections use `GeneratedValues.examples`: a UUID from the note's path and the date 2024-01-01.
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
        ],
        corrections: [
            RuleCorrection("---\ntitle: A note\n---\nText.\n",
                           "---\ntitle: A note\ndate_created: 2024-01-01\nsite_uuid: c108294c-2c35-43f8-8182-105298586b67\n---\nText.\n", configuration: configuration),
            RuleCorrection("---\r\ntitle: A note\r\ndate_created: 2023-03-04\r\n---\r\n",
                           "---\r\ntitle: A note\r\ndate_created: 2023-03-04\r\nsite_uuid: c108294c-2c35-43f8-8182-105298586b67\r\n---\r\n", configuration: configuration),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        guard let required = context.collection?.required, !required.isEmpty,
              let closing = context.note.frontMatter?.closingDelimiter else { return [] }
        let present = Set(context.frontMatterEntries.map(\.key))
        let missing = required.filter { !present.contains($0) }
        guard !missing.isEmpty else { return [] }
        let list = missing.map { "'\($0)'" }.joined(separator: ", ")
        let at = closing.start.offset
        return [context.finding(self, context.note.source.range(at..<at),
                                "missing required key\(missing.count == 1 ? "" : "s") \(list) (collection \(context.collection!.name))",
                                fix: fix(adding: missing, at: at, context))]
    }

    /// Adds the missing keys that can be generated (`site_uuid`, `date_created`) as the last
    /// entries of the front matter; nil when none can. The values are made when the fix's edits
    /// are asked for (`date_created` may start `git log`), not when linting.
    private func fix(adding missing: [String], at offset: Int, _ context: NoteContext) -> Fix? {
        let keys = missing.filter { $0 == "site_uuid" || $0 == "date_created" }
        guard !keys.isEmpty else { return nil }
        return Fix("add \(keys.joined(separator: " and "))") {
            let generated = context.configuration.generated
            let entries = keys.compactMap { key -> String? in
                switch key {
                case "site_uuid": return FrontMatterEmitter.entry(key, .string(generated.uuid(context.vaultPath)))
                default: return generated.dateCreated(context.note.path).flatMap { FrontMatterEmitter.entry(key, .timestamp($0)) }
                }
            }
            guard !entries.isEmpty else { return [] }
            let bytes = context.note.source.bytes
            let newline = offset >= 2 && bytes[offset - 2] == UInt8(ascii: "\r") ? "\r\n" : "\n"
            return [Edit(range: offset..<offset, replacement: entries.map { $0 + newline }.joined())]
        }
    }
}
