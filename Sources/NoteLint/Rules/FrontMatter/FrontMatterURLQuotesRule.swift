import NoteParser

/// `frontmatter/url-quotes`: a URL value quoted otherwise than the house writes URLs (unquoted
/// unless the `quotes` option says otherwise).
public struct FrontMatterURLQuotesRule: Rule {
    public init() {}

    /// Whether a house quotes its URLs.
    public enum Quotes: String, Sendable, CaseIterable { case never, always, any }

    public static let quotes = RuleOption("quotes", default: Quotes.never,
                                          "`never`: URLs are written unquoted (the fix removes quotes); `always`: quoted (the fix adds double quotes); `any`: either.")
    static let quoted = "rules:\n  frontmatter/url-quotes: {quotes: always}\n"

    public static let description = RuleDescription(
        id: "frontmatter/url-quotes",
        severity: .warning,
        category: .researchVault,
        summary: "A URL's quoting in the front matter differs from the house's (unquoted unless configured).",
        rationale: "A quoted URL reads the same as an unquoted one; house style writes URLs alike in every note, so that a search for `url: https://` finds them all. By default URLs are unquoted and the fix removes the quotes; the `quotes` option lets a house quote them all (the fix adds double quotes), or not care.",
        triggering: [
            RuleExample("---\ntitle: A note\nbanner_image: ↓'https://example.com/a.webp'\n---\nText.\n"),
            RuleExample("---\ntitle: Ünïcødé\nurl: ↓\"https://example.com/ü\"\n---\n"),
            RuleExample("---\nbanner_image: ↓https://example.com/a.webp\nsource_url: 'https://example.com/ü'\n---\n", configuration: quoted),
        ],
        nonTriggering: [
            RuleExample("---\nbanner_image: https://example.com/a.webp\nlink: \"[[Another Note]]\"\n---\n"),
            RuleExample("---\ntitle: 'https://example.com is quoted text in a title: fine'\nurl: 'not a url'\n---\n"),
            "Text.\n\n```yaml\nurl: 'https://example.com'\n```\n",
            RuleExample("---\nbanner_image: 'https://example.com/a.webp'\nurl: https://example.com\n---\n",
                        configuration: "rules:\n  frontmatter/url-quotes: {quotes: any}\n"),
        ],
        corrections: [
            RuleCorrection("---\nbanner_image: \"https://example.com/a.webp\"\n---\n", "---\nbanner_image: https://example.com/a.webp\n---\n"),
            RuleCorrection("---\ntitle: Ünïcødé\nbanner_image: https://example.com/a.webp # banner\nurl: 'https://example.com'\n---\n",
                           "---\ntitle: Ünïcødé\nbanner_image: \"https://example.com/a.webp\" # banner\nurl: 'https://example.com'\n---\n",
                           configuration: quoted),
        ],
        options: [quotes.declaration]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let house = context.option(Self.quotes, of: self)
        guard house != .any else { return [] }
        return context.frontMatterEntries.compactMap { entry in
            guard let value = entry.value, case .string(let text) = value, FrontMatterValues.isURL(text),
                  !context.hasPlaceholder(entry) else { return nil }
            if house == .never {
                guard entry.isQuoted, let fix = context.unquoteFix(entry, as: .string(text)) else { return nil }
                return context.finding(self, entry.valueRange, "\(entry.key): url is quoted; write it unquoted", fix: fix)
            }
            guard entry.style == .plain else { return nil }
            // The value range may run on over a `# comment`: quote the URL's own bytes.
            let start = entry.valueRange.start.offset, url = start..<(start + text.utf8.count)
            let fix = context.note.source.bytes[url.clamped(to: entry.valueRange.bytes)].elementsEqual(text.utf8)
                ? Fix("quote the url", edits: [Edit(range: url, replacement: YAMLQuoting.doubleQuoted(text))]) : nil
            return context.finding(self, entry.valueRange, "\(entry.key): url is not quoted; write it in quotes", fix: fix)
        }
    }
}
