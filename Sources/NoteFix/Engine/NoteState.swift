import NoteLint
import NoteParser

/// One note through the passes of a `NoteFixer` run.
struct NoteState {
    /// The note as read, with its vault path and configuration.
    let original: NoteContext
    /// The note as the passes so far leave it.
    private(set) var current: NoteContext
    private(set) var passes: [[PlannedEdit]] = []
    /// Fixes still not applied after the latest pass that had fixes for the note.
    private(set) var conflicts: [EditConflict] = []
    private(set) var refused: [RefusedEdit] = []
    /// True once a rewrite was refused whole: the note keeps its original bytes.
    private(set) var frozen = false
    /// The note rules' check of `current` (`Linter.lint(_:context:vaultFiles:checks:)`); nil
    /// until made, and again whenever `current` changes.
    var check: Linter.Checked?

    init(original: NoteContext) {
        self.original = original
        self.current = original
    }

    var isChanged: Bool { current.note.source.bytes != original.note.source.bytes }

    var rewrite: NoteRewrite {
        NoteRewrite(path: original.note.path, original: original.note.source.bytes, result: current.note.source.bytes,
                    passes: passes, conflicts: conflicts, refused: refused)
    }

    /// The note has no fixes left: nothing is pending.
    mutating func settle() {
        conflicts = []
        if !frozen { refused = [] }
    }

    /// The fixes (each a group of edits, taken whole) that apply together in one pass, as
    /// `EditSelection` takes them.
    func selection(of fixes: [[PlannedEdit]]) -> EditSelection {
        var selection = EditSelection(note: current.note)
        for fix in fixes { selection.take(fix) }
        return selection
    }

    /// Applies the fixes `selection(of:)` takes; returns true when the note changed.
    mutating func apply(_ fixes: [[PlannedEdit]]) -> Bool {
        let selection = selection(of: fixes)
        conflicts = selection.conflicts
        refused = selection.refused
        let result = selection.result
        guard result != current.note.source.bytes else { return false }
        let parser = NoteParser(limits: original.configuration.limits.parser)
        switch NoteRewrite.reparse(result, path: current.note.path, comparedWith: original.note, parser: parser) {
        case .failure(let refusal):
            refuseWhole(selection.taken, reason: refusal.reason)
            return false
        case .success(let note):
            passes.append(selection.taken)
            current = NoteContext(note: note, vaultPath: original.vaultPath, configuration: original.configuration)
            check = nil
            return true
        }
    }

    /// Gives up on the note: back to its original bytes, every edit so far refused.
    private mutating func refuseWhole(_ last: [PlannedEdit], reason: String) {
        refused = (passes.flatMap { $0 } + last).map { RefusedEdit(edit: $0, reason: reason) }
        conflicts = []
        passes = []
        current = original
        check = nil
        frozen = true
    }
}
