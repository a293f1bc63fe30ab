import NoteParser

/// Problems only visible across notes: ids and URLs that disagree.
///
/// Duplicate definitions are left out (they are reported as such). In each group the most
/// common value (ties: the first seen) is the reference; every definition that differs is
/// reported once.
struct VaultProblems {
    let idConflicts: [CitationProblem]
    let sameSourceSeveralIDs: [CitationProblem]

    init(definitions: [IndexedDefinition]) {
        let cited = definitions.filter { !$0.definition.isDuplicate && $0.url != nil }
        idConflicts = Self.outliers(in: cited, groupedBy: \.key, value: { $0.url! }).map { definition, primary, count in
            CitationProblem(kind: .idConflict, path: definition.path, range: definition.definition.labelRange,
                            message: "[^\(definition.id)] points to \(definition.url!) here but to \(primary) in \(count) other definition(s)")
        }
        sameSourceSeveralIDs = Self.outliers(in: cited, groupedBy: { $0.url! }, value: \.key).map { definition, primary, count in
            let note = cited.contains { $0.path == definition.path && $0.url == definition.url && $0.key == primary } ? " in this note" : ""
            return CitationProblem(kind: .sameSourceSeveralIDs, path: definition.path, range: definition.definition.labelRange,
                                   message: "\(definition.url!) is cited as [^\(definition.id)] here but as [^\(primary)]\(note) (\(count) definition(s))")
        }
    }

    /// Definitions whose `value` differs from the most common value of their group, with
    /// that value and how many definitions hold it.
    private static func outliers(in definitions: [IndexedDefinition], groupedBy group: (IndexedDefinition) -> String,
                                 value: (IndexedDefinition) -> String) -> [(IndexedDefinition, String, Int)] {
        var groups: [String: [String]] = [:]
        for definition in definitions { groups[group(definition), default: []].append(value(definition)) }
        var primaries: [String: (value: String, count: Int)] = [:]
        for (name, values) in groups {
            var counts: [String: Int] = [:]
            for item in values { counts[item, default: 0] += 1 }
            guard counts.count > 1 else { continue }
            let primary = distinct(values, by: { $0 }).max { counts[$0]! < counts[$1]! }!
            primaries[name] = (primary, counts[primary]!)
        }
        return definitions.compactMap { definition in
            guard let primary = primaries[group(definition)], value(definition) != primary.value else { return nil }
            return (definition, primary.value, primary.count)
        }
    }
}
