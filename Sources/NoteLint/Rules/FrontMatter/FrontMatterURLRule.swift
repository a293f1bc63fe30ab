import NoteParser

/// `frontmatter/url`: a URL value that is broken, or split into a key of its own (quoted ones are
/// `frontmatter/url-quotes`).
public struct FrontMatterURLRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "frontmatter/url",
        severity: .warning,
        summary: "A URL in the front matter is not a URL, has whitespace, or was split into an `https:` key.",
        rationale: "Images, canonical links and source buttons are built from these values: a space, a stray word or a URL broken into `https: //...` (a new key) gives a dead link or no image.",
        triggering: [
            RuleExample("---\ntitle: Ünïcødé\nurl: ↓Some Page\nsource_url: ↓https://example.com/a page\n---\n"),
            RuleExample("---\nurl:\n↓https: //example.com/page\n---\n"),
            RuleExample("---\ntitle: Ünïcødé ✓\nlede: Read more\n↓http: //example.com\n---\n"),
        ],
        nonTriggering: [
            RuleExample("---\nbanner_image: https://example.com/a.webp\nlink: \"[[Another Note]]\"\nurl: 'https://example.com/quoted'\n---\n"),
            RuleExample("---\nurl:\ntitle: 'https://example.com is quoted text in a title: fine'\n---\n"),
            RuleExample("---\nsummary: See https://example.com for more\n---\n"),
            "Text.\n\n```yaml\nurl: 'https://example.com'\n```\n",
        ],
        corrections: [
            RuleCorrection("---\nbanner_image: https://example.com/a.webp\nurl:\nhttps: //example.com/page\n---\n",
                           "---\nbanner_image: https://example.com/a.webp\nurl: https://example.com/page\n---\n"),
            RuleCorrection("---\nlede: Read more\nhttps: //example.com\n---\n", "---\nlede: Read more\nhttps: //example.com\n---\n"),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let entries = context.frontMatterEntries
        var findings: [Finding] = []
        for index in entries.indices {
            // The cheap tests first, the key read in place: most entries are not URLs at all.
            let key = entries[index].key
            let isSplit = Self.isHTTPScheme(key)
            let isURLKey = FrontMatterValues.isURLKey(key, in: context)
            guard isSplit || isURLKey else { continue }
            let entry = entries[index]
            guard let value = entry.value, case .string(let text) = value, !value.isEmpty else { continue }
            if text.hasPrefix("//"), isSplit {
                if !context.hasPlaceholder(entry) { findings.append(splitKey(entry, previous: index > 0 ? entries[index - 1] : nil, context)) }
                continue
            }
            guard isURLKey, !FrontMatterValues.isURL(text), !text.hasPrefix("[["),
                  !context.hasPlaceholder(entry) else { continue }
            if text.contains(where: \.isWhitespaceCheaply), text.lowercasedCheaply().hasPrefix("http") {
                findings.append(context.finding(self, entry.valueRange, "\(entry.key): url '\(text)' contains whitespace"))
            } else {
                findings.append(context.finding(self, entry.valueRange, "\(entry.key): '\(text)' is not a URL"))
            }
        }
        return findings
    }

    /// Whether `key` lowercases to `http` or `https`: only four or five ASCII bytes do, read in place.
    static func isHTTPScheme(_ key: String) -> Bool {
        let utf8 = key.utf8
        guard utf8.count == 4 || utf8.count == 5 else { return false }
        return utf8.withContiguousStorageIfAvailable { bytes in
            Byte.equalsLowercased(bytes[..<4], "http") && (bytes.count == 4 || bytes[4] | 0x20 == UInt8(ascii: "s"))
        } ?? ["http", "https"].contains(key.lowercasedCheaply())
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
