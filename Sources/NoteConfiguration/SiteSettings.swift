import NoteParser

/// The `site:` section of `.notekit.yml`: what `notekit render --site` publishes and how the
/// site names itself. A note is published when its front matter says `publish: true`, or its
/// vault path matches a collection's glob and its front matter does not say `publish: false`.
public struct SiteSettings: Sendable, Hashable {
    /// The site's name, heading its home page and feed.
    public var title = "Notes"
    /// The address the site is served from (`https://example.com/notes/`); sitemap, feed and
    /// OpenGraph URLs are absolute under it, relative without it.
    public var url: String?
    /// One line about the site, for the home page, feed and `llms.txt`.
    public var description: String?
    /// The pages' `lang`.
    public var language = "en"
    /// Collections in the order written; a note belongs to the first whose glob matches it.
    public var collections: [SiteCollection] = []
    /// The number of newest essays in the Atom feed.
    public var feedEntries = 20
    /// Pages with at least this many second- and third-level headings get a table of contents.
    public var tocHeadings = 4

    public init() {}

    /// The collection a vault-relative path belongs to.
    public func collection(for vaultPath: String) -> SiteCollection? {
        collections.first { $0.paths.contains { Glob($0).matches(vaultPath) } }
    }
}

/// A named set of published notes (`site.collections`), with an index page of its own.
public struct SiteCollection: Sendable, Hashable {
    public var name: String
    /// Vault-relative globs (rebased onto the vault root for nested configuration files).
    public var paths: [String]

    public init(name: String, paths: [String]) {
        self.name = name
        self.paths = paths
    }
}
