import NoteParser

/// One footnote definition of the vault, with what the index learned about it.
public struct IndexedDefinition: Sendable {
    /// The note that holds it.
    public let path: String
    public let definition: FootnoteDefinition
    /// The normalised URL; nil when the definition has none.
    public let url: String?
    /// References to its id in its note (zero for a duplicate, which cmark-gfm drops).
    public let references: Int

    /// The id as written.
    public var id: String { definition.label }
    /// The id as footnotes match it: case-insensitively.
    public var key: String { IndexedDefinition.key(definition.label) }

    public static func key(_ label: String) -> String { label.lowercasedCheaply() }

    /// Purely numeric labels (`[^1]`) are numbered per note, so they are not compared across notes.
    public static func isNoteLocal(_ label: String) -> Bool { label.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
}
