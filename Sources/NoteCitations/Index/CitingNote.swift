/// The citations of one note, counted.
public struct CitingNote: Sendable, Hashable {
    public let path: String
    /// Footnote definitions, every form and duplicates included.
    public let definitions: Int
    /// Footnote references.
    public let references: Int
    /// Legacy numeric definitions `[4]: text`.
    public let legacyDefinitions: Int
    /// Distinct normalised URLs it cites.
    public let sources: Int
}
