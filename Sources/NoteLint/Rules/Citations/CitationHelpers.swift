import NoteParser

/// Shared pieces of the citation rules.
enum CitationHelpers {
    /// The bytes to delete to remove a definition: its lines with their newline, and one
    /// blank line after it.
    static func deletion(of range: SourceRange, in source: SourceText) -> Range<Int> {
        let line = range.start.line
        var lastLine = source.position(at: range.end.offset).line
        if lastLine < source.lineCount, source.lineString(lastLine + 1).allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            lastLine += 1
        }
        let end = lastLine < source.lineCount ? source.lineStarts[lastLine] : source.bytes.count
        return source.lineStarts[line - 1]..<end
    }

    /// The normalised URL a definition cites, if any.
    static func url(_ definition: FootnoteDefinition) -> String? {
        definition.fields.url.map(URLNormalizer.normalize)
    }

    /// Labels match case-insensitively, as in cmark-gfm.
    static func key(_ label: String) -> String { label.lowercased() }

    /// Purely numeric labels (`[^1]`) are numbered per note, so they are not compared across notes.
    static func isNoteLocal(_ label: String) -> Bool { label.allSatisfy(\.isASCII) && label.allSatisfy(\.isNumber) }

    /// One note's first definition of each label that has a URL: what the vault rules compare.
    struct Source {
        let context: NoteContext
        let definition: FootnoteDefinition
        let url: String

        var location: String { "\(context.vaultPath):\(definition.range.start.line)" }
    }

    static func sources(in vault: VaultContext) -> [Source] {
        vault.notes.sorted { $0.vaultPath < $1.vaultPath }.flatMap { context in
            context.note.footnoteDefinitions.compactMap { definition in
                guard definition.form == .proper, !definition.isDuplicate, let url = url(definition) else { return nil }
                return Source(context: context, definition: definition, url: url)
            }
        }
    }

    /// The byte offset of `needle` within `range` of the note, if present.
    static func offset(of needle: String, in range: SourceRange, of source: SourceText) -> Int? {
        let pattern = Array(needle.utf8)
        let bytes = source.bytes
        guard range.end.offset - range.start.offset >= pattern.count else { return nil }
        for start in range.start.offset...(range.end.offset - pattern.count) where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start
        }
        return nil
    }
}
