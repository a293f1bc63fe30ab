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
            fields.title = text[..<retrieved.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " \".“”"))
            fields.url = String(url)
            fields.kind = .retrieved
        } else if let url = firstURL(in: text[...]) {
            fields.url = String(url).trimmingTrailingPunctuation()
            let title = text.replacingCharacters(in: url.startIndex..<url.endIndex, with: "").trimmingCharacters(in: .whitespacesAndNewlines)
            fields.title = title.isEmpty ? nil : title
            fields.kind = .bareURL
        }
        fields.published = labelledDate("Published:", in: text)
        fields.updated = labelledDate("Updated:", in: text)
        return fields
    }

    /// `YYYY.`, `YYYY, Mon.` or `YYYY, Mon DD.` followed by a space.
    private static func prefixDate(_ text: Substring) -> (PartialDate, Substring)? {
        // Most texts start with something else than a digit: `[`, a quote, a word.
        guard let first = text.utf8.first(where: { $0 != Byte.space }), Byte.isDigit(first) else { return nil }
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

    /// The date after a label such as `Published:`: `N/A`, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    private static func labelledDate(_ label: String, in text: String) -> CitationDate? {
        guard let range = text.byteRange(of: label) else { return nil }
        let value = text[range.upperBound...].drop { $0 == " " }
        if value.hasPrefix("N/A") { return .notAvailable }
        let token = value.prefix { $0.isASCIIDigit || $0 == "-" }
        guard token.count >= 4 else { return nil }
        return PartialDate(iso: String(token)).map(CitationDate.date) ?? .unreadable(String(token))
    }

    /// The first `http://` or `https://` URL, up to whitespace or a bracket.
    private static func firstURL(in text: Substring) -> Substring? {
        guard let start = text.byteRange(of: "https://") ?? text.byteRange(of: "http://") else { return nil }
        let url = text[start.lowerBound...].prefix { character in
            // A character is one of the ASCII stops only when it is that one scalar.
            guard let ascii = character.asciiValue else { return !character.isWhitespace }
            switch ascii {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"): return false
            default: return !Byte.isCharacterWhitespace(ascii)
            }
        }
        return url.utf8.count > text.utf8.distance(from: start.lowerBound, to: start.upperBound) ? url : nil
    }

    /// The first `[title](url)` with balanced brackets in the title (`[[PDF] Title](url)`).
    /// Scans UTF-8: the delimiters are ASCII, so their offsets are character boundaries.
    static func firstLink(in text: Substring) -> (title: String, url: String)? {
        let utf8 = text.utf8
        func index(_ offset: Int) -> Substring.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (title: String, url: String)? {
            var from = 0
            while let open = bytes[from...].firstIndex(of: Byte.openBracket) {
                var depth = 0
                var close: Int?
                for cursor in open..<bytes.count {
                    if bytes[cursor] == Byte.openBracket { depth += 1 } else if bytes[cursor] == Byte.closeBracket {
                        depth -= 1
                        if depth == 0 { close = cursor; break }
                    }
                }
                guard let close else { return nil }
                if close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "("), let end = closingParenthesis(in: bytes, from: close + 1) {
                    var url = text[index(close + 2)..<index(end)].trimmed()
                    if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
                    if let space = url.utf8.firstIndex(of: Byte.space) { url = String(url[..<space]) }
                    let title = String(text[index(open + 1)..<index(close)])
                    if !url.isEmpty, !title.hasPrefix("^") { return (title, url) }
                }
                from = open + 1
            }
            return nil
        }
        return utf8.withContiguousStorageIfAvailable(scan) ?? Array(utf8).withUnsafeBufferPointer(scan)
    }

    /// The `)` closing the `(` at `open`, over balanced pairs inside (`wiki/Llama_(language_model)`).
    private static func closingParenthesis(in bytes: UnsafeBufferPointer<UInt8>, from open: Int) -> Int? {
        var depth = 0
        for index in open..<bytes.count {
            if bytes[index] == UInt8(ascii: "(") { depth += 1 } else if bytes[index] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        // Unbalanced: the first `)` ends the link, as before.
        return bytes[open...].firstIndex(of: UInt8(ascii: ")"))
    }
}

extension String {
    func trimmingTrailingPunctuation() -> String {
        var text = self
        while let last = text.utf8.last, ".,;:)]\"'".utf8.contains(last) { text.removeLast() }
        return text
    }
}

import Foundation
