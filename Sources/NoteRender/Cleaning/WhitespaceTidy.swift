import NoteParser

/// Strips trailing spaces and collapses runs of blank lines, leaving code, HTML blocks
/// and the front matter as written.
enum WhitespaceTidy {
    static func tidy(_ markdown: String) -> String {
        let source = SourceText(markdown)
        guard let note = try? NoteParser().parse(bytes: source.bytes, path: "") else { return markdown }
        var lines: [String] = []
        var blankRun = 0
        for number in 1...source.lineCount {
            let range = source.lineRange(number)
            let line = source.string(range)
            let isVerbatim = number < note.bodyStartLine || note.code.contains(range.lowerBound)
                || (!range.isEmpty && note.code.contains(range.upperBound - 1))
            if isVerbatim {
                lines.append(line)
                blankRun = 0
                continue
            }
            let trimmed = line.trimmingTrailingWhitespace()
            if trimmed.isEmpty {
                blankRun += 1
                // One blank line at most; none at the start of a note without front matter.
                if blankRun == 1, !lines.isEmpty, lines.count >= note.bodyStartLine - 1 { lines.append("") }
                continue
            }
            blankRun = 0
            let nextIsText = number < source.lineCount && !source.lineString(number + 1).isBlank
            // Two or more trailing spaces before more text are a hard line break: keep two.
            lines.append(line.hasSuffix("  ") && nextIsText ? trimmed + "  " : trimmed)
        }
        while lines.count >= note.bodyStartLine, lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
