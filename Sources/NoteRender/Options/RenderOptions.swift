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

    enum CodingKeys: String, CodingKey, CaseIterable {
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

    /// The option names of a `render:` section.
    public static let keys = CodingKeys.allCases.map(\.rawValue)

    /// Reads the `render:` section of a `.notekit.yml` text (the defaults without one); a
    /// mistake in it is a `Mistake` at its line and column in that text.
    public init(configuration text: String) throws {
        guard case .mapping(let top)? = try Yams.compose(yaml: text) else {
            self = RenderOptions()
            return
        }
        self = try RenderOptions(node: top.first { $0.key.string == "render" }?.value)
    }

    /// Reads options from a `render:` node (nil or null for the defaults); a mistake is
    /// reported at the key or value at fault.
    init(node: Node?) throws(Mistake) {
        guard let node, node.null == nil else {
            self = RenderOptions()
            return
        }
        guard case .mapping(let mapping) = node else { throw Mistake(node, "render must be a map") }
        if let unknown = mapping.keys.first(where: { CodingKeys(stringValue: $0.string ?? "") == nil }) {
            throw Mistake(unknown, "unknown render option '\(unknown.string ?? "")'", unknownKey: unknown.string ?? "")
        }
        do {
            self = try YAMLDecoder().decode(RenderOptions.self, from: node)
        } catch {
            // The value at fault: the one under the first key of the decoding error's path.
            var key: String?
            var detail = "\(error)"
            if let error = error as? DecodingError {
                switch error {
                case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
                     .dataCorrupted(let context):
                    key = context.codingPath.first?.stringValue
                    detail = context.debugDescription
                @unknown default: break
                }
            }
            let value = mapping.first { $0.key.string == key }?.value ?? node
            throw Mistake(value, "invalid render option\(key.map { " '\($0)'" } ?? ""): \(detail)")
        }
    }

    /// A mistake in a `render:` section, at a 1-based line and column of the YAML it was read from.
    public struct Mistake: Error, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String
        /// The key that is no render option, for a "did you mean" (see `RenderOptions.keys`).
        public let unknownKey: String?

        init(_ node: Node, _ message: String, unknownKey: String? = nil) {
            line = node.mark?.line ?? 1
            column = node.mark?.column ?? 1
            self.message = message
            self.unknownKey = unknownKey
        }

        public var description: String { "\(line):\(column): \(message)" }
    }
}
