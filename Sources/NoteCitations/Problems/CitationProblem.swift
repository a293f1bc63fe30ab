import NoteParser

/// A problem with the citations of one note, located in its source.
///
/// The kinds are named by the lint rule ids that report them, and both the linter and the
/// citations report take them from the same detection (`NoteCitationScan` per note,
/// `VaultCitationProblems` across notes), so they count the same things.
public struct CitationProblem: Hashable, Sendable, Encodable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// `[^id]` with no definition in the note.
        case undefined = "citation/undefined"
        /// A proper definition `[^id]: …` no reference uses.
        case unused = "citation/unused"
        /// A second definition of an id in the same note.
        case duplicateDefinition = "citation/duplicate-definition"
        /// One source (normalised URL) cited under several ids, in a note or across the vault.
        case sameSourceSeveralIDs = "citation/same-source-several-ids"
        /// One id pointing to different sources across the vault.
        case idConflict = "citation/id-conflict"
        /// A legacy numeric definition `[4]: text`, or an inline `[4]` citing one.
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
    /// Nil: the default severity of the kind's lint rule. Set for duplicate definitions
    /// citing different URLs (`.error`).
    public let severity: Severity?
    /// The definition only repeats an earlier one (same URL, or same text without URL):
    /// deleting it loses nothing.
    public let isRedundant: Bool

    public init(kind: Kind, path: String, range: SourceRange, message: String, severity: Severity? = nil,
                isRedundant: Bool = false) {
        self.kind = kind
        self.path = path
        self.range = range
        self.message = message
        self.severity = severity
        self.isRedundant = isRedundant
    }

    /// The problem as the finding of the rule `ruleID` reports it: its severity when it sets one,
    /// else `defaultSeverity`.
    public func finding(ruleID: String, defaultSeverity: Severity, fix: Fix? = nil) -> Finding {
        Finding(path: path, range: range, ruleID: ruleID, severity: severity ?? defaultSeverity, message: message, fix: fix)
    }
}
