import NoteParser

/// A lint rule: a value that describes itself and checks notes.
///
/// Note rules implement `check(_:)`; vault rules (scope `.vault`) implement
/// `check(vault:)` and see every linted note at once.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings for one note.
    func check(_ note: NoteContext) -> [Finding]
    /// Findings that need all notes, e.g. the same UUID in two notes.
    func check(vault: VaultContext) -> [Finding]
    /// What `check(vault:)` reads from `note` (see `VaultFacts`); nil when that is not known,
    /// and the rule runs again whenever a note changes.
    func vaultFacts(_ note: NoteContext) -> VaultFacts?
    /// The keys that tie `note` to the other notes `check(vault:)` reads about it (its UUIDs, its
    /// citation ids and URLs): the rule's findings about a note are the same over any notes that
    /// hold it and every note sharing a key with it (with every file of the vault), so a change
    /// re-checks only the notes sharing a key with the changed one. Nil when that is not so (the
    /// findings may depend on any note).
    func vaultKeys(_ note: NoteContext) -> Set<String>?
    /// For a rule with keys whose findings about a note depend on the notes holding the keys it
    /// looks up, not on those looking up the same ones (a link depends on the notes its target
    /// names, not on the other links to them): the keys `note` looks up. A change then re-checks
    /// only the notes looking up a key the changed note held or holds. Nil: the keys it holds.
    func vaultLookups(_ note: NoteContext) -> Set<String>?
    /// For a rule with keys whose findings also depend on the vault's files (where links lead):
    /// the keys of the file at vault path `path`, so that a file added or removed re-checks only
    /// the notes holding one of them. Nil when the findings do not depend on the files.
    func vaultFileKeys(_ path: String) -> Set<String>?
}

extension Rule {
    public func check(_ note: NoteContext) -> [Finding] { [] }
    public func check(vault: VaultContext) -> [Finding] { [] }
    public func vaultFacts(_ note: NoteContext) -> VaultFacts? { nil }
    public func vaultKeys(_ note: NoteContext) -> Set<String>? { nil }
    public func vaultLookups(_ note: NoteContext) -> Set<String>? { nil }
    public func vaultFileKeys(_ path: String) -> Set<String>? { nil }
    public var description: RuleDescription { Self.description }
}
