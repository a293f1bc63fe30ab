import NoteParser

/// A source's Markdown (`SiteSource.markdown`) in the shapes most sources take, written as the
/// HTML cmark-gfm renders of it followed by a blank line, without parsing it: blocks one blank
/// line apart, each a one-line paragraph or a tight list of one-line `- ` items (not two lists
/// in a row: they would be one loose list); their text plain characters, backslash-escaped
/// punctuation and links `[text](url)` or `[text](<url>)` to `http(s)` URLs. Nil for anything
/// else (emphasis, code, raw HTML, what the autolink extension links, an entity, a control
/// character, a line a block could start...): that goes through cmark-gfm.
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
                guard end > start, !(isList && afterList), block(bytes, start, end, into: &output) else { return false }
                if end == bytes.count { return true }
                afterList = isList
                start = end + 2
            }
        }
        return written ? String(decoding: output, as: UTF8.self) : nil
    }

    private static let blankLine = Array("\n\n".utf8)
    private static var newline: UInt8 { UInt8(ascii: "\n") }
    private static var space: UInt8 { UInt8(ascii: " ") }

    /// A paragraph of one line, or a list whose lines all start with `- `.
    private static func block(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into output: inout [UInt8]) -> Bool {
        guard bytes[start] == UInt8(ascii: "-") else {
            append("<p>", to: &output)
            guard line(bytes, start, end, into: &output) else { return false }
            append("</p>\n", to: &output)
            return true
        }
        append("<ul>\n", to: &output)
        var lineStart = start
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, bytes[lineEnd] != newline { lineEnd += 1 }
            guard lineEnd - lineStart > 2, bytes[lineStart] == UInt8(ascii: "-"), bytes[lineStart + 1] == space else { return false }
            append("<li>", to: &output)
            guard line(bytes, lineStart + 2, lineEnd, into: &output) else { return false }
            append("</li>\n", to: &output)
            lineStart = lineEnd + 1
        }
        append("</ul>\n", to: &output)
        return true
    }

    /// A line's text: it must start with a letter, a digit not followed by `.` or `)` after its
    /// run (a list's number), `[` or a non-ASCII character, and end with neither a space nor `\`.
    private static func line(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into output: inout [UInt8]) -> Bool {
        let first = bytes[start], last = bytes[end - 1]
        guard last != space, last != UInt8(ascii: "\\"),
              Byte.isLetter(first) || Byte.isDigit(first) || first == UInt8(ascii: "[") || first >= 0x80 else { return false }
        var index = start
        while index < end, Byte.isDigit(bytes[index]) { index += 1 }
        if index > start, index < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") { return false }
        index = start
        while true {
            guard let stop = text(bytes, index, end, inLink: false, into: &output) else { return false }
            if stop == end { return true }
            guard let after = link(bytes, stop, end, into: &output) else { return false }
            index = after
        }
    }

    /// `[text](url)` or `[text](<url>)` at `start`, written as a link; the index after it.
    private static func link(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into output: inout [UInt8]) -> Int? {
        var text: [UInt8] = []
        text.reserveCapacity(end - start)
        // `](` after a text that is not blank at its ends, then the URL.
        guard let close = Self.text(bytes, start + 1, end, inLink: true, into: &text), close + 1 < end,
              bytes[close + 1] == UInt8(ascii: "("), close > start + 1, bytes[start + 1] != space, bytes[close - 1] != space else { return nil }
        let angled = close + 2 < end && bytes[close + 2] == UInt8(ascii: "<")
        let urlStart = close + (angled ? 3 : 2), terminator = angled ? UInt8(ascii: ">") : UInt8(ascii: ")")
        var urlEnd = urlStart
        let urlBits = Self.urlBits
        while urlEnd < end, bytes[urlEnd] != terminator {
            let byte = bytes[urlEnd]
            guard isIn(byte, urlBits) || (angled && (byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")"))),
                  byte != UInt8(ascii: "&") || !isEntity(bytes, urlEnd, end) else { return nil }
            urlEnd += 1
        }
        let after = urlEnd + (angled ? 1 : 0)
        let url = UnsafeBufferPointer(rebasing: bytes[urlStart..<urlEnd])
        guard after < end, bytes[after] == UInt8(ascii: ")"), url.starts(with: "https://".utf8) || url.starts(with: "http://".utf8) else { return nil }
        append("<a href=\"", to: &output)
        var run = urlStart
        for index in urlStart..<urlEnd where bytes[index] == UInt8(ascii: "&") {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            append("&amp;", to: &output)
            run = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<urlEnd]))
        append("\">", to: &output)
        output += text
        append("</a>", to: &output)
        return after + 1
    }

    /// Writes the text from `start` as HTML (a backslash-escaped punctuation mark as itself, runs
    /// of plain bytes at once) up to `end`, a `[` outside a link's text or a `]` in one; the index
    /// it stopped at, or nil when a character could be more than itself there.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, inLink: Bool, into output: inout [UInt8]) -> Int? {
        var index = start, run = start
        let marked = markedBits
        while index < end {
            let byte = bytes[index]
            guard isIn(byte, marked) else {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            switch byte {
            case UInt8(ascii: "["):
                return inLink ? nil : index
            case UInt8(ascii: "]"):
                return inLink ? index : nil
            case UInt8(ascii: "\\"):
                guard index + 1 < end, isPunctuation(bytes[index + 1]) else { return nil }
                HTMLText.append(byte: bytes[index + 1], to: &output)
                index += 2
                run = index
                continue
            case UInt8(ascii: "!"):
                if index + 1 < end, bytes[index + 1] == UInt8(ascii: "[") { return nil }
            case UInt8(ascii: "&"):
                if isEntity(bytes, index, end) { return nil }
            case UInt8(ascii: ":"):
                // What the autolink extension links (`scheme://`, `mailto:`, `xmpp:`, `www.`): not in a link's text.
                if !inLink, UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]).starts(with: "//".utf8)
                    || ends(bytes, at: index, with: "mailto") || ends(bytes, at: index, with: "xmpp") { return nil }
            case UInt8(ascii: "."):
                if !inLink, ends(bytes, at: index, with: "www") { return nil }
            case UInt8(ascii: ">"), UInt8(ascii: "\""):
                break
            default:
                // Code, emphasis, strikethrough, raw HTML, an e-mail address, a control character.
                return nil
            }
            HTMLText.append(byte: byte, to: &output)
            index += 1
            run = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<end]))
        return end
    }

    /// Whether `byte` is one of the ASCII bytes set in `bits` (made by `bits(_:controls:)`).
    private static func isIn(_ byte: UInt8, _ bits: (low: UInt64, high: UInt64)) -> Bool {
        byte < 64 ? bits.low >> byte & 1 == 1 : byte < 128 && bits.high >> (byte - 64) & 1 == 1
    }

    /// The bytes `text` must look at: ASCII punctuation with a meaning, and control characters.
    private static let markedBits = bits("[]\\!&:.>\"`*_~<@\u{7F}", controls: true)

    private static func append(_ text: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// True when the bytes before `index` end in `word`, any case.
    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        return index >= count && Byte.equalsLowercased(bytes[(index - count)..<index], word)
    }

    /// An `&` starting what could be an entity: letters, digits or `#`, then `;`.
    private static func isEntity(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
        guard bytes[index] == UInt8(ascii: "&") else { return false }
        var after = index + 1
        while after < end, Byte.isLetter(bytes[after]) || Byte.isDigit(bytes[after]) || bytes[after] == UInt8(ascii: "#") { after += 1 }
        return after > index + 1 && after < end && bytes[after] == UInt8(ascii: ";")
    }

    /// ASCII punctuation: what a backslash escapes.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// The bytes cmark-gfm writes into an `href` as they are (`&` as `&amp;`): letters, digits and
    /// `-_.+!*,%#@?=;:/$~&` (parentheses only between `<` and `>`, checked by the caller).
    private static let urlBits = bits("-_.+!*,%#@?=;:/$~&0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", controls: false)

    /// The ASCII bytes of `characters` (and the control characters) as bits: 0–63 in the first word, 64–127 in the second.
    private static func bits(_ characters: String, controls: Bool) -> (low: UInt64, high: UInt64) {
        let start: (low: UInt64, high: UInt64) = (controls ? 0xFFFF_FFFF : 0, 0)
        return characters.utf8.reduce(start) { bits, byte in
            byte < 64 ? (bits.low | 1 << byte, bits.high) : (bits.low, bits.high | 1 << (byte - 64))
        }
    }
}
