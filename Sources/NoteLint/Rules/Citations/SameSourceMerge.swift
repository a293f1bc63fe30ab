import NoteParser

/// The fix of `citation/same-source-several-ids` within one note: a later id for a source the
/// note already defines is merged into the first id.
enum SameSourceMerge {
    /// Rewrites the references of `definition`'s label to the note's first id for the same
    /// normalised URL and deletes `definition`; nil when no earlier definition in the note cites it.
    static func fix(for definition: FootnoteDefinition, in context: NoteContext) -> Fix? {
        let note = context.note
        guard let url = CitationHelpers.url(definition),
              let kept = note.footnoteDefinitions.first(where: {
                  $0.form == .proper && !$0.isDuplicate && $0.range.start.offset < definition.range.start.offset
                      && CitationHelpers.url($0) == url
              }),
              CitationHelpers.key(kept.label) != CitationHelpers.key(definition.label) else { return nil }
        let label = CitationHelpers.key(definition.label)
        let references = note.footnoteReferences.filter { CitationHelpers.key($0.label) == label }.map {
            Edit(range: $0.range.bytes, replacement: "[^\(kept.label)]")
        }
        let deletion = Edit(range: CitationHelpers.deletion(of: definition.range, in: note.source), replacement: "")
        return Fix("cite it as [^\(kept.label)] and remove this definition", edits: references + [deletion])
    }
}
