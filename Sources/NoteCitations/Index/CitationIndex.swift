import NoteParser

/// Every citation of a set of notes, grouped by source, with the problems found.
///
/// A value built once from parsed notes; reports, the registry and the linter read it.
public struct CitationIndex: Sendable {
    /// The notes indexed, in the order given.
    public let notes: [CitingNote]
    /// Every footnote definition, in note order.
    public let definitions: [IndexedDefinition]
    /// Sources by use: most references first, then most notes, then URL.
    public let sources: [CitationSource]
    /// Problems ordered by path, then position.
    public let problems: [CitationProblem]
    /// Footnote references in all notes.
    public let referenceCount: Int

    /// Indexes `notes`; paths in messages that point at another note are relative to
    /// `root` when given.
    public init(notes: [Note], root: String? = nil) {
        self.init(scans: notes.map { note in NoteCitationScan(note: note, displayPath: root.map { VaultPath.relative(note.path, to: $0) }) })
    }

    /// Indexes notes already scanned (by the linter, say): nothing is scanned again.
    public init(scans perNote: [NoteCitationScan]) {
        definitions = perNote.flatMap(\.definitions)
        sources = Self.groupSources(definitions)
        var sourceCounts: [String: Int] = [:]
        for source in sources { for use in source.uses { sourceCounts[use.path, default: 0] += 1 } }
        self.notes = perNote.map { scan in
            CitingNote(path: scan.path, definitions: scan.definitions.count, references: scan.referenceCount,
                       legacyDefinitions: scan.legacyDefinitionCount, sources: sourceCounts[scan.path] ?? 0)
        }
        referenceCount = perNote.reduce(0) { $0 + $1.referenceCount }
        problems = (perNote.flatMap(\.problems) + VaultCitationProblems(scans: perNote).all)
            .sorted { ($0.path, $0.range.start.offset, $0.kind.rawValue) < ($1.path, $1.range.start.offset, $1.kind.rawValue) }
    }

    /// Problems counted by kind; every kind is present.
    public var problemCounts: [CitationProblem.Kind: Int] {
        var counts = Dictionary(uniqueKeysWithValues: CitationProblem.Kind.allCases.map { ($0, 0) })
        for problem in problems { counts[problem.kind, default: 0] += 1 }
        return counts
    }

    /// Collects, parses and indexes the Markdown files under `paths`, leaving out those
    /// inside `excluded` (the benchmark hook). Messages show other notes' paths relative to `root`.
    /// Notes are parsed and scanned on all cores and dropped once scanned: only their scans
    /// are kept.
    public static func build(paths: [String], excluding excluded: String? = nil,
                             root: String? = nil) -> (index: CitationIndex, errors: [NoteError]) {
        var (files, missing) = NoteFiles.collect(paths)
        if let excluded { files.removeAll { VaultPath.isInside($0, directory: excluded) } }
        var scans: [NoteCitationScan] = []
        var errors = missing
        let parser = NoteParser()
        files.concurrentMap(window: scanWindow, { path in
            Result { () throws(NoteError) in
                let note = try parser.parse(contentsOf: path)
                return NoteCitationScan(note: note, displayPath: root.map { VaultPath.relative(note.path, to: $0) })
            }
        }) { result in
            switch result {
            case .success(let scan): scans.append(scan)
            case .failure(let error): errors.append(error)
            }
        }
        return (CitationIndex(scans: scans), errors)
    }

    /// Notes parsed ahead of the one `build` takes next.
    static let scanWindow = 64

    private static func groupSources(_ definitions: [IndexedDefinition]) -> [CitationSource] {
        var order: [String] = []
        var byURL: [String: [IndexedDefinition]] = [:]
        for definition in definitions {
            guard let url = definition.url else { continue }
            if byURL[url] == nil { order.append(url) }
            byURL[url, default: []].append(definition)
        }
        let sources = order.map { url in
            let group = byURL[url]!
            let paths = distinct(group.map(\.path), by: { $0 })
            let uses = paths.map { path in
                let inNote = group.filter { $0.path == path }
                return CitationUse(path: path, ids: distinct(inNote.map(\.id), by: { $0.lowercasedCheaply() }),
                                   references: inNote.reduce(0) { $0 + $1.references })
            }
            return CitationSource(url: url, domain: URLNormalizer.domain(of: url), definitions: group, uses: uses)
        }
        return sources.sorted {
            ($1.referenceCount, $1.uses.count, $0.url) < ($0.referenceCount, $0.uses.count, $1.url)
        }
    }
}
