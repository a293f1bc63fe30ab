import NoteParser

/// `citation/date-mismatch`: a definition whose dates contradict each other.
public struct CitationDateMismatchRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "citation/date-mismatch",
        severity: .warning,
        reads: .citations,
        summary: "A definition's `Published:` date is after its `Updated:` date, or its `YEAR, Mon DD.` prefix differs from `Updated:`.",
        rationale: "The prefix of a house definition repeats the source's last update, and a source cannot be updated before it was published: a mismatch means one date was mistyped or pasted from another source. Dates compare at the coarser of the two precisions (`2025` matches `2025-09-14`). A prefix one day before `Updated:` is accepted: the citation tool writes the prefix in local time and `Updated:` in UTC (162 of the 166 prefix mismatches in the reference corpus are exactly that).",
        triggering: [
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: 2025, Sep 14. [Title](https://example.org). ↓Published: 2025-10-01 | Updated: 2025-09-14\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: ↓2025, Sep 12. [Ünïcødé](https://example.org). Published: 2025-03-17 | Updated: 2025-09-14\n",
            "A claim [4].\n\n[4]: ↓2024, Jul 17. [Title](https://example.org). Published: 2024-06-18 | Updated: 2025-07-17\n",
        ],
        nonTriggering: [
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: 2025, Sep 14. [Title](https://example.org). Published: 2025-03-17 | Updated: 2025-09-14\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: 2025. [Title](https://example.org). Published: 2025-09 | Updated: 2025-09-14\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: 2025, Dec 31. [Title](https://example.org). Published: 2025-03-17 | Updated: 2026-01-01\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: 2025, May 22. [Title](https://example.org). Published: 2025-05-22 | Updated: N/A\n",
            "```\n[^a1b2c3]: 2025, Sep 13. [Title](https://example.org). Published: 2025-10-01 | Updated: 2025-09-14\n```\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let note = context.note
        var findings: [Finding] = []
        // Only a definition with an `Updated:` date can mismatch: the others are read in place,
        // not copied (with their strings retained) as a loop over the elements would.
        let definitions = note.footnoteDefinitions, legacy = note.legacyDefinitions
        for index in definitions.indices where definitions[index].fields.updated?.date != nil {
            check(definitions[index].fields, range: definitions[index].range, textStart: definitions[index].textRange.start.offset,
                  in: context, into: &findings)
        }
        for index in legacy.indices where legacy[index].fields.updated?.date != nil {
            var start = legacy[index].labelRange.end.offset
            while start < legacy[index].range.end.offset, note.source.bytes[start] == UInt8(ascii: " ") { start += 1 }
            check(legacy[index].fields, range: legacy[index].range, textStart: start, in: context, into: &findings)
        }
        return findings
    }

    /// The findings of one definition's fields; `textStart` is where its text starts.
    private func check(_ fields: CitationFields, range: SourceRange, textStart: Int, in context: NoteContext, into findings: inout [Finding]) {
        guard let updated = fields.updated?.date else { return }
        if let published = fields.published?.date, Self.coarse(published, updated) > Self.coarse(updated, published),
           let offset = CitationHelpers.offset(of: "Published:", in: range, of: context.note.source) {
            findings.append(context.finding(self, bytes: offset..<(offset + 10), "published \(published) is after updated \(updated)"))
        }
        if let prefix = fields.prefixDate, Self.coarse(prefix, updated) != Self.coarse(updated, prefix),
           !Self.isDayBefore(prefix, updated) {
            findings.append(context.finding(self, bytes: textStart..<textStart, "date \(prefix) differs from updated \(updated)"))
        }
    }

    /// True when both dates are days and `date` is the day before `other`.
    static func isDayBefore(_ date: PartialDate, _ other: PartialDate) -> Bool {
        guard let day = date.day, let month = date.month, other.precision == .day else { return false }
        let next = day < DateText.daysIn(month: month, year: date.year) ? PartialDate(year: date.year, month: month, day: day + 1)
            : month < 12 ? PartialDate(year: date.year, month: month + 1, day: 1) : PartialDate(year: date.year + 1, month: 1, day: 1)
        return next == other
    }

    /// `date` cut to the precision of `other` when that is coarser.
    static func coarse(_ date: PartialDate, _ other: PartialDate) -> PartialDate {
        switch other.precision {
        case .year: return PartialDate(year: date.year)
        case .month: return PartialDate(year: date.year, month: date.month)
        case .day: return date
        }
    }
}
