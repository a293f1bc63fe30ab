import Foundation
import NoteConfiguration
import NoteParser

/// Which notes a site publishes and where each page goes: note pages at the top of the output
/// (`slug.html`, as `render` names them), collection, tag and source indexes in folders of their own.
struct SitePlan {
    /// A published note.
    struct Page {
        /// Index of the note in the run's notes (`SiteNote`).
        let note: Int
        let vaultPath: String
        let title: String
        let slug: String
        /// The site collection it belongs to, else its folder (empty at the top).
        let collection: String
        let tags: [String]
        /// `date_published`, else `date_created`, else `date` (as written, `YYYY-MM-DD...`).
        let published: String?
        /// `date_modified`, else `published`.
        let modified: String?
        let lede: String?
        /// The title lowercased, to sort by.
        let sortKey: String

        var url: String { slug + ".html" }
    }

    let pages: [Page]
    /// Page index by vault path.
    let byPath: [String: Int]
    /// The configured collections' names, in the order written.
    private let collectionOrder: [String]

    /// The output names taken by the site's own files: no note page may have them.
    static let reserved: Set<String> = ["index", "search", "sitemap", "feed", "llms", "404"]

    init(notes: [SiteNote], settings: SiteSettings) {
        let published = notes.indices.filter { notes[$0].isPublished }
        let slugs = Slug.unique(published.map { notes[$0].title }, reserved: Self.reserved)
        pages = zip(published, slugs).map { index, slug in
            let note = notes[index]
            return Page(note: index, vaultPath: note.vaultPath, title: note.title, slug: slug, collection: note.collection,
                        tags: note.tags, published: note.published, modified: note.modified, lede: note.lede, sortKey: note.title.lowercased())
        }
        collectionOrder = settings.collections.map(\.name)
        byPath = Dictionary(pages.enumerated().map { ($1.vaultPath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Pages grouped by collection: the configured ones in the order written, then folders in
    /// order of their first page.
    var collections: [(name: String, pages: [Int])] {
        let groups = grouped { [$0.collection] }
        let configured = collectionOrder.compactMap { name in groups.first { $0.name == name } }
        return configured + groups.filter { !collectionOrder.contains($0.name) }
    }

    /// Pages grouped by tag (first spelling), tags sorted case-insensitively.
    var tags: [(name: String, pages: [Int])] {
        grouped(\.tags).map { ($0.name.lowercased(), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private func grouped(_ keys: (Page) -> [String]) -> [(name: String, pages: [Int])] {
        var order: [String] = [], names: [String: String] = [:], members: [String: [Int]] = [:]
        for (index, page) in pages.enumerated() {
            for key in keys(page) {
                let slug = Slug.make(key, fallback: "top")
                if names[slug] == nil { order.append(slug); names[slug] = key }
                members[slug, default: []].append(index)
            }
        }
        return order.compactMap { slug in names[slug].map { ($0, members[slug] ?? []) } }
    }

    /// Page indexes, newest first by `published` (undated last, then by title).
    func newestFirst(_ indexes: [Int]) -> [Int] {
        indexes.sorted { lhs, rhs in
            let left = pages[lhs].published ?? "", right = pages[rhs].published ?? ""
            return left != right ? left > right : pages[lhs].sortKey < pages[rhs].sortKey
        }
    }

    /// The URL of the collection index page (`collections/slug.html`).
    static func collectionURL(_ name: String) -> String { "collections/" + Slug.make(name, fallback: "top") + ".html" }

    /// The URL of a tag's index page (`tags/slug.html`).
    static func tagURL(_ name: String) -> String { "tags/" + Slug.make(name, fallback: "tag") + ".html" }
}
