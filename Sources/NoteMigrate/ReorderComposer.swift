import NoteFix
import NoteLint
import NoteParser

/// Plans a `reorder` after the steps before it, so that a plan that changes entries and then
/// orders them needs one run: entries move as the earlier edits leave them.
///
/// Earlier edits inside the moved entries cannot stay separate (their bytes move); they become
/// part of the move's edit, their summaries kept in its own. Earlier edits elsewhere stay as they are.
struct ReorderComposer {
    let note: Note
    let keys: [String]
    let origin: String

    func compose(after edits: [PlannedEdit]) -> [PlannedEdit] {
        guard let content = note.closedFrontMatter?.contentRange.bytes else { return edits }
        let inside = edits.filter { content.lowerBound <= $0.edit.range.lowerBound && $0.edit.range.upperBound <= content.upperBound }
        guard let changed = try? EditApplier.apply(inside.map(\.edit), to: note.source.bytes) else {
            // Earlier edits overlap each other: the move is planned on the note as read and the engine reports the conflicts.
            return edits + (move(in: note.source.bytes).map { [PlannedEdit(edit: $0.edit, origin: origin, summary: $0.summary)] } ?? [])
        }
        guard let span = move(in: changed)?.edit.range else { return edits }
        let moved = landing(inside, in: span)
        let kept = edits.filter { !moved.contains($0) }
        if let edit = merged(moved), !kept.contains(where: { touches($0.edit.range, edit.edit.range) }) {
            return kept + [edit]
        }
        return edits.filter { !inside.contains($0) } + (merged(inside).map { [$0] } ?? [])
    }

    /// The move of the entries of `bytes`, planned on them.
    private func move(in bytes: [UInt8]) -> StepEdit? {
        guard let moved = try? NoteParser().parse(bytes: bytes, path: note.path) else { return nil }
        return StepPlanner(note: moved, placeholder: { _ in nil }).plan(.reorder(keys: keys)).edits.first
    }

    /// The edits whose new bytes lie in (or touch) `span` of the text they produce together.
    private func landing(_ edits: [PlannedEdit], in span: Range<Int>) -> [PlannedEdit] {
        // The order EditApplier applies them in.
        let ordered = edits.enumerated().sorted { ($0.element.edit.range.lowerBound, $0.offset) < ($1.element.edit.range.lowerBound, $1.offset) }
        var shift = 0
        var landing: [PlannedEdit] = []
        for (_, planned) in ordered {
            let start = planned.edit.range.lowerBound + shift, length = planned.edit.replacement.utf8.count
            if start <= span.upperBound && span.lowerBound <= start + length { landing.append(planned) }
            shift += length - planned.edit.range.count
        }
        return landing
    }

    /// One edit of the note as read: `edits` applied, then the entries moved.
    private func merged(_ edits: [PlannedEdit]) -> PlannedEdit? {
        guard let changed = try? EditApplier.apply(edits.map(\.edit), to: note.source.bytes),
              let move = move(in: changed), let result = try? EditApplier.apply([move.edit], to: changed),
              let edit = Edit.between(note.source.bytes, result) else { return nil }
        let summary = edits.isEmpty ? move.summary : move.summary + " (with: " + edits.map(\.summary).joined(separator: "; ") + ")"
        return PlannedEdit(edit: edit, origin: origin, summary: summary)
    }

    /// True when two ranges share bytes or meet.
    private func touches(_ a: Range<Int>, _ b: Range<Int>) -> Bool { a.lowerBound <= b.upperBound && b.lowerBound <= a.upperBound }
}
