import NoteParser

/// `==highlight==` outside code, marked with private-use characters that survive cmark-gfm
/// and become `<mark>` afterwards.
enum Highlights {
    static let open = "\u{E000}", close = "\u{E001}"
    nonisolated(unsafe) private static let pattern = #/==([^=\s](?:[^=\n]*[^=\s])?)==/#

    static func mark(_ markdown: String) -> String {
        guard markdown.contains("=="), let note = try? NoteParser().parse(bytes: Array(markdown.utf8), path: ""),
              note.bodyStartLine <= note.source.lineCount else {
            return markdown
        }
        var edits = SourceEdits(source: note.source)
        for line in note.bodyStartLine...note.source.lineCount {
            let start = note.source.lineStarts[line - 1]
            let text = note.source.lineString(line)
            for match in text.matches(of: pattern) {
                let lower = start + text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
                let upper = start + text.utf8.distance(from: text.startIndex, to: match.range.upperBound)
                guard !note.code.overlaps(lower..<upper) else { continue }
                edits.replace(lower..<upper, with: open + match.1 + close)
            }
        }
        return edits.applied()
    }

    /// Turns the markers cmark-gfm passed through into `<mark>` elements.
    static func render(_ html: String) -> String {
        html.replacingOccurrences(of: open, with: "<mark>").replacingOccurrences(of: close, with: "</mark>")
    }
}
