import NoteParser

/// `frontmatter/tags-style`: tags not written as a list in the house style (a block list unless
/// the `list` option says flow) of hyphenated tags in the configured case.
public struct FrontMatterTagsStyleRule: Rule {
    public init() {}

    /// How a house writes its tag lists.
    public enum ListStyle: String, Sendable, CaseIterable {
        /// `tags:` then one `  - Tag` per line.
        case block
        /// `tags: [Tag, Other-Tag]` on one line.
        case flow
    }

    public static let list = RuleOption("list", default: ListStyle.block,
                                        "How tags are listed: `block` (one `  - Tag` per line) or `flow` (`tags: [A, B]`).")
    public static let tagCase = RuleOption("case", default: KeySchema.TagCase.any,
                                           "The tags' case where the collection's `tags` schema sets no `case`.")

    static let configuration = ExampleConfiguration.keys("""
        tags: {type: tags, case: Train-Case}
        """)
    static let flowKebab = "rules:\n  frontmatter/tags-style: {list: flow, case: kebab-case}\n"

    public static let description = RuleDescription(
        id: "frontmatter/tags-style",
        severity: .warning,
        category: .researchVault,
        summary: "Tags are not a list in the house style (a block list unless configured) of hyphenated tags in the configured case.",
        rationale: "House style is one tag per line (`tags:` then `  - Tag-Name`): it diffs line by line, and Obsidian splits a tag with spaces into several. A flow list or a single string also reads differently across tools. A house that writes `tags: [A, B]` sets the `list` option to `flow`; the case comes from the collection's `tags` schema (`case:`), else from the `case` option. A block list with a tag continued on a second line is reported without a fix (editing the item's line alone would leave the rest behind).",
        triggering: [
            RuleExample("---\ntitle: A note\n↓tags: [AI-Models, Data-Centers]\n---\nText.\n"),
            RuleExample("---\ntitle: Ünïcødé\n↓tags: Research\n---\n"),
            RuleExample("---\n↓tags:\n  - Open Source\n  - Ünïcødé\n---\n"),
            RuleExample("---\n↓tags:\n  - check-it-out\n---\n", configuration: configuration),
            RuleExample("---\n↓tags:\n  - open-source\n---\n", configuration: flowKebab),
            RuleExample("---\ntitle: Ünïcødé\n↓tags: [open-source, AI-Models]\n---\n", configuration: flowKebab),
        ],
        nonTriggering: [
            RuleExample("---\ntags:\n  - AI-Models\n  - Data-Centers\n---\n"),
            RuleExample("---\ntags:\n  - Check-It-Out\n  - AI-Models\n---\n", configuration: configuration),
            RuleExample("---\ntags:\n---\nEmpty tags are frontmatter/empty-value's.\n"),
            "Text.\n\n```yaml\ntags: [a, b]\n```\n",
            RuleExample("---\ntags: [open-source, ai-models]\n---\n", configuration: flowKebab),
        ],
        corrections: [
            RuleCorrection("---\ntitle: A note\ntags: [AI-Models, Data Centers]\ndate_created: 2024-05-01\n---\n",
                           "---\ntitle: A note\ntags:\n  - AI-Models\n  - Data-Centers\ndate_created: 2024-05-01\n---\n"),
            RuleCorrection("---\ntags: research\n---\n", "---\ntags:\n  - Research\n---\n", configuration: configuration),
            RuleCorrection("---\ntags:\n  - open  source\n  - '2024'\n---\n", "---\ntags:\n  - open-source\n  - '2024'\n---\n"),
            RuleCorrection("---\r\ntags: [A, B]\r\ntitle: T\r\n---\r\n", "---\r\ntags:\r\n  - A\r\n  - B\r\ntitle: T\r\n---\r\n"),
            RuleCorrection("---\ntags:\n  - Open Source\n  - 'AI, Models'\ntitle: T\n---\n", "---\ntags: [open-source, 'ai,-models']\ntitle: T\n---\n",
                           configuration: flowKebab),
            RuleCorrection("---\ntags: [Ünïcødé, Data Centers]\n---\n", "---\ntags: [ünïcødé, data-centers]\n---\n", configuration: flowKebab),
        ],
        options: [list.declaration, tagCase.declaration]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let listStyle = context.option(Self.list, of: self)
        return context.frontMatterEntries.compactMap { entry -> Finding? in
            guard FrontMatterValues.isTagsKey(entry.key, in: context), let value = entry.value, !value.isEmpty,
                  !context.hasPlaceholder(entry) else { return nil }
            let tagCase = context.schema(entry.key)?.case ?? context.option(Self.tagCase, of: self)
            let tags: [String]
            var written: ListStyle?
            switch value {
            case .list(let items):
                let texts = items.compactMap(\.scalarText)
                guard texts.count == items.count else { return nil }
                tags = texts
                written = entry.style == .block ? .block : entry.style == .flow ? .flow : nil
            default:
                guard let text = value.scalarText else { return nil }
                tags = [text]
            }
            let wanted = tags.map { TagStyle.styled($0, tagCase) }
            let message: String
            var edits: [Edit]?
            if written == listStyle {
                guard let index = tags.indices.first(where: { tags[$0] != wanted[$0] }) else { return nil }
                message = tags[index].contains(where: \.isWhitespaceCheaply)
                    ? "tag '\(tags[index])' has spaces; write '\(wanted[index])'"
                    : "tag '\(tags[index])' is not \(tagCase.rawValue); write '\(wanted[index])'"
                switch listStyle {
                case .block: edits = itemEdits(entry, tags, wanted, context)
                case .flow: edits = FrontMatterEmitter.flowEntry(entry.key, wanted).map { [context.replacingLines(of: entry, with: $0)] }
                }
            } else {
                switch written {
                case .flow?: message = "\(entry.key) is a flow list; write one tag per line"
                case .block?: message = "\(entry.key) is a block list; write it on one line as [a, b]"
                case nil: message = "\(entry.key) is a single string; write a list"
                }
                let text = listStyle == .block ? FrontMatterEmitter.entry(entry.key, .list(wanted)) : FrontMatterEmitter.flowEntry(entry.key, wanted)
                edits = text.map { [context.replacingLines(of: entry, with: $0)] }
            }
            return context.finding(self, entry.keyRange, message, fix: edits.map { Fix("write tags as a \(listStyle.rawValue) list", edits: $0) })
        }
    }

