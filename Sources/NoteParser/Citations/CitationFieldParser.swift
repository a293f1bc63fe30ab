#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses the text of a citation definition into `CitationFields`, by hand-written scans
/// (this runs for every definition of a vault).
enum CitationFieldParser {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> CitationFields {
        var fields = CitationFields()
        var rest = text[...]
        if let (date, remainder) = prefixDate(text[...]) {
            fields.prefixDate = date
            rest = remainder
        }
        if let (title, url) = firstLink(in: rest) {
            fields.title = title
            fields.url = url
            fields.kind = fields.prefixDate != nil ? .house : .link
        } else if let retrieved = text.byteRange(of: "Retrieved from"), let url = firstURL(in: text[retrieved.upperBound...]) {
            fields.title = trimmingQuotes(text[..<retrieved.lowerBound])
            fields.url = String(url)
            fields.kind = .retrieved
        } else if let url = firstURL(in: text[...]) {
            fields.url = String(url).trimmingTrailingPunctuation()
            let title = (String(text[..<url.startIndex]) + String(text[url.endIndex...])).trimmingWhitespaceAndNewlines()
            fields.title = title.isEmpty ? nil : title
            fields.kind = .bareURL
        }
        let labels = dateLabelEnds(in: text)
        fields.published = labels.published.flatMap { labelledDate(after: $0, in: text) }
        fields.updated = labels.updated.flatMap { labelledDate(after: $0, in: text) }
        return fields
    }

