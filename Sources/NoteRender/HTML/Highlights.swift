import NoteParser

/// `==highlight==` outside code, marked with private-use characters that survive cmark-gfm
/// and become `<mark>` afterwards. The characters are ones the page's Markdown does not hold,
/// so private-use characters of a note come out as themselves.
struct Highlights {
    let open: String, close: String
    // Regex is not Sendable, yet matching one from several threads is safe: it compiles its program once, stored atomically.
    nonisolated(unsafe) private static let pattern = #/==([^=\s](?:[^=\n]*[^=\s])?)==/#

    /// Markers the page does not hold; nil when it holds every private-use character.
    init?(unusedIn page: Placeholder) {
        guard let markers = page.privateUse(2) else { return nil }
        (open, close) = (markers[0], markers[1])
    }

    func mark(_ markdown: String) -> String {
        guard markdown.contains("=="), let note = try? NoteParser().parse(bytes: Array(markdown.utf8), path: ""),
              note.bodyStartLine <= note.source.lineCount else {
            return markdown
        }
        var edits = SourceEdits(source: note.source)
        for line in note.bodyStartLine...note.source.lineCount {
            let start = note.source.lineStarts[line - 1]
            // The pattern runs only on lines holding its `==`.
            guard note.source.find(Array("==".utf8), in: note.source.lineRange(line)) != nil else { continue }
            let text = note.source.lineString(line)
            for match in text.matches(of: Self.pattern) {
                let lower = start + text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
                let upper = start + text.utf8.distance(from: text.startIndex, to: match.range.upperBound)
                guard !note.code.overlaps(lower..<upper) else { continue }
                edits.replace(lower..<upper, with: open + match.1 + close)
            }
        }
        return edits.applied()
    }

    /// Turns the markers cmark-gfm passed through into `<mark>` elements.
    func render(_ html: String) -> String {
        html.replacingOccurrences(of: open, with: "<mark>").replacingOccurrences(of: close, with: "</mark>")
    }
}
