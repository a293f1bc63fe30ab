import NoteParser
import Yams

extension ConfigurationDecoder {
    static let siteKeys = ["title", "url", "description", "language", "collections", "feed_entries", "toc_headings"]

    /// The `site:` section (`SiteSettings`): a map of the keys above; `collections` maps names to
    /// a glob or a list of globs, rebased onto the vault root as collection globs are.
    func siteSettings(_ node: Node) throws -> SiteSettings {
        guard let entries = node.mapping else { throw error(node, "site must be a map (title:, url:, collections:, ...)") }
        var settings = SiteSettings()
        for (keyNode, value) in entries {
            let name = keyNode.string ?? ""
            switch name {
            case "title": settings.title = try text(value, "site.title")
            case "url":
                let url = try text(value, "site.url")
                guard url.hasPrefix("https://") || url.hasPrefix("http://") else { throw error(value, "site.url must be an http or https URL") }
                settings.url = url.hasSuffix("/") ? url : url + "/"
            case "description": settings.description = try text(value, "site.description")
            case "language": settings.language = try text(value, "site.language")
            case "collections":
                guard let collections = value.mapping else { throw error(value, "site.collections must be a map of names to globs") }
                settings.collections = try collections.map { nameNode, globs in
                    let collection = try text(nameNode, "a site collection name")
                    let paths = try globList(globs, "site.collections.\(collection)")
                    return SiteCollection(name: collection, paths: paths.map { globPrefix + $0 })
                }
            case "feed_entries": settings.feedEntries = try count(value, "site.feed_entries")
            case "toc_headings": settings.tocHeadings = try count(value, "site.toc_headings")
            default:
                throw error(keyNode, "unknown key '\(name)' under site" + suggestion(name, among: Self.siteKeys))
            }
        }
        return settings
    }

    private func text(_ node: Node, _ what: String) throws -> String {
        guard node.scalar != nil, let text = node.string, !text.isEmpty else { throw error(node, "\(what) must be a non-empty string") }
        return text
    }

    private func globList(_ node: Node, _ what: String) throws -> [String] {
        if node.scalar != nil { return [try text(node, what)] }
        guard let items = node.sequence, !items.isEmpty else { throw error(node, "\(what) must be a glob or a list of globs") }
        return try items.map { try text($0, what) }
    }

    private func count(_ node: Node, _ what: String) throws -> Int {
        guard node.scalar != nil, let number = node.int, number >= 0 else { throw error(node, "\(what) must be a whole number (0 or more)") }
        return number
    }
}
