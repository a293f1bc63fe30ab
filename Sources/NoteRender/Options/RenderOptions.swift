import Yams

/// How `notekit render` cleans a note. The defaults suit essays; every setting can be
/// read from YAML (the `render:` section of `.notekit.yml`), missing keys keeping their default.
public struct RenderOptions: Sendable, Equatable, Codable {
    /// Which front-matter keys the published note keeps.
    public enum FrontMatterKeys: Sendable, Equatable, Codable {
        case all
        case none
        /// Only these keys, in the note's order.
        case only([String])

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let keys = try? container.decode([String].self) {
                self = .only(keys)
                return
            }
            switch try container.decode(String.self) {
            case "all": self = .all
            case "none": self = .none
            case let other:
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected all, none or a list of keys, got \(other)")
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .all: try container.encode("all")
            case .none: try container.encode("none")
            case .only(let keys): try container.encode(keys)
            }
        }

        /// True when `key` is kept.
        public func keeps(_ key: String) -> Bool {
            switch self {
            case .all: return true
            case .none: return false
            case .only(let keys): return keys.contains(key)
            }
        }
    }

    /// What becomes of LLM query callouts.
    public enum QueryCallouts: String, Sendable, Equatable, Codable {
        /// The callout goes; the response after it stays.
        case remove
        /// The callout stays as a collapsed `query` aside.
        case aside
    }

    public var frontMatter: FrontMatterKeys = .only(["title", "lede", "authors", "date_created", "date_modified", "tags"])
    public var queryCallouts: QueryCallouts = .remove
    /// The URL of a resolved wikilink: `{slug}`, `{collection}` (the note's folder) and
    /// `{ext}` (`html` or `md`) are replaced. Nil writes every wikilink as plain text.
    public var wikilinkPattern: String? = "{slug}.{ext}"
    /// The URL of an embedded image: `{target}` is the embed's target, percent-encoded.
    public var embedPattern = "{target}"
    /// Remove `%%comments%%`.
    public var removeComments = true
    /// Render `==highlight==` as `<mark>` in HTML.
    public var highlights = true
    /// Move citation markers after the punctuation that follows them.
    public var markersAfterPunctuation = true
    /// Strip trailing spaces and collapse runs of blank lines outside code.
    public var tidyWhitespace = true
    /// The heading of the appended sources section.
    public var sourcesHeading = "Sources"

    public init() {}

    enum CodingKeys: String, CodingKey {
        case frontMatter = "front_matter", queryCallouts = "query_callouts", wikilinkPattern = "wikilink_pattern"
        case embedPattern = "embed_pattern", removeComments = "remove_comments", highlights
        case markersAfterPunctuation = "markers_after_punctuation", tidyWhitespace = "tidy_whitespace"
        case sourcesHeading = "sources_heading"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = RenderOptions()
        frontMatter = try container.decodeIfPresent(FrontMatterKeys.self, forKey: .frontMatter) ?? defaults.frontMatter
        queryCallouts = try container.decodeIfPresent(QueryCallouts.self, forKey: .queryCallouts) ?? defaults.queryCallouts
        wikilinkPattern = container.contains(.wikilinkPattern)
            ? try container.decodeIfPresent(String.self, forKey: .wikilinkPattern) : defaults.wikilinkPattern
        embedPattern = try container.decodeIfPresent(String.self, forKey: .embedPattern) ?? defaults.embedPattern
        removeComments = try container.decodeIfPresent(Bool.self, forKey: .removeComments) ?? defaults.removeComments
        highlights = try container.decodeIfPresent(Bool.self, forKey: .highlights) ?? defaults.highlights
        markersAfterPunctuation = try container.decodeIfPresent(Bool.self, forKey: .markersAfterPunctuation)
            ?? defaults.markersAfterPunctuation
        tidyWhitespace = try container.decodeIfPresent(Bool.self, forKey: .tidyWhitespace) ?? defaults.tidyWhitespace
        sourcesHeading = try container.decodeIfPresent(String.self, forKey: .sourcesHeading) ?? defaults.sourcesHeading
    }

    /// Reads options from a YAML mapping; an empty document gives the defaults.
    public init(yaml: String) throws {
        guard let node = try Yams.compose(yaml: yaml), node.null == nil else {
            self = RenderOptions()
            return
        }
        if case .mapping(let mapping) = node {
            let unknown = mapping.keys.compactMap(\.string).filter { CodingKeys(stringValue: $0) == nil }
            guard unknown.isEmpty else { throw UnknownKeys(keys: Array(unknown)) }
        }
        self = try YAMLDecoder().decode(RenderOptions.self, from: node)
    }

    /// Keys of a `render:` section that are no render option.
    public struct UnknownKeys: Error, CustomStringConvertible {
        public let keys: [String]
        public var description: String {
            "unknown render option\(keys.count == 1 ? "" : "s") \(keys.map { "'\($0)'" }.joined(separator: ", "))"
        }
    }
}
