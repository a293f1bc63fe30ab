import NoteParser

/// The code lines of a Markdown body told without a parse, where that is certain: the lines of
/// top-level fenced code blocks opened at column 0 are code, and those of top-level HTML blocks
/// of kinds 1–5 (`<script`, `<!--`, `<?`, `<!X`, `<![CDATA[`) opened at column 0 but the line
/// that ends the block and an empty line before it (cmark-gfm ends such a block's range at the
/// end of the line before the one that closes it); so are the lines after the opening of a
/// fence indented 1–3 spaces (top-level or in a list item) while they keep its indentation; lines
/// outside anything that could hold code are not. Everything else (code or HTML in containers,
/// indented code, other HTML blocks, code spans) is "maybe", and a line the caller needs told
/// that is maybe sends it to the parse.
///
/// A column-0 line (not `>`) outside a top-level block ends every block nested in containers:
/// it continues no list item, quote or footnote definition, and is lazy only after a paragraph,
/// where no code block is open. So "maybe" lasts until such a line, and that line is maybe too
/// unless it opens a block of code (cmark-gfm ends a fenced block closed with its container on
/// the line that closes it).
enum CodeLineScan {
    /// The code of the lines from `bodyStartLine` on as whole-line ranges, equal to the parse's
    /// code on each line where `needed` is true (the first and the last byte of the line in code
    /// or not, as `CodeRanges` of the parse tells); nil when one of them may be code or not.
    /// Texts with a tab or a carriage return in the body (cmark-gfm's columns and line ends), and
    /// texts starting with a byte-order mark, are left to the parse.
    static func ranges(in source: SourceText, bodyStartLine: Int, needed: (Int) -> Bool) -> CodeRanges? {
        let bytes = source.bytes
        guard bodyStartLine <= source.lineCount else { return CodeRanges(ranges: []) }
        let bodyStart = source.lineStarts[bodyStartLine - 1]
        if bodyStartLine == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
        guard source.find([Byte.tab], in: bodyStart..<bytes.count) == nil,
              source.find([Byte.carriageReturn], in: bodyStart..<bytes.count) == nil else { return nil }
        // Backticks (the next from each line on, one search per line at most), and text after
        // four spaces, found by byte search over the body.
        let indentedText = textAfterFourSpaces(in: bytes, from: bodyStart)
        var nextBacktick = -1, nextIndented = 0
        var scan = Scan()
        var code: [Range<Int>] = []
        for number in bodyStartLine...source.lineCount {
            let range = source.lineRange(number)
            if nextBacktick < range.lowerBound {
                nextBacktick = source.find([UInt8(ascii: "`")], in: range.lowerBound..<bytes.count) ?? bytes.count
            }
            while nextIndented < indentedText.count, indentedText[nextIndented] < range.lowerBound { nextIndented += 1 }
            let backtick = nextBacktick < range.upperBound
            let indented = nextIndented < indentedText.count && indentedText[nextIndented] < range.upperBound
            guard let verdict = scan.next(bytes[range], backtick: backtick, indentedText: indented) else { return nil }
            if verdict == .code {
                code.append(range.lowerBound..<min(range.upperBound + 1, bytes.count))
            } else if verdict == .endsHTML, number > bodyStartLine, source.lineRange(number - 1).isEmpty,
                      code.last?.lowerBound == source.lineStarts[number - 2] {
                code.removeLast()
            } else if verdict == .maybe, needed(number) {
                return nil
            } else if verdict == .text, needed(number), range.contains(where: { $0 != Byte.space }) {
                // Not in a block; a code span may still hold its ends when its paragraph has a backtick.
                scan.runNeedsNoSpan = true
            }
            if scan.runNeedsNoSpan, scan.runHasBacktick { return nil }
        }
        // A block still open at the end: where cmark-gfm ends it is left to the parse.
        guard case .none = scan.open else { return nil }
        return CodeRanges(ranges: code)
    }

