import NoteParser

/// What a vault rule reads from one note, hashed: when a note changes and its facts for a rule
/// stay the same, that rule's findings about every note of the vault stay the same too (a
/// `Workspace` keeps them instead of running the rule again). Facts hold everything the rule
/// reads from the note: the parts other notes' findings depend on, and the note's own findings
/// and fixes (their ranges, messages and edits).
public struct VaultFacts: Hashable, Sendable {
    private var hash = ContentHash()

    public init() {}

    /// Facts as the lint cache stores them.
    init(value: UInt64) { hash = ContentHash(value: value) }

    var value: UInt64 { hash.value }

    public mutating func combine(_ text: String) { hash.combine(text) }

    public mutating func combine(_ bytes: [UInt8]) { hash.combine(bytes) }

    public mutating func combine(_ value: Int) { hash.combine(value) }

    public mutating func combine(_ range: SourceRange) {
        for value in [range.start.line, range.start.column, range.start.offset, range.end.line, range.end.column, range.end.offset] {
            hash.combine(value)
        }
    }

    /// A byte range of the note.
    public mutating func combine(_ range: Range<Int>) {
        hash.combine(range.lowerBound)
        hash.combine(range.upperBound)
    }
}
