import NoteCitations
import NoteParser

/// The fix of `citation/same-source-several-ids` within one note: a later id for a source the
/// note already defines is merged into the first id.
enum SameSourceMerge {
    /// For the definition `problem` is about: rewrites the references of its label to the note's
    /// first id for the same normalised URL and deletes it; adjacent markers of the two ids become
    /// one (never `[^a] [^a]`). Nil when no earlier
    /// definition in the note cites that URL, or when the note also defines that id with another URL.
    static func fix(for problem: CitationProblem, in vault: VaultContext) -> Fix? {
        guard let context = vault.notes.first(where: { $0.note.path == problem.path }),
              let merged = context.citations.definitions.first(where: { $0.definition.labelRange.start.offset == problem.range.start.offset }),
              let url = merged.url,
              let kept = context.citations.definitions.first(where: {
                  $0.definition.form == .proper && !$0.definition.isDuplicate && $0.url == url
                      && $0.definition.range.start.offset < merged.definition.range.start.offset
              }),
              kept.key != merged.key,
              !context.citations.definitions.contains(where: { $0.key == kept.key && $0.url != url }) else { return nil }
        let note = context.note
        let bytes = note.source.bytes
        var edits: [Edit] = []
        // The previous marker: where it ends, whether it cites the source, whether it is rewritten.
        var previous: (end: Int, isSource: Bool, isMerged: Bool)?
        for reference in note.footnoteReferences {
            let key = IndexedDefinition.key(reference.label)
            let range = reference.range.bytes
            let isMerged = key == merged.key, isSource = isMerged || key == kept.key
            defer { previous = (range.upperBound, isSource, isMerged) }
            guard isSource else { continue }
            if let previous, previous.isSource, isMerged || previous.isMerged,
               previous.end == range.lowerBound || (previous.end + 1 == range.lowerBound && bytes[previous.end] == UInt8(ascii: " ")) {
                edits.append(Edit(range: previous.end..<range.upperBound, replacement: ""))
            } else if isMerged {
                edits.append(Edit(range: range, replacement: "[^\(kept.id)]"))
            }
        }
        let deletion = Edit(range: CitationHelpers.deletion(of: merged.definition.range, in: note.source), replacement: "")
        return Fix("cite it as [^\(kept.id)] and remove this definition", edits: edits + [deletion], applicability: .unsafe)
    }
}
