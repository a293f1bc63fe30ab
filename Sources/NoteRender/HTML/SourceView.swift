import NoteMustache
import NoteParser

/// The template context of one source: its fields, its whole text as HTML, and links back to
/// each citation of it. `structured` says whether the fields hold all of the text (a house-style
/// definition or a URL alone); templates show the fields then, else the whole text.
enum SourceView {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// - Parameters:
    ///   - backReferences: the ids of the rendered citation markers of this source.
    ///   - unsafe: let raw HTML of the text through, as in the body.
    static func context(_ source: Source, backReferences: [String], unsafe: Bool) -> TemplateObject {
        let fields = source.fields
        let url = fields.url.flatMap { URLSafety.isSafe($0) ? $0 : nil }
        // Absent values are `false`, not missing: Mustache would look a missing key up in the page.
        return [
            "number": .number(source.number),
            "id": .text("fn-\(source.number)"),
            "backrefs": .list(backReferences.enumerated().map { index, id in
                .object(["id": .text(id), "label": .text(index == 0 ? "↩" : "↩\(index + 1)")])
            }),
            "structured": .flag(isStructured(source)),
            "html": .text(inlineHTML(source.text.isEmpty ? fields.url ?? "" : source.text, unsafe: unsafe)),
            "date": .text(orFalse: fields.prefixDate.map(format)),
            "url": .text(orFalse: url),
            "title": .text(orFalse: fields.title ?? url),
            "published": .text(orFalse: fields.published.map(format)),
            "updated": .text(orFalse: fields.updated.map(format)),
            "text": .text(orFalse: source.text.isEmpty ? nil : source.text),
            // A site's page of the source (every page citing it), set by the site.
            "sourcePage": .flag(false),
        ]
    }

    // Regex is not Sendable, yet matching one from several threads is safe: it compiles its program once, stored atomically.
    nonisolated(unsafe) private static let houseParts =
        #/^\s*[0-9]{4}(?:,\s*[A-Za-z]+\.?(?:\s*[0-9]{1,2})?)?\.\s|(?:Published|Updated):\s*(?:N/A|[0-9-]+)/#

    /// True when the fields say all the text says: a URL alone, or a house-style definition
    /// (`2025, Sep 14. [Title](url). Published: … | Updated: …`) with nothing more.
    static func isStructured(_ source: Source) -> Bool {
        let fields = source.fields
        switch fields.kind {
        case .bareURL: return fields.title == nil && source.text.trimmed() == fields.url
        case .house:
            guard let title = fields.title, let url = fields.url,
                  let link = source.text.byteRange(of: "[\(title)](\(url))") else { return false }
            let text = source.text.utf8
            let rest = Array(text[..<link.lowerBound]) + [UInt8(ascii: " ")] + Array(text[link.upperBound...])
            guard rest.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) else { return HouseParts.holdsAll(rest) }
            // Other text is read by characters (`\r\n` is one, and so is a letter with its accents).
            return String(decoding: rest, as: UTF8.self).replacing(houseParts, with: " ")
                .allSatisfy { $0.isWhitespace || ".|,".contains($0) }
        default: return false
        }
    }

    /// Markdown text rendered as inline HTML: one paragraph's content, unsafe URLs emptied. A
    /// text in the plain shapes `SourceHTML` writes (most sources) is written without cmark-gfm.
    static func inlineHTML(_ text: String, unsafe: Bool) -> String {
        var html = SourceHTML.html(text) ?? CmarkParser.renderHTML(markdown: text, unsafe: unsafe)
        // cmark-gfm ends its HTML with `>\n`: a newline of its own after a character that is no
        // whitespace, all that `trimmingTrailingWhitespace` would remove.
        if html.utf8.count >= 2, html.utf8.last == UInt8(ascii: "\n"),
           html.utf8[html.utf8.index(html.utf8.endIndex, offsetBy: -2)] == UInt8(ascii: ">") {
            html.removeLast()
        } else {
            html = html.trimmingTrailingWhitespace()
        }
        if isParagraph(html), holdsOneParagraph(html) {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return URLSafety.filterAttributes(html)
    }

    /// `html.hasPrefix("<p>") && html.hasSuffix("</p>")`, read on the bytes when an ASCII byte
    /// follows the `<p>` and precedes the `</p>`: no mark then joins `>` or `<` to a neighbour, so
    /// they are characters of their own (and no other bytes are canonically equal to them).
    static func isParagraph(_ html: String) -> Bool {
        let read = html.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            let count = bytes.count
            guard count >= 7, bytes[0] == UInt8(ascii: "<"), bytes[1] == UInt8(ascii: "p"), bytes[2] == UInt8(ascii: ">"),
                  bytes[count - 4] == UInt8(ascii: "<"), bytes[count - 3] == UInt8(ascii: "/"), bytes[count - 2] == UInt8(ascii: "p"),
                  bytes[count - 1] == UInt8(ascii: ">") else { return false }
            return bytes[3] < 0x80 && bytes[count - 5] < 0x80 ? true : nil
        }
        if let read, let read { return read }
        return html.hasPrefix("<p>") && html.hasSuffix("</p>")
    }

    /// `html.components(separatedBy: "<p>").count == 2`, counted on the bytes when every `<p>`
    /// has ASCII (or nothing) on both sides: `<`, `p` and `>` are then characters of their own,
    /// so the `Character` search finds the same ones.
    static func holdsOneParagraph(_ html: String) -> Bool {
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            var count = 0, index = 0
            while let found = Byte.offset(of: paragraphTag, in: bytes, from: index) {
                count += 1
                if found > 0, bytes[found - 1] >= 0x80 { return nil }
                if found + 3 < bytes.count, bytes[found + 3] >= 0x80 { return nil }
                index = found + 3
            }
            return count
        }
        let counted = html.utf8.withContiguousStorageIfAvailable(count) ?? Array(html.utf8).withUnsafeBufferPointer(count)
        return counted.map { $0 == 1 } ?? (html.components(separatedBy: "<p>").count == 2)
    }

    private static let paragraphTag = Array("<p>".utf8)

    /// `2025, Sep 14`, `2025, Sep` or `2025`.
    static func format(_ date: PartialDate) -> String {
        var text = String(date.year)
        if let month = date.month { text += ", " + months[month - 1] }
        if let day = date.day { text += " \(day)" }
        return text
    }

    static func format(_ date: CitationDate) -> String {
        switch date {
        case .date(let date): return date.description
        case .notAvailable: return "N/A"
        case .unreadable(let text): return text
        }
    }
}
