import NoteParser

/// One footnote definition of the vault, with what the index learned about it.
public struct IndexedDefinition: Sendable {
    /// The note that holds it.
    public let path: String
    private var stored: Stored
    /// The normalised URL; nil when the definition has none.
    public let url: String?
    /// References to its id in its note (zero for a duplicate, which cmark-gfm drops).
    public let references: Int

    /// A whole definition, by its place in its note's definitions (the array is shared, not
    /// copied: no box to allocate, no strings to retain for each), or what a vault view keeps of
    /// one: a vault holds many (`withoutText`).
    private enum Stored: Sendable {
        case whole([FootnoteDefinition], index: Int)
        case withoutText(label: String, form: FootnoteDefinition.Form, range: SourceRange, labelRange: SourceRange,
                         isDuplicate: Bool, referenceCount: Int)
    }

    /// The definition at `index` of a note's `definitions`.
    public init(path: String, definitions: [FootnoteDefinition], index: Int, url: String?, references: Int) {
        self.init(path: path, stored: .whole(definitions, index: index), url: url, references: references)
    }

    private init(path: String, stored: Stored, url: String?, references: Int) {
        (self.path, self.stored, self.url, self.references) = (path, stored, url, references)
    }

    /// The definition without its text, text range and parsed fields (`FootnoteDefinition.withoutText`),
    /// in less than half the memory: what a pass over the vault keeps of it. Made from the fields it
    /// keeps (not from a copy of the whole definition and of this one).
    public var withoutText: IndexedDefinition {
        guard case .whole(let definitions, let index) = stored else { return self }
        return IndexedDefinition(path: path, stored: .withoutText(label: definitions[index].label, form: definitions[index].form,
                                                                  range: definitions[index].range, labelRange: definitions[index].labelRange,
                                                                  isDuplicate: definitions[index].isDuplicate,
                                                                  referenceCount: definitions[index].referenceCount),
                                 url: url, references: references)
    }

    public var definition: FootnoteDefinition {
        switch stored {
        case .whole(let definitions, let index):
            return definitions[index]
        case let .withoutText(label, form, range, labelRange, isDuplicate, referenceCount):
            return .withoutText(label: label, form: form, range: range, labelRange: labelRange, isDuplicate: isDuplicate,
                                referenceCount: referenceCount)
        }
    }

    /// The id as written (read without building `definition`).
    public var id: String {
        switch stored {
        case .whole(let definitions, let index): return definitions[index].label
        case .withoutText(let label, _, _, _, _, _): return label
        }
    }
    /// The id as footnotes match it: case-insensitively.
    public var key: String { IndexedDefinition.key(id) }

    public static func key(_ label: String) -> String { label.lowercasedCheaply() }

    /// Purely numeric labels (`[^1]`) are numbered per note, so they are not compared across notes.
    public static func isNoteLocal(_ label: String) -> Bool { label.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
}
