import NoteParser

/// `frontmatter/type`: a value that does not match its key's schema, or an impossible date.
public struct FrontMatterTypeRule: Rule {
    public init() {}

    static let configuration = ExampleConfiguration.keys("""
        date_created: {type: date}
        at_semantic_version: {type: version, parts: 4}
        status: {type: enum, values: [Draft, To-Do, Published]}
        publish: {type: bool}
        lede: {type: string, maxLength: 40}
        authors: {type: list}
        """)

    static let dateConfiguration = ExampleConfiguration.keys("""
        date_created: {type: date}
        date_published: {type: date}
        date_updated: {type: date}
        date_modified: {type: date}
        last: {type: date}
        """)

    public static let description = RuleDescription(
        id: "frontmatter/type",
        severity: .error,
        summary: "A front-matter value does not match its key's type, or names a day that does not exist.",
        rationale: "Sorting, feeds and version badges parse these values: an impossible date, a three-part version or an unknown status either crashes the build or sorts the note somewhere absurd. Dates are written unquoted so YAML reads them as dates. The fix writes `date`-typed values spelled `2025-6-5`, `2025/06/05`, quoted or with a time as a plain `YYYY-MM-DD`; dropping a time is unsafe (applied only with `--unsafe-fixes`).",
        triggering: [
            RuleExample("---\ntitle: A note\ndate_modified: ↓2025-02-30\ndate_créé: ↓2024-13-01\n---\nText.\n"),
            RuleExample("---\ndate_created: ↓Nov 2024\nat_semantic_version: ↓0.0.1\nstatus: ↓Done\npublish: ↓maybe\n---\n", configuration: configuration),
            RuleExample("---\nlede: ↓Ünïcødé words that run on well past the limit\nauthors: ↓Ada\n---\n", configuration: configuration),
            RuleExample("---\ntitle: Ünïcødé\ndate_created: ↓'2024-05-01'\n---\n"),
        ],
        nonTriggering: [
            RuleExample("---\ndate_created: 2024-02-29\nat_semantic_version: 0.0.0.1\nstatus: To-Do\npublish: true\nlede: Short\nauthors:\n  - Ada\n---\n", configuration: configuration),
            RuleExample("---\ntitle: 2025-02-30 is not a date key\ndate_note: Spring\n---\n"),
            RuleExample("---\ndate_modified: '2025-09-17 17:43'\n---\nQuoted because YAML cannot read it unquoted.\n"),
            RuleExample("---\ndate_created: '2024-05-01' # kept as written: the comment would be lost\n---\n"),
            "Text.\n\n```yaml\ndate_modified: 2025-02-30\n```\n",
        ],
        corrections: [
            RuleCorrection("---\ndate_created: '2024-05-01'\ndate_modified: \"2025-09-17T17:43:58.385Z\"\n---\n",
                           "---\ndate_created: 2024-05-01\ndate_modified: 2025-09-17T17:43:58.385Z\n---\n"),
            RuleCorrection("---\ndate_created: 2025-6-5\ndate_published: 2025/06/05\ndate_updated: \"2025-06-05\"\ndate_modified: 2025-09-17T17:43:58Z\nlast: '2025-09-17 17:43' # as written\n---\n",
                           "---\ndate_created: 2025-06-05\ndate_published: 2025-06-05\ndate_updated: 2025-06-05\ndate_modified: 2025-09-17T17:43:58Z\nlast: '2025-09-17 17:43' # as written\n---\n",
                           configuration: dateConfiguration),
            RuleCorrection("---\ndate_modified: 2025-09-17T17:43:58Z\n---\n", "---\ndate_modified: 2025-09-17\n---\n",
                           configuration: dateConfiguration, unsafe: true),
        ],
        fixApplicability: [.safe, .unsafe]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        // Only keys with a schema or named as dates are checked. Keys and values are read in
        // place: an entry is copied only when it is checked further.
        let entries = context.frontMatterEntries
        var findings: [Finding] = []
        for index in entries.indices {
            let schema = context.schema(entries[index].key)
            guard schema != nil || DateText.isDateKey(entries[index].key) else { continue }
            // A date key's date or date-time value is a real date, already checked.
            if schema == nil, entries[index].value?.isDateOrDateTime == true { continue }
            let entry = entries[index]
            guard let value = entry.value, !value.isEmpty, !context.hasPlaceholder(entry) else { continue }
            let finding = if let schema { check(entry, value, schema, context) } else { checkDate(entry, value, context, strict: false) }
            if let finding { findings.append(finding) }
        }
        return findings
    }

