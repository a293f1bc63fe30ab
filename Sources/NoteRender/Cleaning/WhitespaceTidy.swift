import NoteParser

/// Strips trailing spaces and collapses runs of blank lines, leaving code, HTML blocks
/// and the front matter as written.
enum WhitespaceTidy {
    static func tidy(_ markdown: String) -> String {
        // A text the tidy leaves as written wherever its code is needs no parse to find the code.
        if leavesAsWritten(SourceText(markdown)) { return markdown }
        // Only where the body starts and the code ranges are read: no cmark-gfm parse when there
        // can be no code, or when the scan tells the code of every line whose output depends on it.
        guard let found = try? NoteParser().bodyAndCode(bytes: Array(markdown.utf8), path: "", known: { source, bodyStartLine in
            CodeLineScan.ranges(in: source, bodyStartLine: bodyStartLine) { dependsOnCode(source, $0) }
        }) else { return markdown }
        let (source, bodyStartLine, code) = found
        let bytes = source.bytes
        // The lines kept, each ended by a newline: pieces of `markdown` cut at line ends and
        // ASCII whitespace, joined without validating them again.
        let utf8 = markdown.utf8
        func piece(_ range: Range<Int>) -> Substring {
            markdown[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
        var output = ""
        output.reserveCapacity(bytes.count + 1)
        var lineCount = 0
        var blankRun = 0
        for number in 1...source.lineCount {
            let range = source.lineRange(number)
            let isVerbatim = number < bodyStartLine || code.contains(range.lowerBound)
                || (!range.isEmpty && code.contains(range.upperBound - 1))
            if isVerbatim {
                output += piece(range)
                output += "\n"
                lineCount += 1
                blankRun = 0
                continue
            }
            // ASCII whitespace after an ASCII character is cut on bytes; Unicode decides the rest (`trimmedLine`).
            var end = range.upperBound
            while end > range.lowerBound, Byte.isCharacterWhitespace(bytes[end - 1]) { end -= 1 }
            let unicodeTrimmed = end > range.lowerBound && bytes[end - 1] >= 0x80 ? source.trimmedLine(number) : nil
            if unicodeTrimmed?.isEmpty ?? (end == range.lowerBound) {
                blankRun += 1
                // One blank line at most; none at the start of a note without front matter.
                if blankRun == 1, lineCount > 0, lineCount >= bodyStartLine - 1 {
                    output += "\n"
                    lineCount += 1
                }
                continue
            }
            blankRun = 0
            let nextIsText = number < source.lineCount && !bytes[source.lineRange(number + 1)].allSatisfy(Byte.isWhitespace)
            if let unicodeTrimmed { output += unicodeTrimmed } else { output += piece(range.lowerBound..<end) }
            // Two or more trailing spaces before more text are a hard line break: keep two.
            if nextIsText, endsWithTwoSpaces(bytes[range]) { output += "  " }
            output += "\n"
            lineCount += 1
        }
        // Empty lines at the end go (a line is empty when its newline follows another or starts the text).
        var kept = output.utf8.count
        while lineCount >= bodyStartLine, lineCount > 0,
              kept == 1 || output.utf8[output.utf8.index(output.utf8.startIndex, offsetBy: kept - 2)] == Byte.newline {
            kept -= 1
            lineCount -= 1
        }
        guard lineCount > 0 else { return "\n" }
        return kept == output.utf8.count ? output : String(output[..<output.utf8.index(output.utf8.startIndex, offsetBy: kept)])
    }

    /// True when `tidy` returns the text as written whichever of its lines are verbatim (code,
    /// HTML, front matter): it ends with a newline, no line ends in whitespace, and no two lines
    /// in a row are empty, nor the first. Each line is then written as it is, verbatim or not;
    /// an empty line is one blank line after text (kept), and the final newline's empty line is
    /// the one the end trim removes.
    static func leavesAsWritten(_ source: SourceText) -> Bool {
        let bytes = source.bytes
        guard bytes.last == Byte.newline else { return false }
        var previousEmpty = true
        // The last line is the empty one after the final newline.
        for number in 1..<source.lineCount {
            let range = source.lineRange(number)
            guard !range.isEmpty else {
                if previousEmpty { return false }
                previousEmpty = true
                continue
            }
            previousEmpty = false
            let last = bytes[range.upperBound - 1]
            if Byte.isCharacterWhitespace(last) { return false }
            // A non-ASCII last character may be whitespace, or join whitespace before it.
            if last >= 0x80, source.trimmedLine(number).utf8.count != range.count { return false }
        }
        return !previousEmpty
    }

    /// Whether `tidy` may write line `number` (of the body) otherwise when it is code than when
    /// it is not: a line ending in whitespace, and a blank line unless it is empty between two
    /// lines that are not blank (written as one empty line either way, and no blank run goes on
    /// from it), or the empty line after the last newline (in no code range).
    static func dependsOnCode(_ source: SourceText, _ number: Int) -> Bool {
        let (blank, trimmed) = shape(source, number)
        guard blank else { return trimmed }
        let range = source.lineRange(number)
        if range.isEmpty, number == source.lineCount { return false }
        return !range.isEmpty || number == 1 || shape(source, number - 1).blank
            || (number < source.lineCount && shape(source, number + 1).blank)
    }

    /// Whether line `number` is blank and whether it ends in whitespace, as `tidy` trims it
    /// (read from its end: the ASCII whitespace, then Unicode's before a non-ASCII byte).
    private static func shape(_ source: SourceText, _ number: Int) -> (blank: Bool, trimmed: Bool) {
        let range = source.lineRange(number), bytes = source.bytes
        var end = range.upperBound
        while end > range.lowerBound, Byte.isCharacterWhitespace(bytes[end - 1]) { end -= 1 }
        guard end > range.lowerBound, bytes[end - 1] >= 0x80 else { return (end == range.lowerBound, end != range.upperBound) }
        let kept = source.trimmedLine(number).utf8.count
        return (kept == 0, kept != range.count)
    }

    /// `line.hasSuffix("  ")` of the line's text, by bytes unless a non-ASCII character precedes
    /// the two spaces (it may join the first into one `Character`).
    private static func endsWithTwoSpaces(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count >= 2, line[line.endIndex - 1] == Byte.space, line[line.endIndex - 2] == Byte.space else { return false }
        guard line.count > 2, line[line.endIndex - 3] >= 0x80 else { return true }
        return String(decoding: line, as: UTF8.self).hasSuffix("  ")
    }
}
