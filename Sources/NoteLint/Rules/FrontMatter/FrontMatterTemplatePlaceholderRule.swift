import NoteParser

/// `frontmatter/template-placeholder`: a `{{...}}` template placeholder left in a value.
public struct FrontMatterTemplatePlaceholderRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/template-placeholder",
        severity: .error,
        summary: "A front-matter value still holds a `{{...}}` template placeholder.",
        rationale: "The template was never filled in: the note ships a literal placeholder as its UUID, image or author, and YAML reads an unquoted `{{x}}` as a map, which breaks every reader expecting text.",
        triggering: [
            RuleExample("---\ntitle: A note\nsite_uuid: ↓{{generate-uuid}}\n---\nText.\n"),
            RuleExample("---\nlede: 'Ünïcødé ↓{{lede}} and ↓{{more}}'\n---\n"),
            RuleExample("---\nauthors:\n  - ↓{{Author Name}}\n---\n"),
        ],
        nonTriggering: [
            RuleExample("---\ntitle: A note\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\n---\nText.\n"),
            RuleExample("---\ntitle: Braces { are } fine\n---\nBody mentions {{placeholder}}.\n"),
            "Text.\n\n```yaml\nsite_uuid: {{generate-uuid}}\n```\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        // One search of the whole block first (it holds every entry): most have no placeholder.
        // Then each value's range tested in place: only entries with a placeholder are copied.
        guard let contentRange = context.note.frontMatter?.contentRange, context.hasPlaceholder(in: contentRange) else { return [] }
        let entries = context.frontMatterEntries
        return entries.indices.filter { context.hasPlaceholder(in: entries[$0].valueRange) }.map { entries[$0] }.flatMap { entry -> [Finding] in
            let bytes = context.note.source.bytes
            var findings: [Finding] = []
            var index = entry.keyRange.end.offset
            let end = entry.range.end.offset
            while index + 1 < end {
                guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else { index += 1; continue }
                guard let close = (index + 2..<end).first(where: { bytes[$0] == UInt8(ascii: "}") && $0 + 1 < end && bytes[$0 + 1] == UInt8(ascii: "}") }),
                      !bytes[index..<close].contains(UInt8(ascii: "\n")) else { break }
                let placeholder = context.note.source.string(index..<(close + 2))
                findings.append(context.finding(self, bytes: index..<(close + 2), "template placeholder '\(placeholder)' left in '\(entry.key)'"))
                index = close + 2
            }
            return findings
        }
    }
}
