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

    /// A definition compared across notes, by its place in `scans` (copying whole definitions
    /// costs more than the comparisons).
    private struct Cited {
        let note: Int
        let index: Int
        let id: String
        let key: String
        let url: String
        let line: Int
        let isNoteLocal: Bool
    }

    public init(scans: [NoteCitationScan]) {
        let ordered = scans.indices.sorted { (scans[$0].displayPath, $0) < (scans[$1].displayPath, $1) }
        var cited: [Cited] = []
        cited.reserveCapacity(scans.reduce(0) { $0 + $1.definitions.count })
        for note in ordered {
            // Read in place (a copy of each definition retains its strings).
            let definitions = scans[note].definitions
            for index in definitions.indices {
                guard let url = definitions[index].url else { continue }
                let definition = definitions[index].definition  // built once (a vault view's is made on each access)
                guard definition.form == .proper, !definition.isDuplicate else { continue }
                cited.append(Cited(note: note, index: index, id: definition.label, key: IndexedDefinition.key(definition.label), url: url,
                                   line: definition.range.start.line, isNoteLocal: IndexedDefinition.isNoteLocal(definition.label)))
            }
        }
        func location(_ source: Cited) -> String { "\(scans[source.note].displayPath):\(source.line)" }
        func problem(_ kind: CitationProblem.Kind, _ source: Cited, _ message: String) -> CitationProblem {
            let definition = scans[source.note].definitions[source.index]
            return CitationProblem(kind: kind, path: definition.path, range: definition.definition.labelRange, message: message)
        }
        var idConflicts: [CitationProblem] = []
        for group in Self.groups(cited.count, by: { cited[$0].isNoteLocal ? nil : cited[$0].key }) {
            let first = cited[group[0]]
            for source in group.dropFirst().lazy.map({ cited[$0] }) where source.url != first.url {
                idConflicts.append(problem(.idConflict, source, "[^\(source.id)] cites \(source.url) here but \(first.url) in \(location(first))"))
            }
        }
        var sameSource: [CitationProblem] = []
        for group in Self.groups(cited.count, by: { cited[$0].url }) {
            for (index, source) in group.lazy.map({ cited[$0] }).enumerated() {
                let earlier = group[..<index].lazy.map { cited[$0] }.first { $0.note == source.note || !source.isNoteLocal && !$0.isNoteLocal }
                guard let earlier, earlier.key != source.key else { continue }
                let place = earlier.note == source.note ? "line \(earlier.line)" : location(earlier)
                sameSource.append(problem(.sameSourceSeveralIDs, source, "source \(source.url) is already cited as [^\(earlier.id)] (\(place))"))
            }
        }
        self.idConflicts = idConflicts
        self.sameSourceSeveralIDs = sameSource
    }

    /// The indices below `count` that have a `key` (nil for an item left out), grouped by it:
    /// groups of two or more in order of first appearance, members in order (indices, not
    /// copies: a vault cites many sources, most of them once, and a group of one has nothing to
    /// compare).
    private static func groups(_ count: Int, by key: (Int) -> String?) -> [[Int]] {
        // Each item's first: the index of the first item of its key (one lookup an item).
        var firstOf = [Int](repeating: -1, count: count)
        var sizes = [Int](repeating: 0, count: count)
        var byName: [String: Int] = [:]
        byName.reserveCapacity(count)
        for index in 0..<count {
            guard let name = key(index) else { continue }
            func first(_ found: inout Int) -> Int {
                if found < 0 { found = index }
                return found
            }
            let leader = first(&byName[name, default: -1])
            firstOf[index] = leader
            sizes[leader] += 1
        }
        var groups: [[Int]] = []
        var groupOf: [Int: Int] = [:]
        for (index, leader) in firstOf.enumerated() where leader >= 0 && sizes[leader] > 1 {
            if leader == index {
                groupOf[leader] = groups.count
                groups.append([index])
            } else {
                groups[groupOf[leader]!].append(index)
            }
        }
        return groups
    }
}
