import NoteParser

/// One numbered entry of a rendered note's sources: citations that share a URL share one.
public struct Source: Sendable, Equatable {
    /// 1, 2, 3... in order of first citation.
    public let number: Int
    /// The definition text as written (of the first definition when several were merged),
    /// its wikilinks converted as in the body.
    public internal(set) var text: String
    public let fields: CitationFields
    /// The labels (`u4vyfy`, or `4` for legacy numeric definitions) merged into this source.
    public internal(set) var labels: [String]

    /// The `[^n]: text` definition line of the cleaned Markdown.
    var definitionLine: String {
        let body = text.isEmpty ? (fields.url ?? "(no details)") : text
        return "[^\(number)]: \(body)"
    }
}
