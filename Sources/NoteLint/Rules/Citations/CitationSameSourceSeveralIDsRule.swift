import NoteCitations
import NoteParser

/// `citation/same-source-several-ids`: one URL cited under several ids, in a note or across notes.
public struct CitationSameSourceSeveralIDsRule: CitationProblemRule {
    public init() {}

    static let kind = CitationProblem.Kind.sameSourceSeveralIDs

    public static let description = RuleDescription(
        id: kind.rawValue,
        severity: .warning,
        scope: .vault,
        reads: .citations,
        summary: "The same source (normalised URL) is defined under several ids, in one note or across notes.",
        rationale: "Each source should have one id in the whole vault, so citations can be merged, counted and moved between notes. URLs are compared normalised (case of scheme and host, fragment, tracking parameters, trailing slash). Numeric labels like `[^1]` are numbered per note and only compared within their note. Within one note the fix (unsafe: it merges sources and deletes definitions, so it needs `--unsafe-fixes`) keeps the first id: the other ids' citations are rewritten to it, a marker that would repeat the one before it (`[^a] [^a]`) is removed, and their definitions are removed. There is no fix when the note also defines the first id with another URL, nor across notes (a human picks the id).",
        triggering: [
            RuleExample(files: [
                ("a.md", "Claim.[^a1b2c3] More.[^d4e5f6]\n\n[^a1b2c3]: [Source](https://example.com/report)\n\n↓[^d4e5f6]: [Same](https://EXAMPLE.com/report/?utm_source=feed)\n"),
                ("b.md", "Ünïcødé claim.[^g7h8i9]\n\n↓[^g7h8i9]: 2025, Sep 14. [Source](https://example.com/report#intro)\n"),
            ]),
            RuleExample(files: [
                ("note.md", "One.[^1] Two.[^2]\n\n[^1]: [Source](https://example.com/a)\n↓[^2]: [Source](https://example.com/a)\n"),
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                ("a.md", "Claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/report)\n"),
                ("b.md", "Claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/report/)\n"),
            ]),
            RuleExample(files: [
                ("a.md", "Claim.[^1]\n\n[^1]: [Source](https://example.com/report)\n"),
                ("b.md", "Claim.[^2]\n\n[^2]: [Source](https://example.com/report)\n"),
            ]),
            "Claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n```\n[^d4e5f6]: [Source](https://example.com/a)\n```\n",
        ],
        corrections: [
            RuleCorrection("One.[^a1b2c3] Two.[^d4e5f6] Three.[^D4E5F6] Four.[^g7h8i9]\n\n[^a1b2c3]: [Source](https://example.com/report)\n\n[^d4e5f6]: [Same](https://EXAMPLE.com/report/?utm_source=feed)\n\n[^g7h8i9]: [Again](https://example.com/report#intro)\n\n[^z9y8x7]: [Other](https://example.com/other)\n",
                           "One.[^a1b2c3] Two.[^a1b2c3] Three.[^a1b2c3] Four.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/report)\n\n[^z9y8x7]: [Other](https://example.com/other)\n",
                           unsafe: true),
            RuleCorrection("Claim. [^a1b2c3] [^wr0r12][^WR0R12] More. [^wr0r12] [^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n[^wr0r12]: [Same](https://example.com/a/)\n\n[^z9y8x7]: [Other](https://example.com/other)\n",
                           "Claim. [^a1b2c3] More. [^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n[^z9y8x7]: [Other](https://example.com/other)\n", unsafe: true),
            RuleCorrection("One.[^a1b2c3] Two.[^d4e5f6]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n[^d4e5f6]: [Same](https://example.com/a)\n\n[^a1b2c3]: [Other](https://example.com/other)\n",
                           "One.[^a1b2c3] Two.[^d4e5f6]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n[^d4e5f6]: [Same](https://example.com/a)\n\n[^a1b2c3]: [Other](https://example.com/other)\n"),
        ],
        fixApplicability: [.unsafe]
    )

    public func check(vault: VaultContext) -> [Finding] {
        let problems = vault.citations.sameSourceSeveralIDs
        guard !problems.isEmpty else { return [] }
        // Each note's merges are looked up in one index of it, built for its problems and
        // dropped before the next note's (so that one index is held at a time).
        let notes = Dictionary(vault.notes.map { ($0.note.path, $0) }, uniquingKeysWith: { first, _ in first })
        var byNote: [String: [Int]] = [:]
        for (index, problem) in problems.enumerated() { byNote[problem.path, default: []].append(index) }
        var fixes = [Fix?](repeating: nil, count: problems.count)
        for (path, indices) in byNote {
            guard let merge = notes[path].flatMap(SameSourceMerge.init) else { continue }
            for index in indices { fixes[index] = merge.fix(for: problems[index]) }
        }
        return zip(problems, fixes).map { CitationHelpers.finding(self, $0, fix: $1) }
    }

    /// The note's definitions; and when two of them cite one URL, what the fix that merges them
    /// reads: the later definitions' deletions and the markers of those labels, each with the
    /// byte after it, other markers between them counted as a break.
    public func vaultFacts(_ note: NoteContext) -> VaultFacts? {
        var facts = CitationHelpers.definitionFacts(note, ranges: true)
        var urls = Set<String>()
        var merged = Set<String>()
        for indexed in note.citations.definitions {
            guard indexed.definition.form == .proper, !indexed.definition.isDuplicate, let url = indexed.url else { continue }
            if urls.insert(url).inserted { continue }
            merged.insert(url)
            facts.combine("deletes")
            facts.combine(CitationHelpers.deletion(of: indexed.definition.range, in: note.note.source))
        }
        guard !merged.isEmpty else { return facts }
        let sources = Set(note.citations.definitions.filter { $0.url.map(merged.contains) ?? false }.map(\.key))
        let bytes = note.note.source.bytes
        var broken = false
        for reference in note.note.footnoteReferences {
            let key = IndexedDefinition.key(reference.label)
            guard sources.contains(key) else { broken = true; continue }
            let end = reference.range.end.offset
            facts.combine((broken ? "| " : "") + key)
            facts.combine(Int(end < bytes.count ? bytes[end] : 0))
            facts.combine(reference.range)
            broken = false
        }
        return facts
    }

    public func vaultKeys(_ note: NoteContext) -> Set<String>? { CitationHelpers.crossNoteKeys(note) }
}
