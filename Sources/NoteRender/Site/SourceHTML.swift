import NoteParser

/// A source's Markdown (`SiteSource.markdown`) in the shapes most sources take, written as the
/// HTML cmark-gfm renders of it followed by a blank line, without parsing it: blocks one blank
/// line apart, each a one-line paragraph or a tight list of one-line `- ` items (not two lists
/// in a row: they would be one loose list); their text plain
/// characters, backslash-escaped punctuation and links `[text](url)` or `[text](<url>)` to
/// `http(s)` URLs. Nil for anything else (emphasis, code, raw HTML, what the autolink extension
/// links, an entity, a control character, a line a block could start...): it goes through cmark-gfm.
enum SourceHTML {
    static func html(_ markdown: String) -> String? {
        var output: [UInt8] = []
        let written = Array(markdown.utf8).withUnsafeBufferPointer { bytes -> Bool in
            output.reserveCapacity(bytes.count + bytes.count / 2 + 64)
            var start = 0, afterList = false
            while true {
                let end = Byte.offset(of: blankLine, in: bytes, from: start) ?? bytes.count
                // A list after a list and a blank line is the same list, loose.
                let isList = end > start && bytes[start] == UInt8(ascii: "-")
                guard end > start, !(isList && afterList), block(bytes[start..<end], into: &output) else { return false }
                afterList = isList
                if end == bytes.count { return true }
                start = end + 2
            }
        }
        return written ? String(decoding: output, as: UTF8.self) : nil
    }

    private static let blankLine = Array("\n\n".utf8)

    /// A paragraph of one line, or a list whose lines all start with `- `.
    private static func block(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, into output: inout [UInt8]) -> Bool {
        guard bytes.first == UInt8(ascii: "-") else {
            guard !bytes.contains(Byte.newline) else { return false }
            output += "<p>".utf8
            guard inline(bytes, into: &output) else { return false }
            output += "</p>\n".utf8
            return true
        }
        output += "<ul>\n".utf8
        for line in bytes.split(separator: Byte.newline, omittingEmptySubsequences: false) {
            guard line.count > 2, line[line.startIndex] == UInt8(ascii: "-"), line[line.startIndex + 1] == Byte.space else { return false }
            output += "<li>".utf8
            guard inline(line.dropFirst(2), into: &output) else { return false }
            output += "</li>\n".utf8
        }
        output += "</ul>\n".utf8
        return true
    }

    /// A line's text: it must start with a letter, a digit not followed by `.` or `)` after its
    /// run (a list's number), `[` or a non-ASCII character, and end with neither a space nor `\`.
    private static func inline(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, into output: inout [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last, last != Byte.space, last != UInt8(ascii: "\\"),
              Byte.isLetter(first) || Byte.isDigit(first) || first == Byte.openBracket || first >= 0x80 else { return false }
        if Byte.isDigit(first), let after = bytes.first(where: { !Byte.isDigit($0) }), after == UInt8(ascii: ".") || after == UInt8(ascii: ")") {
            return false
        }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == Byte.openBracket {
                guard let end = link(bytes, at: index, into: &output) else { return false }
                index = end
            } else {
                guard let end = character(bytes, at: index, inLink: false, into: &output) else { return false }
                index = end
            }
        }
        return true
    }

