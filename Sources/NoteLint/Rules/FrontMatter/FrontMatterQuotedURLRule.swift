import NoteParser

/// `frontmatter/quoted-url`: a URL value written in quotes (house style writes URLs unquoted).
public struct FrontMatterQuotedURLRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/quoted-url",
        severity: .warning,
        category: .researchVault,
        summary: "A URL in the front matter is written in quotes.",
        rationale: "A quoted URL reads the same as an unquoted one; house style writes URLs unquoted so that every note spells them alike and a search for `url: https://` finds them all. The fix removes the quotes.",
        triggering: [
            RuleExample("---\ntitle: A note\nbanner_image: ↓'https://example.com/a.webp'\n---\nText.\n"),
            RuleExample("---\ntitle: Ünïcødé\nurl: ↓\"https://example.com/ü\"\n---\n"),
        ],
        nonTriggering: [
            RuleExample("---\nbanner_image: https://example.com/a.webp\nlink: \"[[Another Note]]\"\n---\n"),
            RuleExample("---\ntitle: 'https://example.com is quoted text in a title: fine'\nurl: 'not a url'\n---\n"),
            "Text.\n\n```yaml\nurl: 'https://example.com'\n```\n",
        ],
        corrections: [
            RuleCorrection("---\nbanner_image: \"https://example.com/a.webp\"\n---\n", "---\nbanner_image: https://example.com/a.webp\n---\n"),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        context.frontMatterEntries.compactMap { entry in
            guard entry.isQuoted, let value = entry.value, case .string(let text) = value, FrontMatterValues.isURL(text),
                  !context.hasPlaceholder(entry), let fix = context.unquoteFix(entry, as: .string(text)) else { return nil }
            return context.finding(self, entry.valueRange, "\(entry.key): url is quoted; write it unquoted", fix: fix)
        }
    }
}
