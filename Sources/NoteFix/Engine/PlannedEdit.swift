import NoteParser

import NoteLint

/// One intended change, tagged with who asked for it (a rule id such as "citation/missing-colon",
/// or a migration step such as "migrate/rename-key").
public struct PlannedEdit: Sendable, Hashable {
    public let edit: Edit
    public let origin: String
    /// What the change does, e.g. "add the missing colon".
    public let summary: String

    public init(edit: Edit, origin: String, summary: String) {
        self.edit = edit
        self.origin = origin
        self.summary = summary
    }
}

/// Two planned edits that touch the same bytes: neither is guessed, the later one is dropped and reported.
public struct EditConflict: Sendable {
    public let kept: PlannedEdit
    public let dropped: PlannedEdit

    public init(kept: PlannedEdit, dropped: PlannedEdit) {
        self.kept = kept
        self.dropped = dropped
    }
}

/// An edit refused for safety, with why (e.g. it touches a front matter that has a YAML error).
public struct RefusedEdit: Sendable {
    public let edit: PlannedEdit
    public let reason: String

    public init(edit: PlannedEdit, reason: String) {
        self.edit = edit
        self.reason = reason
    }
}
