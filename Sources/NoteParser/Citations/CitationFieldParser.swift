/// Parses the text of a citation definition into `CitationFields`.
enum CitationFieldParser {
    nonisolated(unsafe) private static let prefix = #/^\s*(\d{4})(?:,\s*([A-Z][a-z]{2,8})\.?(?:\s+(\d{1,2}))?)?\.\s+/#
    nonisolated(unsafe) private static let published = #/Published:\s*(N/A|\d{4}(?:-\d{2}){0,2})/#
    nonisolated(unsafe) private static let updated = #/Updated:\s*(N/A|\d{4}(?:-\d{2}){0,2})/#
    nonisolated(unsafe) private static let retrieved = #/^\s*"?(.*?)\.?"?\s*Retrieved from\s+<?(https?://[^\s>]+)>?/#
    nonisolated(unsafe) private static let bareURL = #/https?://[^\s<>()\[\]]+/#

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> CitationFields {
        var fields = CitationFields()
        var rest = text[...]
        if let match = text.firstMatch(of: prefix) {
            let month = match.2.flatMap { name in months.firstIndex(of: String(name.prefix(3)).lowercased()) }.map { $0 + 1 }
            fields.prefixDate = PartialDate(year: Int(match.1)!, month: month, day: month == nil ? nil : match.3.flatMap { Int($0) })
            rest = text[match.range.upperBound...]
        }
        if let (title, url) = firstLink(in: rest) {
            fields.title = title
            fields.url = url
            fields.kind = fields.prefixDate != nil ? .house : .link
        } else if let match = text.firstMatch(of: retrieved) {
            fields.title = String(match.1).trimmingCharacters(in: .whitespaces)
            fields.url = String(match.2)
            fields.kind = .retrieved
        } else if let match = text.firstMatch(of: bareURL) {
            fields.url = String(match.0).trimmingTrailingPunctuation()
            let title = text.replacingCharacters(in: match.range, with: "").trimmingCharacters(in: .whitespacesAndNewlines)
            fields.title = title.isEmpty ? nil : title
            fields.kind = .bareURL
        }
        fields.published = text.firstMatch(of: published).map { citationDate(String($0.1)) }
        fields.updated = text.firstMatch(of: updated).map { citationDate(String($0.1)) }
        return fields
    }

    private static func citationDate(_ text: String) -> CitationDate {
        if text == "N/A" { return .notAvailable }
        return PartialDate(iso: text).map(CitationDate.date) ?? .unreadable(text)
    }

    /// The first `[title](url)` with balanced brackets in the title (`[[PDF] Title](url)`).
    static func firstLink(in text: Substring) -> (title: String, url: String)? {
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "[") {
            var depth = 0
            var cursor = open
            var close: Substring.Index?
            while cursor < text.endIndex {
                if text[cursor] == "[" { depth += 1 } else if text[cursor] == "]" {
                    depth -= 1
                    if depth == 0 { close = cursor; break }
                }
                cursor = text.index(after: cursor)
            }
            guard let close else { return nil }
            let afterClose = text.index(after: close)
            if afterClose < text.endIndex, text[afterClose] == "(",
               let end = closingParenthesis(in: text, from: afterClose) {
                var url = String(text[text.index(after: afterClose)..<end]).trimmingCharacters(in: .whitespaces)
                if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
                if let space = url.firstIndex(of: " ") { url = String(url[..<space]) }
                let title = String(text[text.index(after: open)..<close])
                if !url.isEmpty, !title.hasPrefix("^") { return (title, url) }
            }
            index = text.index(after: open)
        }
        return nil
    }

    /// The `)` closing the `(` at `open`, over balanced pairs inside (`wiki/Llama_(language_model)`).
    private static func closingParenthesis(in text: Substring, from open: Substring.Index) -> Substring.Index? {
        var depth = 0
        for index in text[open...].indices {
            if text[index] == "(" { depth += 1 } else if text[index] == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        // Unbalanced: the first `)` ends the link, as before.
        return text[open...].firstIndex(of: ")")
    }
}

extension String {
    func trimmingTrailingPunctuation() -> String {
        var text = self
        while let last = text.last, ".,;:)]\"'".contains(last) { text.removeLast() }
        return text
    }
}

import Foundation
