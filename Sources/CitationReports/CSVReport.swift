/// The sources as CSV (RFC 4180): a header, then one row per source, CRLF line ends.
/// Several values in one field are joined with `; `.
public enum CSVReport {
    public static let header = ["url", "domain", "title", "ids", "references", "notes", "published", "updated", "cited_on"]

    public static func render(_ report: CitationReport) -> String {
        let rows = report.sources.map { source in
            [source.url, source.domain ?? "", source.title ?? "", source.ids.joined(separator: "; "), "\(source.references)",
             source.notes.map(\.path).joined(separator: "; "), source.published.joined(separator: "; "),
             source.updated.joined(separator: "; "), source.citedOn.joined(separator: "; ")]
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field, quoted when it holds a comma, quote, CR or LF; quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
