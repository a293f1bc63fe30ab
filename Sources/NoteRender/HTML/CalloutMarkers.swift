import NoteParser

/// Turns callouts into marker paragraphs cmark-gfm renders as ordinary text, so their
/// bodies render in place (footnotes numbered with the rest) and are wrapped afterwards.
///
/// `> [!tip]- Title` + body becomes `NOTEKITCALLOUT1OPEN Title`, the unquoted body and
/// `NOTEKITCALLOUT1CLOSE`; nested callouts get higher numbers on later passes. The prefix is
/// lengthened until the page's Markdown does not hold it, so body text cannot forge a marker.
struct CalloutMarkers {
    struct Info {
        let type: String
        let fold: Callout.Fold
    }

    /// `NOTEKITCALLOUT`, with `Q`s added when the Markdown holds it.
    let prefix: String
    private static let maxPasses = 16

    /// Per callout number, its type and fold.
    private(set) var callouts: [Info] = []

    init(unusedIn page: Placeholder) { prefix = page.prefix("NOTEKITCALLOUT") }

    /// Records callouts boxed from the page's tree (`CalloutTree`), numbered after any marked before.
    mutating func record(_ boxed: [Info]) { callouts += boxed }

    /// `markdown` with every callout replaced by marker paragraphs.
    mutating func mark(_ markdown: String) -> String { mark(markdown, passes: Self.maxPasses) }

    /// `markdown` with every callout replaced by marker paragraphs, after the first pass
    /// (`markOuter`) was made on it: the passes left, only when it holds nested callouts.
    mutating func markNested(_ markdown: String, after first: Note) -> String {
        first.callouts.contains { $0.depth > 0 } ? mark(markdown, passes: Self.maxPasses - 1) : markdown
    }

    private mutating func mark(_ markdown: String, passes: Int) -> String {
        var text = markdown
        for _ in 0..<passes {
            guard let note = try? NoteParser().parse(bytes: Array(text.utf8), path: "", scans: .callouts),
                  note.callouts.contains(where: { $0.depth == 0 }) else { break }
            var edits = SourceEdits(source: note.source)
            markOuter(note, into: &edits)
            text = edits.applied()
        }
        return text
    }

    /// Adds to `edits` the marker paragraphs of `note`'s outer callouts (one pass); false when
    /// `edits` refused one (it overlaps an edit made before).
    @discardableResult
    mutating func markOuter(_ note: Note, into edits: inout SourceEdits) -> Bool {
        for callout in note.callouts where callout.depth == 0 {
            callouts.append(Info(type: Slug.make(callout.normalizedType, fallback: "note"), fold: callout.fold))
            let number = callouts.count
            // A callout in a list item keeps the item's indentation on every line, so it stays in the item.
            let indent = String(repeating: " ", count: callout.range.start.column - 1)
            let body = Self.bodyLines(of: callout, in: note.source, indent: indent.utf8.count).map { indent + $0 }
            let open = "\(prefix)\(number)OPEN \(callout.title)", close = "\(prefix)\(number)CLOSE\n"
            // A blank line before the marker ends a paragraph above, unless the list item starts here.
            let startsItem = note.source.bytes[(callout.range.start.offset - indent.utf8.count)..<callout.range.start.offset]
                .contains { $0 != UInt8(ascii: " ") }
            let replacement = (startsItem ? "" : "\n\(indent)") + "\(open)\n\n" + body.joined(separator: "\n")
                + "\n\n\(indent)\(close)"
            guard edits.replace(callout.range.bytes, with: replacement) else { return false }
        }
        return true
    }

    /// The lines after a callout's header with one level of `>` removed (after `indent` columns
    /// of a list item), so that callouts nested in it are callouts on the next pass. A lazy
    /// continuation line, without `>`, stays as written.
    private static func bodyLines(of callout: Callout, in source: SourceText, indent: Int) -> [String] {
        let bytes = source.bytes, end = callout.range.end.offset
        var lines: [String] = []
        var start = callout.range.start.offset
        while start < end, bytes[start] != UInt8(ascii: "\n") { start += 1 }
        start += 1
        while start < end {
            var lineEnd = start
            while lineEnd < end, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var index = start
            while index < lineEnd, index - start < indent, bytes[index] == UInt8(ascii: " ") { index += 1 }
            var marker = index
            while marker < lineEnd, marker - index < 3, bytes[marker] == UInt8(ascii: " ") { marker += 1 }
            if marker < lineEnd, bytes[marker] == UInt8(ascii: ">") {
                index = marker + 1
                if index < lineEnd, bytes[index] == UInt8(ascii: " ") { index += 1 }
            }
            lines.append(source.string(index..<lineEnd))
            start = lineEnd + 1
        }
        return lines
    }
}