    /// `text` without the spaces, dots and straight or curly double quotes around it: Foundation's
    /// `trimmingCharacters(in:)` with those characters, done on the scalars without bridging.
    static func trimmingQuotes(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "." || scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}"
        }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isTrimmed(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// The UTF-8 offsets after the first `Published:` and the first `Updated:` of `text`, found
    /// in one pass over its colons rather than by a search for each label.
    static func dateLabelEnds(in text: String) -> (published: Int?, updated: Int?) {
        let ends = text.utf8.withContiguousStorageIfAvailable { bytes -> (published: Int?, updated: Int?) in
            func endsWith(_ word: StaticString, at colon: Int) -> Bool {
                let count = word.utf8CodeUnitCount
                return colon >= count && memcmp(bytes.baseAddress! + colon - count, word.utf8Start, count) == 0
            }
            var published: Int?, updated: Int?
            var index = 0
            while published == nil || updated == nil, let colon = Byte.offset(of: Byte.colon, in: bytes, range: index..<bytes.count) {
                if published == nil, endsWith("Published", at: colon) { published = colon + 1 }
                if updated == nil, endsWith("Updated", at: colon) { updated = colon + 1 }
                index = colon + 1
            }
            return (published, updated)
        }
        return ends ?? (text.byteRange(of: "Published:").map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) },
                        text.byteRange(of: "Updated:").map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) })
    }

    /// `YYYY.`, `YYYY, Mon.` or `YYYY, Mon DD.` followed by a space.
    private static func prefixDate(_ text: Substring) -> (PartialDate, Substring)? {
        // Most texts start with something else than a digit: `[`, a quote, a word.
        guard let first = text.utf8.first(where: { $0 != Byte.space }), Byte.isDigit(first) else { return nil }
        if let read = asciiPrefixDate(text) { return read }
        var rest = text.drop { $0 == " " }
        let yearText = rest.prefix(4)
        guard yearText.count == 4, yearText.allSatisfy(\.isASCIIDigit), let year = Int(yearText) else { return nil }
        rest = rest.dropFirst(4)
        var date = PartialDate(year: year)
        if rest.first == "," {
            rest = rest.dropFirst().drop { $0 == " " }
            let name = rest.prefix { $0.asciiValue.map(Byte.isLetter) ?? $0.isLetter }
            guard (3...9).contains(name.count), let month = months.firstIndex(of: name.prefix(3).lowercased()) else { return nil }
            date.month = month + 1
            rest = rest.dropFirst(name.count)
            // `Sep 14.` has a day; in `Jul.` the dot ends the date.
            let afterDot = rest.first == "." ? rest.dropFirst() : rest
            let spaced = afterDot.drop { $0 == " " }
            let day = spaced.prefix { $0.isASCIIDigit }
            // Spaces were dropped (indices compared: counting characters walks the whole rest).
            if spaced.startIndex > afterDot.startIndex, (1...2).contains(day.count) {
                date.day = Int(day)
                rest = spaced.dropFirst(day.count)
            }
        }
        guard rest.first == ".", rest.dropFirst().first?.isWhitespaceCheaply == true else { return nil }
        return (date, rest.dropFirst().drop(while: \.isWhitespaceCheaply))
    }

    /// `prefixDate` read on bytes when every byte it decides on is followed by an ASCII byte or
    /// the end (each then its own character); nil when one is not, for the characters to decide.
    private static func asciiPrefixDate(_ text: Substring) -> (PartialDate, Substring)?? {
        let read = text.utf8.withContiguousStorageIfAvailable { bytes -> (date: PartialDate, rest: Int)?? in
            let count = bytes.count
            func isASCII(_ index: Int) -> Bool { index >= count || bytes[index] < 0x80 }
            func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) } }
            var rest = 0
            while rest < count, bytes[rest] == Byte.space { rest += 1 }
            guard rest + 4 <= count, (rest..<(rest + 4)).allSatisfy({ Byte.isDigit(bytes[$0]) }) else { return .some(nil) }
            guard isASCII(rest + 4) else { return nil }
            var date = PartialDate(year: number(rest..<(rest + 4)))
            rest += 4
            if rest < count, bytes[rest] == UInt8(ascii: ",") {
                guard isASCII(rest + 1) else { return nil }
                var name = rest + 1
                while name < count, bytes[name] == Byte.space { name += 1 }
                var nameEnd = name
                while nameEnd < count, Byte.isLetter(bytes[nameEnd]) { nameEnd += 1 }
                guard isASCII(name), isASCII(nameEnd), isASCII(nameEnd + 1) else { return nil }
                let lowered = String(decoding: bytes[name..<min(name + 3, nameEnd)].map { $0 | 0x20 }, as: UTF8.self)
                guard (3...9).contains(nameEnd - name), let month = months.firstIndex(of: lowered) else { return .some(nil) }
                date.month = month + 1
                rest = nameEnd
                var afterDot = rest
                if rest < count, bytes[rest] == UInt8(ascii: ".") {
                    guard isASCII(rest + 1) else { return nil }
                    afterDot += 1
                }
                var day = afterDot
                while day < count, bytes[day] == Byte.space { day += 1 }
                var dayEnd = day
                while dayEnd < count, Byte.isDigit(bytes[dayEnd]) { dayEnd += 1 }
                guard isASCII(day), isASCII(dayEnd) else { return nil }
                if day > afterDot, (1...2).contains(dayEnd - day) {
                    date.day = number(day..<dayEnd)
                    rest = dayEnd
                }
            }
            guard rest < count, bytes[rest] == UInt8(ascii: ".") else { return .some(nil) }
            guard isASCII(rest + 1), isASCII(rest + 2) else { return nil }
            guard rest + 1 < count, Byte.isCharacterWhitespace(bytes[rest + 1]) else { return .some(nil) }
            var end = rest + 1
            while end < count, Byte.isCharacterWhitespace(bytes[end]) { end += 1 }
            guard isASCII(end) else { return nil }
            return .some((date, end))
        }
        guard let found = read ?? nil else { return nil }
        return .some(found.map { ($0.date, text[text.utf8.index(text.utf8.startIndex, offsetBy: $0.rest)...]) })
    }

    /// The date after a label such as `Published:` that ends at UTF-8 offset `labelEnd`: `N/A`,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    private static func labelledDate(after labelEnd: Int, in text: String) -> CitationDate? {
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: labelEnd)
        if let date = asciiLabelledDate(text.utf8[start...]) { return date }
        let value = text[start...].drop { $0 == " " }
        if value.hasPrefix("N/A") { return .notAvailable }
        let token = value.prefix { $0.isASCIIDigit || $0 == "-" }
        guard token.count >= 4 else { return nil }
        return PartialDate(iso: String(token)).map(CitationDate.date) ?? .unreadable(String(token))
    }

    /// `labelledDate` read on the bytes after the label, when the bytes that end the value are
    /// ASCII (each its own character); nil when a non-ASCII byte follows the spaces, `N/A` or the
    /// digits (a combining mark would join the character before it), for the characters to decide.
    private static func asciiLabelledDate(_ value: Substring.UTF8View) -> CitationDate?? {
        let read = value.withContiguousStorageIfAvailable { bytes -> CitationDate?? in
            var start = 0
            while start < bytes.count, bytes[start] == Byte.space { start += 1 }
            let isASCIIAt = { (index: Int) in index >= bytes.count || bytes[index] < 0x80 }
            guard isASCIIAt(start) else { return nil }
            if bytes.count - start >= 3, bytes[start] == UInt8(ascii: "N"), bytes[start + 1] == UInt8(ascii: "/"),
               bytes[start + 2] == UInt8(ascii: "A") {
                return isASCIIAt(start + 3) ? .some(.notAvailable) : nil
            }
            var end = start
            while end < bytes.count, Byte.isDigit(bytes[end]) || bytes[end] == UInt8(ascii: "-") { end += 1 }
            guard end > start else { return .some(nil) }
            guard isASCIIAt(end) else { return nil }
            guard end - start >= 4 else { return .some(nil) }
            let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
            return .some(PartialDate(isoDigits: token).map(CitationDate.date) ?? .unreadable(String(decoding: token, as: UTF8.self)))
        }
        return read ?? nil
    }

    /// The first `http://` or `https://` URL, up to whitespace or a bracket.
    private static func firstURL(in text: Substring) -> Substring? {
        guard let start = text.byteRange(of: "https://") ?? text.byteRange(of: "http://") else { return nil }
        let scheme = text.utf8.distance(from: start.lowerBound, to: start.upperBound)
        if let length = asciiURLLength(text.utf8[start.lowerBound...]) {
            return length > scheme ? text[start.lowerBound..<text.utf8.index(start.lowerBound, offsetBy: length)] : nil
        }
        let url = text[start.lowerBound...].prefix { character in
            // A character is one of the ASCII stops only when it is that one scalar.
            guard let ascii = character.asciiValue else { return !character.isWhitespace }
            switch ascii {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"): return false
            default: return !Byte.isCharacterWhitespace(ascii)
            }
        }
        return url.utf8.count > scheme ? url : nil
    }

    /// The length in bytes of `firstURL`'s URL at the start of `bytes` when it ends at the
    /// bytes' end or at an ASCII stop followed by an ASCII byte (each then its own character);
    /// nil when a non-ASCII byte comes first, for the characters to decide.
    private static func asciiURLLength(_ bytes: Substring.UTF8View) -> Int? {
        let length = bytes.withContiguousStorageIfAvailable { bytes -> Int? in
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 { return nil }
                switch byte {
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"): break
                default: if !Byte.isCharacterWhitespace(byte) { continue }
                }
                return index + 1 == bytes.count || bytes[index + 1] < 0x80 ? index : nil
            }
            return bytes.count
        }
        return length ?? nil
    }

    /// The first `[title](url)` with balanced brackets in the title (`[[PDF] Title](url)`).
    /// Scans UTF-8: the delimiters are ASCII, so their offsets are character boundaries.
    static func firstLink(in text: Substring) -> (title: String, url: String)? {
        let utf8 = text.utf8
        func index(_ offset: Int) -> Substring.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (title: String, url: String)? {
            var from = 0
            while let open = bytes[from...].firstIndex(of: Byte.openBracket) {
                guard let close = closing(Byte.closeBracket, of: Byte.openBracket, at: open, in: bytes) else { return nil }
                if close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "("), let end = closingParenthesis(in: bytes, from: close + 1) {
                    let url = asciiDestination(bytes, (close + 2)..<end) ?? destination(text[index(close + 2)..<index(end)])
                    // The title's bytes as they are: `[` and `]` are ASCII, each a scalar of its own.
                    let title = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self)
                    // `^` alone opens the title when an ASCII byte or `]` follows it (a combining mark would join it).
                    let isFootnote = bytes[open + 1] == Byte.caret && (open + 2 == close || bytes[open + 2] < 0x80 || title.hasPrefix("^"))
                    if !url.isEmpty, !isFootnote { return (title, url) }
                }
                from = open + 1
            }
            return nil
        }
        return utf8.withContiguousStorageIfAvailable(scan) ?? Array(utf8).withUnsafeBufferPointer(scan)
    }

    /// A link's destination as written between its parentheses: trimmed, without `<>`, up to a space.
    static func destination(_ written: Substring) -> String {
        var url = written.trimmed()
        if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
        // The space found in the string's bytes, not through its view's iterator.
        let bytes = url.utf8
        let space = bytes.withContiguousStorageIfAvailable { $0.firstIndex(of: Byte.space) }
            ?? bytes.firstIndex(of: Byte.space).map { bytes.distance(from: bytes.startIndex, to: $0) }
        if let space { url = String(url[..<bytes.index(bytes.startIndex, offsetBy: space)]) }
        return url
    }

    /// `destination` of `bytes[range]` made as one string from the bytes, when the bytes it decides
    /// on are ASCII with ASCII beside them (each then its own character); nil when one is not.
    static func asciiDestination(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard let trimmed = Byte.trimmedASCIIEnds(range, in: bytes) else { return nil }
        var (start, end) = (trimmed.lowerBound, trimmed.upperBound)
        guard start < end else { return "" }
        if end - start >= 2, bytes[start] == UInt8(ascii: "<"), bytes[end - 1] == UInt8(ascii: ">") {
            guard bytes[start + 1] < 0x80, bytes[end - 2] < 0x80 else { return nil }
            start += 1
            end -= 1
        }
        let cut = Byte.offset(of: Byte.space, in: bytes, range: start..<end) ?? end
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cut]), as: UTF8.self)
    }

    /// The `closer` balancing the `opener` at `open`: the first `closer` after it when no other
    /// `opener` comes first (both found by `memchr`, the common case), else by counting depth.
    private static func closing(_ closer: UInt8, of opener: UInt8, at open: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = Byte.offset(of: closer, in: bytes, range: (open + 1)..<bytes.count) else { return nil }
        guard Byte.offset(of: opener, in: bytes, range: (open + 1)..<first) != nil else { return first }
        var depth = 0
        for index in open..<bytes.count {
            if bytes[index] == opener { depth += 1 } else if bytes[index] == closer {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// The `)` closing the `(` at `open`, over balanced pairs inside (`wiki/Llama_(language_model)`).
    private static func closingParenthesis(in bytes: UnsafeBufferPointer<UInt8>, from open: Int) -> Int? {
        // Unbalanced: the first `)` ends the link, as before.
        closing(UInt8(ascii: ")"), of: UInt8(ascii: "("), at: open, in: bytes)
            ?? Byte.offset(of: UInt8(ascii: ")"), in: bytes, range: open..<bytes.count)
    }
}

extension String {
    func trimmingTrailingPunctuation() -> String {
        var text = self
        while let last = text.utf8.last, ".,;:)]\"'".utf8.contains(last) { text.removeLast() }
        return text
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, done on bytes while the ends are ASCII
    /// (the set's ASCII members are tab, LF, VT, FF, CR and space); Foundation's when an end is not.
    func trimmingWhitespaceAndNewlines() -> String {
        let trimmed = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var start = 0, end = bytes.count
            while start < end, Byte.isCharacterWhitespace(bytes[start]) { start += 1 }
            while end > start, Byte.isCharacterWhitespace(bytes[end - 1]) { end -= 1 }
            guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return (trimmed ?? nil) ?? trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import Foundation