    /// The offsets from `start` of the bytes that follow four or more spaces on their line
    /// (not a newline, not the end). Every run of four holds one of every fourth byte, so only
    /// those are read first (`Byte.offset(of:in:)` would stop at every space).
    static func textAfterFourSpaces(in bytes: [UInt8], from start: Int) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var found: [Int] = []
            var probe = start
            while probe < buffer.count {
                guard buffer[probe] == Byte.space else {
                    probe += 4
                    continue
                }
                var low = probe, high = probe + 1
                while low > start, buffer[low - 1] == Byte.space { low -= 1 }
                while high < buffer.count, buffer[high] == Byte.space { high += 1 }
                if high - low >= 4, high < buffer.count, buffer[high] != Byte.newline { found.append(high) }
                // The next probe in step, past the run (a later run starts after it).
                probe += max(4, (high - probe + 3) / 4 * 4)
            }
            return found
        }
    }

    enum Verdict {
        case code
        /// Not code: the line ending a top-level HTML block (and an empty line before it).
        case endsHTML
        /// Not in a block; a code span may hold its ends.
        case text
        case maybe
    }

    /// The state between lines.
    private struct Scan {
        enum Open {
            case none
            /// A fenced code block: `indent` 0 is top-level; 1–3 may be in a list item.
            case fence(marker: UInt8, length: Int, indent: Int)
            /// An HTML block of kind 1–5, ended by a line holding `end`.
            case html(end: [UInt8], indent: Int)
            /// An HTML block of kind 6 or 7 (or a paragraph), ended by a blank line.
            case htmlUntilBlank(indent: Int)
        }
        var open = Open.none
        /// A block nested in a container, or indented code, may be open.
        var nested = false
        /// The current run of non-blank lines has a backtick outside certain code, and a line
        /// that is not code only if no code span holds its ends.
        var runHasBacktick = false, runNeedsNoSpan = false

        /// The verdict on the next line (without its newline), which holds a backtick or text
        /// after four spaces as told; nil when the scan cannot go on.
        mutating func next(_ line: ArraySlice<UInt8>, backtick: Bool, indentedText: Bool) -> Verdict? {
            let indent = line.prefix { $0 == Byte.space }.count
            let blank = indent == line.count
            if blank { runHasBacktick = false; runNeedsNoSpan = false }
            switch open {
            case .fence(let marker, let length, let fenceIndent):
                if !blank, indent < fenceIndent { return nil }
                if Self.closes(line, indent: indent, marker: marker, length: length) {
                    open = .none
                    if fenceIndent > 0 { nested = true }
                }
                return .code
            case .html(let end, let htmlIndent):
                if !blank, indent < htmlIndent { return nil }
                // Kind 1 ends at `</textarea>` too in later CommonMark versions.
                if end.isEmpty, Self.containsCaseless(line, Self.textareaEnd) { return nil }
                guard Self.containsCaseless(line, end) else { return htmlIndent == 0 ? .code : .maybe }
                open = .none
                if htmlIndent > 0 { nested = true }
                return htmlIndent == 0 ? .endsHTML : .maybe
            case .htmlUntilBlank(let htmlIndent):
                if blank {
                    open = .none
                    nested = true
                    return .maybe
                }
                if !blank, indent < htmlIndent { return nil }
                // A fence or another HTML block here is one only if the block is a paragraph.
                if indent <= 3, indent < line.count, Self.opensBlock(line.dropFirst(indent)) { return nil }
                if backtick { runHasBacktick = true }
                return .maybe
            case .none:
                break
            }
            if blank { return nested ? .maybe : .text }
            // A line that ends nested blocks may lie in the range of a fence among them.
            let endsNested = nested && indent == 0 && line[line.startIndex] != UInt8(ascii: ">")
            if endsNested { nested = false }
            let content = line.drop(while: CodeRanges.isPrefixByte)
            let onlySpacesBefore = line.count - content.count == indent
            if let fence = Self.fenceOpening(content) {
                if onlySpacesBefore, indent <= 3 {
                    open = .fence(marker: fence.marker, length: fence.length, indent: indent)
                    if indent == 0 { return .code }
                    runHasBacktick = true
                    return .maybe
                }
                nested = true
            }
            if content.first == UInt8(ascii: "<") {
                if onlySpacesBefore, indent <= 3 {
                    switch Self.htmlKind(content) {
                    case .ends(let end):
                        if end.isEmpty, Self.containsCaseless(content, Self.textareaEnd) { return nil }
                        if indent > 0 { nested = true }
                        // Ended on its first line, the block's range ends before it starts.
                        guard !Self.containsCaseless(content, end) else { return indent == 0 && !endsNested ? .endsHTML : .maybe }
                        open = .html(end: end, indent: indent)
                        return indent == 0 ? .code : .maybe
                    case .untilBlank:
                        open = .htmlUntilBlank(indent: indent)
                        if backtick { runHasBacktick = true }
                        return .maybe
                    case .unknown:
                        return nil
                    }
                }
                nested = true
            }
            // A footnote definition may open a block after its label.
            if content.first == Byte.openBracket, content.dropFirst().first == Byte.caret,
               content.contains(UInt8(ascii: "<")) || Self.find(content, [0x60, 0x60, 0x60]) || Self.find(content, [0x7E, 0x7E, 0x7E]) {
                nested = true
            }
            // Four spaces before more text may indent code (in a list item, a quote, a definition).
            if indentedText { nested = true }
            if backtick { runHasBacktick = true }
            return nested || endsNested ? .maybe : .text
        }

        /// The marker and length of a fence opening at the start of `content`: three or more
        /// backticks (followed by no backtick) or tildes.
        static func fenceOpening(_ content: ArraySlice<UInt8>) -> (marker: UInt8, length: Int)? {
            guard let marker = content.first, marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
            let length = content.prefix { $0 == marker }.count
            guard length >= 3 else { return nil }
            if marker == UInt8(ascii: "`"), content.dropFirst(length).contains(marker) { return nil }
            return (marker, length)
        }

        /// True when `line` closes a fence of `marker` at least `length` long: up to three
        /// spaces, the markers, then only spaces.
        static func closes(_ line: ArraySlice<UInt8>, indent: Int, marker: UInt8, length: Int) -> Bool {
            guard indent <= 3 else { return false }
            let rest = line.dropFirst(indent)
            let run = rest.prefix { $0 == marker }.count
            return run >= length && rest.dropFirst(run).allSatisfy { $0 == Byte.space }
        }

        enum HTMLKind {
            /// Kinds 1–5, ended by a line holding the bytes.
            case ends([UInt8])
            case untilBlank
            /// Kinds whose reading differs between CommonMark versions (`<textarea`, `<!x`).
            case unknown
        }

        static func htmlKind(_ content: ArraySlice<UInt8>) -> HTMLKind {
            let after = content.dropFirst()
            if after.starts(with: Array("!--".utf8)) { return .ends(Array("-->".utf8)) }
            if after.starts(with: Array("![CDATA[".utf8)) { return .ends(Array("]]>".utf8)) }
            if after.first == UInt8(ascii: "?") { return .ends(Array("?>".utf8)) }
            if after.first == UInt8(ascii: "!"), let letter = after.dropFirst().first, Byte.isLetter(letter) {
                return letter <= UInt8(ascii: "Z") ? .ends([UInt8(ascii: ">")]) : .unknown
            }
            for name in ["script", "pre", "style", "textarea"] where startsCaseless(after, Array(name.utf8)) {
                let next = after.dropFirst(name.utf8.count).first
                guard next == nil || next == Byte.space || next == UInt8(ascii: ">") else { continue }
                return name == "textarea" ? .unknown : .ends([])
            }
            return .untilBlank
        }

        static let scriptEnds = ["</script>", "</pre>", "</style>"].map { Array($0.utf8) }
        static let textareaEnd = Array("</textarea".utf8)

        /// A fence or an HTML block of kind 1–5 (or one whose kind is unknown) opening at the start of `content`.
        static func opensBlock(_ content: ArraySlice<UInt8>) -> Bool {
            if fenceOpening(content) != nil { return true }
            guard content.first == UInt8(ascii: "<") else { return false }
            if case .untilBlank = htmlKind(content) { return false }
            return true
        }

        /// `needle` in `line`, ASCII letters in any case; an empty needle is kind 1's end tags.
        static func containsCaseless(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
            guard !needle.isEmpty else { return scriptEnds.contains { containsCaseless(line, $0) } }
            var start = line.startIndex
            while start + needle.count <= line.endIndex {
                if startsCaseless(line[start...], needle) { return true }
                start += 1
            }
            return false
        }

        static func startsCaseless(_ bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
            bytes.count >= needle.count && zip(bytes, needle).allSatisfy { Byte.lowercased($0) == $1 }
        }

        static func find(_ bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
            var start = bytes.startIndex
            while start + needle.count <= bytes.endIndex {
                if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
                start += 1
            }
            return false
        }
    }
}
