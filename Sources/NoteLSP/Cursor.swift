import NoteLint
import NoteParser

/// Where a position request points: the open document, its note in the vault, the byte offset,
/// and the note element there.
struct Cursor {
    let document: OpenDocument
    let context: NoteContext
    let offset: Int
    let converter: PositionConverter

    var note: Note { context.note }
    var path: String { context.vaultPath }

    /// The footnote label at the cursor: in a reference `[^id]` or a definition's `[^id]:`.
    var footnoteLabel: (label: String, range: SourceRange)? {
        if let reference = note.footnoteReferences.first(where: { $0.range.contains(offset) || $0.range.end.offset == offset }) {
            return (reference.label, reference.range)
        }
        if let definition = note.footnoteDefinitions.first(where: { $0.labelRange.contains(offset) }) {
            return (definition.label, definition.labelRange)
        }
        return nil
    }

    /// The footnote definition whose text holds the cursor (its URL, title, dates).
    var definitionText: FootnoteDefinition? {
        note.footnoteDefinitions.first { $0.textRange.contains(offset) }
    }

    var wikilink: Wikilink? {
        note.wikilinks.first { $0.range.contains(offset) }
    }

    var heading: Heading? {
        note.headings.first { $0.range.contains(offset) || $0.range.end.offset == offset }
    }

    /// The byte range of a footnote label's text (`id` in `[^id]` or `[^id]:`).
    static func labelText(_ range: SourceRange, label: String) -> Range<Int> {
        let start = range.start.offset + 2
        return start..<start + label.utf8.count
    }
}

extension LanguageServer {
    /// The cursor of a `TextDocumentPositionParams` request; nil for a document that is not open
    /// or not a note of the vault.
    func cursor(_ params: JSON) throws -> Cursor? {
        let request = try decode(params, as: PositionParams.self)
        guard let document = documents[request.textDocument.uri], let path = document.path,
              let context = vault?.notes[path] else { return nil }
        let converter = PositionConverter(document.text, encoding: encoding)
        return Cursor(document: document, context: context, offset: converter.offset(of: request.position), converter: converter)
    }

    /// The location of `range` in the note at vault path `path` (open or not).
    func location(_ path: String, _ range: Range<Int>) -> Location? {
        guard let note = vault?.notes[path]?.note else { return nil }
        return Location(uri: uri(of: path), range: PositionConverter(note.source, encoding: encoding).range(of: range))
    }

    /// The note a wikilink target written in the note at `path` resolves to (the note itself for `[[#heading]]`).
    func target(_ target: String, from path: String) -> NoteContext? {
        guard let vault else { return nil }
        return vault.resolver.resolve(target, from: path).path.flatMap { vault.notes[$0] }
    }

    /// The heading of `note` a wikilink's `#heading` names (compared as Obsidian does, ignoring case).
    func heading(_ text: String, in note: Note) -> Heading? {
        note.headings.first { $0.text.caseInsensitiveCompare(text) == .orderedSame }
    }
}
