import Foundation

/// Turns wikilink targets into URLs for the notes being published together.
public struct PublishedLinks: Sendable {
    /// A note that wikilinks may point at.
    public struct Target: Sendable {
        /// The names it is linked by: file name and `folder/file` without `.md`, title.
        public var names: [String]
        public var slug: String
        /// The note's folder, as a slug; empty at the top.
        public var collection: String

        public init(names: [String], slug: String, collection: String = "") {
            self.names = names
            self.slug = slug
            self.collection = collection
        }
    }

    private var targets: [String: Target] = [:]
    /// The URL pattern with `{slug}`, `{collection}` and `{ext}`; nil resolves nothing.
    let pattern: String?
    /// The output extension, `html` or `md`.
    let fileExtension: String

    public init(targets: [Target] = [], pattern: String?, fileExtension: String) {
        self.pattern = pattern
        self.fileExtension = fileExtension
        for target in targets {
            for name in target.names where self.targets[Self.key(name)] == nil { self.targets[Self.key(name)] = target }
        }
    }

    /// The URL for `[[target#heading]]`, or nil when the target is not published.
    public func url(target: String, heading: String?) -> String? {
        guard let pattern else { return nil }
        let anchor = heading.map { "#" + Slug.make($0, fallback: "") } ?? ""
        if target.isEmpty { return anchor.count > 1 ? anchor : nil }
        guard let found = targets[Self.key(target)] else { return nil }
        return pattern.replacingOccurrences(of: "{slug}", with: found.slug)
            .replacingOccurrences(of: "{collection}", with: found.collection)
            .replacingOccurrences(of: "{ext}", with: fileExtension) + anchor
    }

    private static func key(_ name: String) -> String {
        var name = name.trimmingCharacters(in: .whitespaces).lowercased()
        if name.hasSuffix(".md") { name.removeLast(3) }
        return name
    }
}
