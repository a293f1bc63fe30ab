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
            if spaced.count < afterDot.count, (1...2).contains(day.count) {
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
            switch character {
            case "<", ">", "(", ")", "[", "]": return false
            default: return !character.isWhitespaceCheaply
            }
        }
        return url.utf8.count > text.utf8.distance(from: start.lowerBound, to: start.upperBound) ? url : nil
    }

    /// The first `[title](url)` with balanced brackets in the title (`[[PDF] Title](url)`).
    /// Scans UTF-8: the delimiters are ASCII, so their indices are character boundaries.
    static func firstLink(in text: Substring) -> (title: String, url: String)? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "[")) {
            var depth = 0
            var cursor = open
            var close: Substring.Index?
            while cursor < bytes.endIndex {
                if bytes[cursor] == UInt8(ascii: "[") { depth += 1 } else if bytes[cursor] == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { close = cursor; break }
                }
                cursor = bytes.index(after: cursor)
            }
            guard let close else { return nil }
            let afterClose = bytes.index(after: close)
            if afterClose < bytes.endIndex, bytes[afterClose] == UInt8(ascii: "("),
               let end = closingParenthesis(in: bytes, from: afterClose) {
                var url = text[bytes.index(after: afterClose)..<end].trimmed()
                if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
                if let space = url.utf8.firstIndex(of: Byte.space) { url = String(url[..<space]) }
                let title = String(text[bytes.index(after: open)..<close])
                if !url.isEmpty, !title.hasPrefix("^") { return (title, url) }
            }
            index = bytes.index(after: open)
        }
        return nil
    }

    /// The `)` closing the `(` at `open`, over balanced pairs inside (`wiki/Llama_(language_model)`).
    private static func closingParenthesis(in bytes: Substring.UTF8View, from open: Substring.Index) -> Substring.Index? {
        var depth = 0
        var index = open
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "(") { depth += 1 } else if bytes[index] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index }
            }
            index = bytes.index(after: index)
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