    /// Edits of the block-list items whose tag is not written as `wanted`, or nil when an item
    /// cannot be found or written.
    private func itemEdits(_ entry: FrontMatterEntry, _ tags: [String], _ wanted: [String], _ context: NoteContext) -> [Edit]? {
        let items = context.tagItems(entry)
        guard items.count == tags.count, Self.eachItemOnOneLine(entry, context) else { return nil }
        let changed = tags.indices.filter { tags[$0] != wanted[$0] }
        let replacements = changed.compactMap { FrontMatterEmitter.listItem(wanted[$0]) }
        guard replacements.count == changed.count else { return nil }
        return zip(changed, replacements).map { Edit(range: items[$0].written, replacement: $1) }
    }

    /// True when every line of a block list after its key is an item (`- tag`), blank or a
    /// comment: an item's line then holds all of its tag. A tag continued on the next line (a
    /// folded scalar) is not in its item's range, and editing that range alone would leave the
    /// rest behind, to be folded in again by every later pass.
    private static func eachItemOnOneLine(_ entry: FrontMatterEntry, _ context: NoteContext) -> Bool {
        let bytes = context.note.source.bytes
        let firstLine = entry.range.start.line + 1
        guard firstLine <= entry.range.end.line else { return true }
        return (firstLine...entry.range.end.line).allSatisfy { line in
            let range = context.note.source.lineRange(line)
            guard let first = bytes[range].firstIndex(where: { !Byte.isWhitespace($0) }) else { return true }
            if bytes[first] == UInt8(ascii: "#") { return true }
            return bytes[first] == UInt8(ascii: "-") && (first + 1 == range.upperBound || Byte.isWhitespace(bytes[first + 1]))
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