    /// `[text](url)` or `[text](<url>)` at `start`, written as a link; the index after it.
    private static func link(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, at start: Int, into output: inout [UInt8]) -> Int? {
        var text: [UInt8] = []
        var index = start + 1
        while index < bytes.endIndex, bytes[index] != Byte.closeBracket {
            guard bytes[index] != Byte.openBracket, let end = character(bytes, at: index, inLink: true, into: &text) else { return nil }
            index = end
        }
        // `](`, a text that is not blank at its ends, then the URL.
        guard index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "("), index > start + 1,
              bytes[start + 1] != Byte.space, bytes[index - 1] != Byte.space else { return nil }
        let angled = index + 2 < bytes.endIndex && bytes[index + 2] == UInt8(ascii: "<")
        let urlStart = index + (angled ? 3 : 2)
        var urlEnd = urlStart
        while urlEnd < bytes.endIndex, bytes[urlEnd] != (angled ? UInt8(ascii: ">") : UInt8(ascii: ")")) { urlEnd += 1 }
        let close = urlEnd + (angled ? 1 : 0)
        guard close < bytes.endIndex, bytes[close] == UInt8(ascii: ")") else { return nil }
        let url = bytes[urlStart..<urlEnd]
        guard url.starts(with: "https://".utf8) || url.starts(with: "http://".utf8),
              url.indices.allSatisfy({ isURLByte(url[$0], parenthesis: angled) && !isEntity(url, at: $0) }) else { return nil }
        output += "<a href=\"".utf8
        for byte in url {
            if byte == UInt8(ascii: "&") { output += "&amp;".utf8 } else { output.append(byte) }
        }
        output += "\">".utf8
        output += text
        output += "</a>".utf8
        return close + 1
    }

    /// The character at `index` written as HTML text (a backslash-escaped punctuation mark as
    /// itself); the index after it, or nil when it could be more than itself here.
    private static func character(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, at index: Int, inLink: Bool,
                                  into output: inout [UInt8]) -> Int? {
        var byte = bytes[index], end = index + 1
        switch byte {
        case UInt8(ascii: "\\"):
            guard end < bytes.endIndex, isPunctuation(bytes[end]) else { return nil }
            byte = bytes[end]
            end += 1
        case UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "@"), Byte.closeBracket:
            return nil
        case UInt8(ascii: "!"):
            if end < bytes.endIndex, bytes[end] == Byte.openBracket { return nil }
        case UInt8(ascii: "&"):
            if isEntity(bytes, at: index) { return nil }
        case Byte.colon:
            // What the autolink extension links (`scheme://`, `mailto:`, `xmpp:`); not in a link's text.
            if !inLink, bytes[end...].starts(with: "//".utf8) || endsWord(bytes[..<index], "mailto") || endsWord(bytes[..<index], "xmpp") { return nil }
        case UInt8(ascii: "w"), UInt8(ascii: "W"):
            if !inLink, bytes.endIndex - index >= 4, Byte.equalsLowercased(bytes[index..<index + 4], "www.") { return nil }
        default:
            if byte < 0x20 || byte == 0x7F { return nil }
        }
        switch byte {
        case UInt8(ascii: "&"): output += "&amp;".utf8
        case UInt8(ascii: "<"): output += "&lt;".utf8
        case UInt8(ascii: ">"): output += "&gt;".utf8
        case UInt8(ascii: "\""): output += "&quot;".utf8
        default: output.append(byte)
        }
        return end
    }

    /// True when `bytes` before an index end in `word`, any case.
    private static func endsWord(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ word: StaticString) -> Bool {
        bytes.count >= word.utf8CodeUnitCount && Byte.equalsLowercased(bytes.suffix(word.utf8CodeUnitCount), word)
    }

    /// An `&` starting what could be an entity: letters, digits or `#`, then `;`.
    private static func isEntity(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, at index: Int) -> Bool {
        guard bytes[index] == UInt8(ascii: "&") else { return false }
        var end = index + 1
        while end < bytes.endIndex, Byte.isLetter(bytes[end]) || Byte.isDigit(bytes[end]) || bytes[end] == UInt8(ascii: "#") { end += 1 }
        return end > index + 1 && end < bytes.endIndex && bytes[end] == UInt8(ascii: ";")
    }

    /// ASCII punctuation: what a backslash escapes.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// A byte cmark-gfm writes into an `href` as it is (`&` as `&amp;`): letters, digits and
    /// `-_.+!*(),%#@?=;:/$~&`; parentheses only between `<` and `>`.
    private static func isURLByte(_ byte: UInt8, parenthesis: Bool) -> Bool {
        if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { return parenthesis }
        return Byte.isLetter(byte) || Byte.isDigit(byte) || urlPunctuation.contains(byte)
    }

    private static let urlPunctuation = Set("-_.+!*,%#@?=;:/$~&".utf8)
}
