import NoteParser

/// `frontmatter/uuid`: a UUID key whose value is not a version-4 UUID, or is quoted.
public struct FrontMatterUUIDRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/uuid",
        severity: .error,
        summary: "A `*uuid*` key holds something other than a version-4 UUID, or a quoted one.",
        rationale: "UUIDs identify notes across sites and databases; a hand-edited one with a `g` or a wrong version digit is rejected by UUID parsers or collides with nothing it should match. House style writes them unquoted.",
        triggering: [
            RuleExample("---\ntitle: A note\nsite_uuid: ↓0f8fad5b-d9cb-469f-a165-70867728950g\n---\nText.\n"),
            RuleExample("---\ntitle: Ünïcødé\nsite_uuid: ↓0f8fad5b-d9cb-169f-a165-70867728950e\nsource_uuid: ↓\"0f8fad5b-d9cb-469f-a165-70867728950e\"\n---\n"),
            RuleExample("---\nsite_uuid: ↓12345\n---\n"),
        ],
        nonTriggering: [
            RuleExample("---\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\n---\n"),
            RuleExample("---\nsite_uuid: 0F8FAD5B-D9CB-469F-A165-70867728950E\nsite_uuid_note: 0f8fad5b-d9cb-469f-a165-70867728950e\n---\n"),
            RuleExample("---\ntitle: Not a uuid key\nid: 12345\nsite_uuid:\n---\n"),
            "Text.\n\n```yaml\nsite_uuid: 12345\n```\n",
        ],
        corrections: [
            RuleCorrection("---\nsite_uuid: '0f8fad5b-d9cb-469f-a165-70867728950e'\n---\n",
                           "---\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\n---\n"),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        context.frontMatterEntries { FrontMatterValues.isUUIDKey($0, in: context) }.compactMap { entry in
            guard let value = entry.value, !value.isEmpty,
                  !context.hasPlaceholder(entry) else { return nil }
            guard let text = value.scalarText else {
                return context.finding(self, entry.keyRange, "\(entry.key): expected a v4 UUID, got a \(value.typeName)")
            }
            if FrontMatterValues.isV4UUID(text) {
                guard entry.isQuoted, let fix = context.unquoteFix(entry, as: .string(text)) else { return nil }
                return context.finding(self, entry.valueRange, "\(entry.key): uuid is quoted; write it unquoted", fix: fix)
            }
            return context.finding(self, entry.valueRange, "\(entry.key): '\(text)' is not a v4 UUID")
        }
    }
}
