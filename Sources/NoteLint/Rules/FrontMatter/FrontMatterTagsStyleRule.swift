import NoteParser

/// `frontmatter/tags-style`: tags not written as a block list of hyphenated tags.
public struct FrontMatterTagsStyleRule: Rule {
    public init() {}

    static let configuration = ExampleConfiguration.keys("""
        tags: {type: tags, case: Train-Case}
        """)

    public static let description = RuleDescription(
        id: "frontmatter/tags-style",
        severity: .warning,
        category: .researchVault,
        summary: "Tags are not a block list of hyphenated tags in the configured case.",
        rationale: "House style is one tag per line (`tags:` then `  - Tag-Name`): it diffs line by line, and Obsidian splits a tag with spaces into several. A flow list or a single string also reads differently across tools.",
        triggering: [
            RuleExample("---\ntitle: A note\n↓tags: [AI-Models, Data-Centers]\n---\nText.\n"),
            RuleExample("---\ntitle: Ünïcødé\n↓tags: Research\n---\n"),
            RuleExample("---\n↓tags:\n  - Open Source\n  - Ünïcødé\n---\n"),
            RuleExample("---\n↓tags:\n  - check-it-out\n---\n", configuration: configuration),
        ],
        nonTriggering: [
            RuleExample("---\ntags:\n  - AI-Models\n  - Data-Centers\n---\n"),
            RuleExample("---\ntags:\n  - Check-It-Out\n  - AI-Models\n---\n", configuration: configuration),
            RuleExample("---\ntags:\n---\nEmpty tags are frontmatter/empty-value's.\n"),
            "Text.\n\n```yaml\ntags: [a, b]\n```\n",
        ],
        corrections: [
            RuleCorrection("---\ntitle: A note\ntags: [AI-Models, Data Centers]\ndate_created: 2024-05-01\n---\n",
                           "---\ntitle: A note\ntags:\n  - AI-Models\n  - Data-Centers\ndate_created: 2024-05-01\n---\n"),
            RuleCorrection("---\ntags: research\n---\n", "---\ntags:\n  - Research\n---\n", configuration: configuration),
            RuleCorrection("---\ntags:\n  - open  source\n  - '2024'\n---\n", "---\ntags:\n  - open-source\n  - '2024'\n---\n"),
            RuleCorrection("---\r\ntags: [A, B]\r\ntitle: T\r\n---\r\n", "---\r\ntags:\r\n  - A\r\n  - B\r\ntitle: T\r\n---\r\n"),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        context.frontMatterEntries.compactMap { entry -> Finding? in
            guard FrontMatterValues.isTagsKey(entry.key, in: context), let value = entry.value, !value.isEmpty,
                  !context.hasPlaceholder(entry) else { return nil }
            let tagCase = context.schema(entry.key)?.case ?? .any
            let tags: [String]
            switch value {
            case .list(let items):
                let texts = items.compactMap(\.scalarText)
                guard texts.count == items.count else { return nil }
                tags = texts
            default:
                guard let text = value.scalarText else { return nil }
                tags = [text]
            }
            let wanted = tags.map { TagStyle.styled($0, tagCase) }
            let message: String
            var edits: [Edit]?
            if case .list = value, entry.style == .block {
                guard let index = tags.indices.first(where: { tags[$0] != wanted[$0] }) else { return nil }
                message = tags[index].contains(where: \.isWhitespaceCheaply)
                    ? "tag '\(tags[index])' has spaces; write '\(wanted[index])'"
                    : "tag '\(tags[index])' is not \(tagCase.rawValue); write '\(wanted[index])'"
                let items = context.tagItems(entry)
                if items.count == tags.count {
                    let changed = tags.indices.filter { tags[$0] != wanted[$0] }
                    let replacements = changed.compactMap { FrontMatterEmitter.listItem(wanted[$0]) }
                    if replacements.count == changed.count {
                        edits = zip(changed, replacements).map { Edit(range: items[$0].written, replacement: $1) }
                    }
                }
            } else {
                message = entry.style == .flow ? "\(entry.key) is a flow list; write one tag per line" : "\(entry.key) is a single string; write a list"
                edits = FrontMatterEmitter.entry(entry.key, .list(wanted)).map { [context.replacingLines(of: entry, with: $0)] }
            }
            return context.finding(self, entry.keyRange, message, fix: edits.map { Fix("write tags as a block list", edits: $0) })
        }
    }
}

/// Tag spelling: spaces to hyphens and the configured case.
enum TagStyle {
    static func styled(_ tag: String, _ tagCase: KeySchema.TagCase) -> String {
        let words = tag.split(whereSeparator: \.isWhitespaceCheaply).joined(separator: "-")
        switch tagCase {
        case .any: return words
        case .lowercase: return words.lowercased()
        case .kebabCase: return words.replacingOccurrences(of: "_", with: "-").lowercased()
        case .trainCase: return words.split(separator: "-", omittingEmptySubsequences: false).map(capitalized).joined(separator: "-")
        case .pascalCase: return words.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(capitalized).joined()
        }
    }

    private static func capitalized(_ word: Substring) -> String { word.prefix(1).uppercased() + word.dropFirst() }
}