    private func check(_ entry: FrontMatterEntry, _ value: YAMLValue, _ schema: KeySchema, _ context: NoteContext) -> Finding? {
        let key = entry.key
        let text = value.scalarText
        func mismatch(_ expected: String) -> Finding {
            let got = text.map { "'\($0)'" } ?? "a \(value.typeName)"
            return context.finding(self, anchor(entry, value), "\(key): expected \(expected), got \(got)")
        }
        switch schema.type {
        case .uuid, .url, .tags:
            return nil  // frontmatter/uuid, frontmatter/url, frontmatter/url-quotes and frontmatter/tags-style check these
        case .date, .datetime:
            if schema.type == .date, let finding = checkDay(entry, value, context) { return finding }
            if let finding = checkDate(entry, value, context, strict: true) { return finding }
            if case .datetime = value, schema.type == .date { return mismatch("a date (YYYY-MM-DD)") }
        case .string:
            guard text != nil else { return mismatch("a string") }
        case .version:
            let written = value.isNumber ? context.valueSource(entry) : text ?? ""
            let parts = written.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }), text != nil else {
                return mismatch("a version like 1.0.0")
            }
            if let expected = schema.parts, parts.count != expected {
                return context.finding(self, anchor(entry, value), "\(key): version '\(written)' has \(parts.count) parts, expected \(expected)")
            }
        case .enum:
            guard let text, schema.values?.contains(text) ?? true else { return mismatch("one of \((schema.values ?? []).joined(separator: ", "))") }
        case .bool:
            guard case .bool = value else { return mismatch("true or false") }
        case .number:
            guard value.isNumber else { return mismatch("a number") }
        case .list:
            guard case .list = value else { return mismatch("a list") }
        }
        if schema.type != .enum, let values = schema.values, let text, !values.contains(text) {
            return mismatch("one of \(values.joined(separator: ", "))")
        }
        if let maxLength = schema.maxLength, let text, text.count > maxLength {
            return context.finding(self, anchor(entry, value), "\(key) is \(text.count) characters, max \(maxLength)")
        }
        return nil
    }

    /// Impossible dates; quoted dates that read as dates unquoted; with `strict`, anything else that is no date.
    private func checkDate(_ entry: FrontMatterEntry, _ value: YAMLValue, _ context: NoteContext, strict: Bool) -> Finding? {
        switch value {
        case .date, .datetime:
            return nil
        case .string(let text) where FrontMatterValues.looksLikeDate(text):
            guard FrontMatterValues.isRealDate(text) else {
                return context.finding(self, entry.valueRange, "\(entry.key): '\(text)' is not a real date")
            }
            guard entry.isQuoted, let fix = context.unquoteFix(entry, timestamp: text) else { return nil }
            return context.finding(self, entry.valueRange, "\(entry.key): date is quoted; write it unquoted", fix: fix)
        default:
            guard strict else { return nil }
            let got = value.scalarText.map { "'\($0)'" } ?? "a \(value.typeName)"
            return context.finding(self, anchor(entry, value), "\(entry.key): expected a date (YYYY-MM-DD), got \(got)")
        }
    }

    /// A `date`-typed value written other than as a plain `YYYY-MM-DD` (`2025-6-5`, `2025/06/05`,
    /// quoted, or with a time), with the fix that writes the day plainly; nil when it is plain or no real day.
    private func checkDay(_ entry: FrontMatterEntry, _ value: YAMLValue, _ context: NoteContext) -> Finding? {
        let written = context.valueSource(entry)
        guard let text = value.scalarText, let day = DayText.normalized(text), written != day, !written.utf8.contains(UInt8(ascii: "#")),
              let scalar = FrontMatterEmitter.scalar(.timestamp(day), key: entry.key) else { return nil }
        // Dropping a time deletes what the author wrote: unsafe.
        let dropsTime = text.utf8.contains(UInt8(ascii: ":"))
        return context.finding(self, entry.valueRange, "\(entry.key): write the date as \(day)",
                               fix: Fix("write \(day)", edits: [Edit(range: entry.valueRange.bytes, replacement: scalar)],
                                        applicability: dropsTime ? .unsafe : .safe))
    }

    /// Where to report a value: at the value, or at the key for a block list or map.
    private func anchor(_ entry: FrontMatterEntry, _ value: YAMLValue) -> SourceRange {
        value.scalarText == nil && entry.style == .block ? entry.keyRange : entry.valueRange
    }
}

/// Day text in the loose spellings notes use.
enum DayText {
    /// `YYYY-MM-DD` for `2025-6-5`, `2025/06/05` or a date-time on such a day; nil when the text
    /// is no real day.
    static func normalized(_ text: String) -> String? {
        let date = text.prefix { $0 != "T" && $0 != "t" && $0 != " " }
        let parts = date.split(separator: date.utf8.contains(UInt8(ascii: "/")) ? "/" : "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        func padded(_ part: Substring) -> String { part.count == 1 ? "0" + part : String(part) }
        let day = "\(parts[0])-\(padded(parts[1]))-\(padded(parts[2]))"
        return DateText.isCalendarDate(day) ? day : nil
    }
}

extension YAMLValue {
    fileprivate var isNumber: Bool { if case .number = self { return true } else { return false } }

    fileprivate var isDateOrDateTime: Bool {
        switch self {
        case .date, .datetime: return true
        default: return false
        }
    }
}
