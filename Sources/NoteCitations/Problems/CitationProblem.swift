import NoteParser

/// A problem with the citations of one note, located in its source.
///
/// The kinds are named by the lint rule ids that report them, so the linter and the
/// citations report count the same things.
public struct CitationProblem: Hashable, Sendable, Encodable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// `[^id]` with no definition in the note.
        case undefined = "citation/undefined"
        /// A definition no reference uses.
        case unused = "citation/unused"
        /// A second definition of an id in the same note.
        case duplicateDefinition = "citation/duplicate-definition"
        /// One source (normalised URL) cited under several ids, in a note or across the vault.
        case sameSourceSeveralIDs = "citation/same-source-several-ids"
        /// One id pointing to different sources across the vault.
        case idConflict = "citation/id-conflict"
        /// A legacy numeric definition `[4]: text`.
        case legacyNumeric = "citation/legacy-numeric"
        /// `[^id] text` without the colon.
        case missingColon = "citation/missing-colon"
        /// `[^x6ezn4]6ezn4]:`, a label with its tail pasted again.
        case corruptedLabel = "citation/corrupted-label"
        /// A definition without a URL.
        case malformed = "citation/malformed"
    }

    public let kind: Kind
    /// The path of the note, as it was read.
    public let path: String
    public let range: SourceRange
    public let message: String

    public init(kind: Kind, path: String, range: SourceRange, message: String) {
        self.kind = kind
        self.path = path
        self.range = range
        self.message = message
    }
}
