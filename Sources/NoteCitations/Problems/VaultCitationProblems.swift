import NoteParser

/// Problems only visible across notes: ids and URLs that disagree. The single detection of
/// `citation/id-conflict` and `citation/same-source-several-ids`, for the index and the linter.
///
/// Compared are the proper, first definitions of each id that have a URL, in notes ordered
/// by `displayPath`. Each definition is compared with the first earlier one of its group
/// (same id for conflicts, same normalised URL for several ids) and reported when it
/// disagrees. Numeric labels like `[^1]` are numbered per note: they are compared only
/// within their note.
public struct VaultCitationProblems: Sendable {
    public let idConflicts: [CitationProblem]
    public let sameSourceSeveralIDs: [CitationProblem]

    public var all: [CitationProblem] { idConflicts + sameSourceSeveralIDs }

    private struct Cited {
        let note: Int
        let displayPath: String
        let definition: IndexedDefinition
        let url: String
        var location: String { "\(displayPath):\(definition.definition.range.start.line)" }
    }

    public init(scans: [NoteCitationScan]) {
        let ordered = scans.indices.sorted { (scans[$0].displayPath, $0) < (scans[$1].displayPath, $1) }
        let cited = ordered.flatMap { note in
            scans[note].definitions.compactMap { indexed -> Cited? in
                guard indexed.definition.form == .proper, !indexed.definition.isDuplicate, let url = indexed.url else { return nil }
                return Cited(note: note, displayPath: scans[note].displayPath, definition: indexed, url: url)
            }
        }
        var idConflicts: [CitationProblem] = []
        for group in Self.groups(cited.filter { !IndexedDefinition.isNoteLocal($0.definition.id) }, by: \.definition.key) {
            let first = group[0]
            for source in group.dropFirst() where source.url != first.url {
                idConflicts.append(Self.problem(.idConflict, source,
                                                "[^\(source.definition.id)] cites \(source.url) here but \(first.url) in \(first.location)"))
            }
        }
        var sameSource: [CitationProblem] = []
        for group in Self.groups(cited, by: \.url) {
            for (index, source) in group.enumerated() {
                let local = IndexedDefinition.isNoteLocal(source.definition.id)
                guard let earlier = group[..<index].first(where: {
                    $0.note == source.note || !local && !IndexedDefinition.isNoteLocal($0.definition.id)
                }), earlier.definition.key != source.definition.key else { continue }
                let place = earlier.note == source.note ? "line \(earlier.definition.definition.range.start.line)" : earlier.location
                sameSource.append(Self.problem(.sameSourceSeveralIDs, source,
                                               "source \(source.url) is already cited as [^\(earlier.definition.id)] (\(place))"))
            }
        }
        self.idConflicts = idConflicts
        self.sameSourceSeveralIDs = sameSource
    }

    /// `items` grouped by `key`, groups in order of first appearance, members in order.
    private static func groups(_ items: [Cited], by key: (Cited) -> String) -> [[Cited]] {
        var order: [String] = []
        var groups: [String: [Cited]] = [:]
        for item in items {
            let name = key(item)
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(item)
        }
        return order.map { groups[$0]! }
    }

    private static func problem(_ kind: CitationProblem.Kind, _ source: Cited, _ message: String) -> CitationProblem {
        CitationProblem(kind: kind, path: source.definition.path, range: source.definition.definition.labelRange, message: message)
    }
}
