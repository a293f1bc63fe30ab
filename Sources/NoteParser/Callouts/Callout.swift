/// An Obsidian callout: a block quote whose first line is `> [!type][+-] title`.
public struct Callout: Sendable, Encodable {
    public enum Fold: String, Sendable, Codable { case none, expanded = "+", collapsed = "-" }

    /// The type as written between `[!` and `]`.
    public let type: String
    /// Lowercased, spaces and underscores as hyphens: `LLM Response` → `llm-response`.
    public let normalizedType: String
    public let fold: Fold
    /// The title after the marker, trimmed; empty when none.
    public let title: String
    /// The whole block quote.
    public let range: SourceRange
    /// The `[!type]` marker.
    public let typeRange: SourceRange
    /// The lines after the header line; empty range when the callout has none.
    public let bodyRange: SourceRange
    /// How many block quotes enclose this one (0 at top level).
    public let depth: Int
    /// The body's text with the `>` markers removed, one string per line.
    public let bodyLines: [String]

    /// True when the body has no text.
    public var isEmpty: Bool { bodyLines.allSatisfy(\.isBlank) }

    /// The comparable form of a callout type: lowercased, spaces and underscores as hyphens.
    public static func normalize(_ type: String) -> String {
        String(decoding: type.lowercased().utf8.map { $0 == Byte.space || $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 },
               as: UTF8.self)
    }
}
