import NoteParser

/// `frontmatter/url`: a URL value that is quoted, broken, or split into a key of its own.
public struct FrontMatterURLRule: Rule {
    public init() {}

    /// Whether a house quotes its URLs.
    public enum Quotes: String, Sendable, CaseIterable { case never, always, any }

    public static let quotes = RuleOption("quotes", default: Quotes.never,
                                          "`never`: URLs are written unquoted (the fix removes quotes); `always`: quoted (the fix adds double quotes); `any`: either.")
    static let quoted = "rules:\n  frontmatter/url: {quotes: always}\n"

    public static let description = RuleDescription(
        id: "frontmatter/url",
        severity: .warning,
        summary: "A URL in the front matter is quoted, not a URL, has whitespace, or was split into an `https:` key.",
        rationale: "Images, canonical links and source buttons are built from these values: a space, a stray word or a URL broken into `https: //...` (a new key) gives a dead link or no image. House style writes URLs unquoted; the `quotes` option lets a house quote them all, or not care.",
        triggering: [
            RuleExample("---\ntitle: A note\nbanner_image: ↓'https://example.com/a.webp'\n---\nText.\n"),
            RuleExample("---\ntitle: Ünïcødé\nurl: ↓Some Page\nsource_url: ↓https://example.com/a page\n---\n"),
            RuleExample("---\nurl:\n↓https: //example.com/page\n---\n"),
            RuleExample("---\ntitle: Ünïcødé ✓\nlede: Read more\n↓http: //example.com\n---\n"),
            RuleExample("---\nbanner_image: ↓https://example.com/a.webp\nsource_url: 'https://example.com/ü'\n---\n", configuration: quoted),
        ],
        nonTriggering: [
            RuleExample("---\nbanner_image: https://example.com/a.webp\nlink: \"[[Another Note]]\"\n---\n"),
            RuleExample("---\nurl:\ntitle: 'https://example.com is quoted text in a title: fine'\n---\n"),
            RuleExample("---\nsummary: See https://example.com for more\n---\n"),
            "Text.\n\n```yaml\nurl: 'https://example.com'\n```\n",
            RuleExample("---\nbanner_image: 'https://example.com/a.webp'\nurl: https://example.com\n---\n",
                        configuration: "rules:\n  frontmatter/url: {quotes: any}\n"),
        ],
        corrections: [
            RuleCorrection("---\nbanner_image: \"https://example.com/a.webp\"\nurl:\nhttps: //example.com/page\n---\n",
                           "---\nbanner_image: https://example.com/a.webp\nurl: https://example.com/page\n---\n"),
            RuleCorrection("---\nlede: Read more\nhttps: //example.com\n---\n", "---\nlede: Read more\nhttps: //example.com\n---\n"),
            RuleCorrection("---\ntitle: Ünïcødé\nbanner_image: https://example.com/a.webp # banner\nurl: 'https://example.com'\n---\n",
                           "---\ntitle: Ünïcødé\nbanner_image: \"https://example.com/a.webp\" # banner\nurl: 'https://example.com'\n---\n",
                           configuration: quoted),
        ],
        options: [quotes.declaration]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let entries = context.frontMatterEntries
        return entries.indices.compactMap { index in
            let entry = entries[index]
            guard let value = entry.value, case .string(let text) = value, !value.isEmpty, !context.hasPlaceholder(entry) else { return nil }
            if ["http", "https"].contains(entry.key.lowercased()), text.hasPrefix("//") {
                return splitKey(entry, previous: index > 0 ? entries[index - 1] : nil, context)
            }
            let urlKey = FrontMatterValues.isURLKey(entry.key, in: context)
            guard urlKey || text.lowercased().hasPrefix("http://") || text.lowercased().hasPrefix("https://") else { return nil }
            if FrontMatterValues.isURL(text) {
                switch context.option(Self.quotes, of: self) {
                case .never:
                    guard entry.isQuoted, let fix = context.unquoteFix(entry, as: .string(text)) else { return nil }
                    return context.finding(self, entry.valueRange, "\(entry.key): url is quoted; write it unquoted", fix: fix)
                case .always:
                    guard entry.style == .plain else { return nil }
                    // The value range may run on over a `# comment`: quote the URL's own bytes.
                    let start = entry.valueRange.start.offset, url = start..<(start + text.utf8.count)
                    let fix = context.note.source.bytes[url.clamped(to: entry.valueRange.bytes)].elementsEqual(text.utf8)
                        ? Fix("quote the url", edits: [Edit(range: url, replacement: YAMLQuoting.doubleQuoted(text))]) : nil
                    return context.finding(self, entry.valueRange, "\(entry.key): url is not quoted; write it in quotes", fix: fix)
                case .any:
                    return nil
                }
            }
            guard urlKey, !text.hasPrefix("[[") else { return nil }
            if text.contains(where: \.isWhitespaceCheaply), text.lowercasedCheaply().hasPrefix("http") {
                return context.finding(self, entry.valueRange, "\(entry.key): url '\(text)' contains whitespace")
            }
            return context.finding(self, entry.valueRange, "\(entry.key): '\(text)' is not a URL")
        }
    }

    /// `https: //host` read as a key of its own: rejoined into the previous entry when that one is empty.
    private func splitKey(_ entry: FrontMatterEntry, previous: FrontMatterEntry?, _ context: NoteContext) -> Finding {
        let url = entry.key + ":" + (entry.value?.scalarText ?? "")
        var fix: Fix?
        if let previous, previous.value == .null || previous.value == .string(""),
           previous.range.end.line + 1 == entry.range.start.line,
           FrontMatterValues.isURL(url), let text = FrontMatterEmitter.entry(previous.key, .string(url)) {
            fix = Fix("join the URL back into '\(previous.key)'",
                      edits: [context.replacingLines(of: entry, from: previous.range.start.offset, with: text)])
        }
        return context.finding(self, entry.keyRange, "url split by a space after '\(entry.key):'; write '\(url)'", fix: fix)
    }
}
