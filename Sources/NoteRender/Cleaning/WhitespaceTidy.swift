import NoteParser

/// Strips trailing spaces and collapses runs of blank lines, leaving code, HTML blocks
/// and the front matter as written.
enum WhitespaceTidy {
    static func tidy(_ markdown: String) -> String {
        // Only where the body starts and the code ranges are read (no cmark-gfm parse when there can be no code).
        guard let found = try? NoteParser().bodyAndCode(bytes: Array(markdown.utf8), path: "") else { return markdown }
        let (source, bodyStartLine, code) = found
        let bytes = source.bytes
        // The lines kept, each ended by a newline.
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 1)
        var lineCount = 0
        var blankRun = 0
        for number in 1...source.lineCount {
            let range = source.lineRange(number)
            let isVerbatim = number < bodyStartLine || code.contains(range.lowerBound)
                || (!range.isEmpty && code.contains(range.upperBound - 1))
            if isVerbatim {
                output += bytes[range]
                output.append(Byte.newline)
                lineCount += 1
                blankRun = 0
                continue
            }
            let trimmed = source.trimmedLine(number)
            if trimmed.isEmpty {
                blankRun += 1
                // One blank line at most; none at the start of a note without front matter.
                if blankRun == 1, lineCount > 0, lineCount >= bodyStartLine - 1 {
                    output.append(Byte.newline)
                    lineCount += 1
                }
                continue
            }
            blankRun = 0
            let nextIsText = number < source.lineCount && !bytes[source.lineRange(number + 1)].allSatisfy(Byte.isWhitespace)
            output += trimmed.utf8
            // Two or more trailing spaces before more text are a hard line break: keep two.
            if nextIsText, endsWithTwoSpaces(bytes[range]) { output += [Byte.space, Byte.space] }
            output.append(Byte.newline)
            lineCount += 1
        }
        // Empty lines at the end go (a line is empty when its newline follows another or starts the text).
        while lineCount >= bodyStartLine, lineCount > 0, output.count == 1 || output[output.count - 2] == Byte.newline {
            output.removeLast()
            lineCount -= 1
        }
        return lineCount == 0 ? "\n" : String(decoding: output, as: UTF8.self)
    }

    /// `line.hasSuffix("  ")` of the line's text, by bytes unless a non-ASCII character precedes
    /// the two spaces (it may join the first into one `Character`).
    private static func endsWithTwoSpaces(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count >= 2, line[line.endIndex - 1] == Byte.space, line[line.endIndex - 2] == Byte.space else { return false }
        guard line.count > 2, line[line.endIndex - 3] >= 0x80 else { return true }
        return String(decoding: line, as: UTF8.self).hasSuffix("  ")
    }
}
