import NoteLint
import NoteParser

/// One note through the passes of a `NoteFixer` run.
struct NoteState {
    let original: Note
    private(set) var current: Note
    private(set) var passes: [[PlannedEdit]] = []
    /// Fixes still not applied after the latest pass that had fixes for the note.
    private(set) var conflicts: [EditConflict] = []
    private(set) var refused: [RefusedEdit] = []
    /// True once a rewrite was refused whole: the note keeps its original bytes.
    private(set) var frozen = false

    init(original: Note) {
        self.original = original
        self.current = original
    }

    var isChanged: Bool { current.source.bytes != original.source.bytes }

    var rewrite: NoteRewrite {
        NoteRewrite(path: original.path, original: original.source.bytes, result: current.source.bytes,
                    passes: passes, conflicts: conflicts, refused: refused)
    }

    /// The note has no fixes left: nothing is pending.
    mutating func settle() {
        conflicts = []
        if !frozen { refused = [] }
    }

    /// Applies the fixes (each a group of edits, taken whole) that neither overlap a fix taken
    /// before them nor have a refused edit; returns true when the note changed.
    mutating func apply(_ fixes: [[PlannedEdit]], parser: NoteParser) -> Bool {
        let note = current
        var taken: [PlannedEdit] = []
        conflicts = []
        refused = []
        for fix in fixes {
            if let reason = fix.lazy.compactMap({ NoteRewrite.refusal(of: $0.edit, in: note) }).first {
                refused += fix.map { RefusedEdit(edit: $0, reason: reason) }
            } else if let clash = fix.lazy.compactMap({ edit in
                taken.first { $0.edit != edit.edit && Self.clash($0.edit.range, edit.edit.range) }.map { (kept: $0, dropped: edit) }
            }).first {
                conflicts.append(EditConflict(kept: clash.kept, dropped: clash.dropped))
            } else {
                taken += fix
            }
        }
        let planned = NoteRewrite.plan(note, edits: taken)
        guard planned.isChanged else { return false }
        switch NoteRewrite.reparse(planned.result, path: current.path, comparedWith: original, parser: parser) {
        case .failure(let refusal):
            refuseWhole(planned.applied, reason: refusal.reason)
            return false
        case .success(let result):
            passes.append(planned.applied)
            current = result
            return true
        }
    }

    /// Gives up on the note: back to its original bytes, every edit so far refused.
    private mutating func refuseWhole(_ last: [PlannedEdit], reason: String) {
        refused = (passes.flatMap { $0 } + last).map { RefusedEdit(edit: $0, reason: reason) }
        conflicts = []
        passes = []
        current = original
        frozen = true
    }

    /// True when edits of `a` and `b` cannot both apply (`NoteRewrite.plan` would drop one).
    static func clash(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        switch (a.isEmpty, b.isEmpty) {
        case (true, true): return false
        case (true, false): return b.lowerBound < a.lowerBound && a.lowerBound < b.upperBound
        case (false, true): return a.lowerBound < b.lowerBound && b.lowerBound < a.upperBound
        case (false, false): return a.overlaps(b)
        }
    }
}
