import NoteCitations
import NoteParser

/// The fix of `citation/same-source-several-ids` within one note: a later id for a source the
/// note already defines is merged into the first id.
enum SameSourceMerge {
    /// For the definition `problem` is about: rewrites the references of its label to the note's
    /// first id for the same normalised URL and deletes it; nil when no earlier definition in the
    /// note cites that URL.
    static func fix(for problem: CitationProblem, in vault: VaultContext) -> Fix? {
        guard let context = vault.notes.first(where: { $0.note.path == problem.path }),
              let merged = context.citations.definitions.first(where: { $0.definition.labelRange.start.offset == problem.range.start.offset }),
              let url = merged.url,
              let kept = context.citations.definitions.first(where: {
                  $0.definition.form == .proper && !$0.definition.isDuplicate && $0.url == url
                      && $0.definition.range.start.offset < merged.definition.range.start.offset
              }),
              kept.key != merged.key else { return nil }
        let note = context.note
        let references = note.footnoteReferences.filter { IndexedDefinition.key($0.label) == merged.key }.map {
            Edit(range: $0.range.bytes, replacement: "[^\(kept.id)]")
        }
        let deletion = Edit(range: CitationHelpers.deletion(of: merged.definition.range, in: note.source), replacement: "")
        return Fix("cite it as [^\(kept.id)] and remove this definition", edits: references + [deletion])
    }
}
