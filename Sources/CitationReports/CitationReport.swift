import NoteCitations
import NoteParser

/// The citations report: what every format shows, and the JSON document itself
/// (documented in docs/citations-json.md). Paths are relative to the vault root.
public struct CitationReport: Sendable, Encodable {
    public struct Summary: Sendable, Encodable {
        public let notes: Int
        /// Footnote definitions.
        public let citations: Int
        public let legacyCitations: Int
        /// Distinct normalised URLs.
        public let sources: Int
        public let references: Int
        /// Problems by rule id; every kind is present.
        public let problems: [String: Int]
    }

    public struct Source: Sendable, Encodable {
        public let url: String
        public let domain: String?
        public let title: String?
        public let titles: [String]
        public let ids: [String]
        public let references: Int
        public let published: [String]
        public let updated: [String]
        public let citedOn: [String]
        public let notes: [Use]
    }

    public struct Use: Sendable, Encodable {
        public let path: String
        public let ids: [String]
        public let references: Int
    }

    public struct NoteRow: Sendable, Encodable {
        public let path: String
        public let definitions: Int
        public let references: Int
        public let sources: Int
        public let problems: Int
    }

    public struct Domain: Sendable, Encodable {
        public let domain: String
        public let sources: Int
        public let references: Int
    }

    public struct Year: Sendable, Encodable {
        /// Nil for sources without a publication date.
        public let year: Int?
        public let sources: Int
    }

    public struct Problem: Sendable, Encodable {
        public let kind: String
        public let path: String
        public let line: Int
        public let column: Int
        public let message: String
    }

    public let version = 1
    public let summary: Summary
    /// Sources by use, most referenced first.
    public let sources: [Source]
    /// Notes in path order.
    public let notes: [NoteRow]
    /// Domains by number of sources, then references, then name.
    public let domains: [Domain]
    /// Ascending years, then sources without a year.
    public let years: [Year]
    public let problems: [Problem]

    /// The report of `index`, with paths made relative to `root` when inside it.
    public init(index: CitationIndex, root: String) {
        func relative(_ path: String) -> String { VaultPath.relative(path, to: root) }
        var problemsPerNote: [String: Int] = [:]
        for problem in index.problems { problemsPerNote[problem.path, default: 0] += 1 }
        summary = Summary(notes: index.notes.count, citations: index.definitions.count,
                          legacyCitations: index.notes.reduce(0) { $0 + $1.legacyDefinitions },
                          sources: index.sources.count, references: index.referenceCount,
                          problems: Dictionary(uniqueKeysWithValues: index.problemCounts.map { ($0.key.rawValue, $0.value) }))
        sources = index.sources.map { source in
            Source(url: source.url, domain: source.domain, title: source.titles.first, titles: source.titles, ids: source.ids,
                   references: source.referenceCount, published: source.published.map(\.description),
                   updated: source.updated.map(\.description), citedOn: source.citedOn.map(\.description),
                   notes: source.uses.map { Use(path: relative($0.path), ids: $0.ids, references: $0.references) })
        }
        notes = index.notes.map { note in
            NoteRow(path: relative(note.path), definitions: note.definitions, references: note.references,
                    sources: note.sources, problems: problemsPerNote[note.path] ?? 0)
        }.sorted { $0.path < $1.path }
        domains = Self.domains(index.sources)
        years = Self.years(index.sources)
        problems = index.problems.map { problem in
            Problem(kind: problem.kind.rawValue, path: relative(problem.path), line: problem.range.start.line,
                    column: problem.range.start.column, message: problem.message)
        }
    }

    private static func domains(_ sources: [CitationSource]) -> [Domain] {
        var counts: [String: (sources: Int, references: Int)] = [:]
        for source in sources {
            let domain = source.domain ?? "(none)"
            counts[domain, default: (0, 0)].sources += 1
            counts[domain, default: (0, 0)].references += source.referenceCount
        }
        return counts.map { Domain(domain: $0.key, sources: $0.value.sources, references: $0.value.references) }
            .sorted { ($1.sources, $1.references, $0.domain) < ($0.sources, $0.references, $1.domain) }
    }

    private static func years(_ sources: [CitationSource]) -> [Year] {
        var counts: [Int?: Int] = [:]
        for source in sources { counts[source.publicationYear, default: 0] += 1 }
        return counts.map { Year(year: $0.key, sources: $0.value) }
            .sorted { ($0.year ?? Int.max) < ($1.year ?? Int.max) }
    }
}
