import NoteParser

/// The template context of one source: its fields, and links back to each citation of it.
enum SourceView {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// - Parameter backReferences: the ids of the rendered citation markers of this source.
    static func context(_ source: Source, backReferences: [String]) -> [String: Any] {
        let fields = source.fields
        let url = fields.url.flatMap { URLSafety.isSafe($0) ? $0 : nil }
        var context: [String: Any] = [
            "number": source.number,
            "id": "fn-\(source.number)",
            "backrefs": backReferences.enumerated().map { index, id in ["id": id, "label": index == 0 ? "↩" : "↩\(index + 1)"] },
        ]
        // Absent values are `false`, not missing: Mustache would look a missing key up in the page.
        let values: [String: String?] = [
            "date": fields.prefixDate.map(format),
            "url": url,
            "title": fields.title ?? url,
            "published": fields.published.map(format),
            "updated": fields.updated.map(format),
            "text": fields.title == nil && url == nil ? source.text : nil,
        ]
        for (key, value) in values { context[key] = value ?? false }
        return context
    }

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
