import NoteLint
import NoteParser

/// The edits that apply together to one note: the one place where `fix`, `migrate` and the
/// fuzzer decide what to apply.
///
/// Groups of edits (a fix's edits) are taken in order, each whole or not at all: one with an
/// edit `NoteRewrite.refusal` refuses is refused whole; one with an edit that clashes
/// (`Edit.clashes(with:)`) with an edit already taken, or with another of its own, is dropped
/// as a conflict; an exact repeat of an edit taken is applied once.
struct EditSelection {
    let note: Note
    /// The edits taken, in the order they apply (`EditApplier.inApplicationOrder`).
    private(set) var taken: [PlannedEdit] = []
    private(set) var conflicts: [EditConflict] = []
    private(set) var refused: [RefusedEdit] = []

    init(note: Note) {
        self.note = note
    }

    /// Takes `group` whole, or records why not.
    mutating func take(_ group: [PlannedEdit]) {
        let note = note
        if let reason = group.lazy.compactMap({ NoteRewrite.refusal(of: $0.edit, in: note) }).first {
            refused += group.map { RefusedEdit(edit: $0, reason: reason) }
            return
        }
        var inserted: [Int] = []
        for planned in group {
            let index = insertionIndex(of: planned.edit)
            if isRepeat(planned.edit, before: index) { continue }
            // `taken` applies in order, so only the edits next to the new one can clash with it.
            if let kept = [index - 1, index].filter(taken.indices.contains).map({ taken[$0] })
                .first(where: { $0.edit.clashes(with: planned.edit) }) {
                conflicts.append(EditConflict(kept: kept, dropped: planned))
                for position in inserted.sorted(by: >) { taken.remove(at: position) }
                return
            }
            taken.insert(planned, at: index)
            inserted = inserted.map { $0 >= index ? $0 + 1 : $0 } + [index]
        }
    }

    /// The note's bytes with the edits taken applied.
    var result: [UInt8] {
        // The edits taken do not clash, so applying them cannot fail.
        (try? EditApplier.apply(taken.map(\.edit), to: note.source.bytes)) ?? note.source.bytes
    }

    /// True when the edits taken change the note.
    var changes: Bool { result != note.source.bytes }

    /// Where `edit` goes in `taken`: after every edit that does not apply after it.
    private func insertionIndex(of edit: Edit) -> Int {
        var low = taken.startIndex, high = taken.endIndex
        while low < high {
            let middle = (low + high) / 2
            if EditApplier.precedes(edit, taken[middle].edit) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// True when an edit equal to `edit` is taken: among those just before `index` with its range.
    private func isRepeat(_ edit: Edit, before index: Int) -> Bool {
        taken[..<index].reversed().prefix { $0.edit.range == edit.range }.contains { $0.edit == edit }
    }
}
