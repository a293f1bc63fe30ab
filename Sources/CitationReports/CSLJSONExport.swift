import Foundation
import NoteParser

/// CSL-JSON (the citeproc input format of pandoc, Zotero and citeproc-js): an array of
/// `webpage` items; dates as `date-parts` of their precision.
public enum CSLJSONExport {
    public static func render(_ export: CitationExport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(export.entries.map(Item.init)), as: UTF8.self) + "\n"
    }

    private struct Item: Encodable {
        let id: String
        let type = "webpage"
        let title: String?
        let URL: String
        let issued: DateParts?
        let accessed: DateParts?
        let containerTitle: String?

        init(_ entry: CitationExport.Entry) {
            id = entry.id
            title = entry.title
            URL = entry.url
            issued = entry.issued.map(DateParts.init)
            accessed = entry.accessed.map(DateParts.init)
            containerTitle = entry.container
        }

        enum CodingKeys: String, CodingKey {
            case id, type, title, URL, issued, accessed
            case containerTitle = "container-title"
        }
    }

    /// `{"date-parts": [[2024, 3, 5]]}`, month and day only when known.
    private struct DateParts: Encodable {
        let dateParts: [[Int]]

        init(_ date: PartialDate) { dateParts = [[date.year] + [date.month, date.day].compactMap { $0 }] }

        enum CodingKeys: String, CodingKey { case dateParts = "date-parts" }
    }
}
