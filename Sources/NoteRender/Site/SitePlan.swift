import Foundation
import NoteConfiguration
import NoteParser

/// Which notes a site publishes and where each page goes: note pages at the top of the output
/// (`slug.html`, as `render` names them), collection, tag and source indexes in folders of their own.
struct SitePlan {
    /// A published note.
    struct Page {
        /// Index of the note in the run's notes.
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

        var url: String { slug + ".html" }
    }

    let pages: [Page]
    /// Page index by vault path.
    let byPath: [String: Int]
    /// The configured collections' names, in the order written.
    private let collectionOrder: [String]

    /// The output names taken by the site's own files: no note page may have them.
    static let reserved: Set<String> = ["index", "search", "sitemap", "feed", "llms", "404"]

    init(notes: [Note], vaultPaths: [String], settings: SiteSettings) {
        let published = notes.indices.filter { Self.isPublished(notes[$0], vaultPath: vaultPaths[$0], settings: settings) }
        let titles = published.map { NoteRenderer.title(of: notes[$0]) }
        let slugs = Slug.unique(titles, reserved: Self.reserved)
        pages = zip(published, zip(titles, slugs)).map { index, named in
            let note = notes[index], path = vaultPaths[index]
            let folder = (path as NSString).deletingLastPathComponent
            let date = ["date_published", "date_created", "date"].lazy.compactMap { Self.text(note, $0) }.first
            return Page(note: index, vaultPath: path, title: named.0, slug: named.1,
                        collection: settings.collection(for: path)?.name ?? folder, tags: Self.tags(of: note),
                        published: date, modified: Self.text(note, "date_modified") ?? date, lede: Self.text(note, "lede"))
        }
        collectionOrder = settings.collections.map(\.name)
        byPath = Dictionary(pages.enumerated().map { ($1.vaultPath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `publish: true`, or a collection's glob without `publish: false`.
    static func isPublished(_ note: Note, vaultPath: String, settings: SiteSettings) -> Bool {
        switch note.frontMatter?.value("publish") {
        case .bool(let flag)?: return flag
        case .string(let text)? where ["true", "yes"].contains(text.lowercased()): return true
        case .string(let text)? where ["false", "no"].contains(text.lowercased()): return false
        default: return settings.collection(for: vaultPath) != nil
        }
    }

    /// The front-matter `tags`: a list, or one string of tags separated by commas or spaces; `#` dropped.
    static func tags(of note: Note) -> [String] {
        let written: [String]
        switch note.frontMatter?.value("tags") {
        case .list(let items)?: written = items.compactMap(\.scalarText)
        case let value?: written = value.scalarText.map { $0.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) } ?? []
        case nil: written = []
        }
        var seen = Set<String>()
        return written.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "# ")) }
            .filter { !$0.isEmpty && seen.insert(Slug.make($0, fallback: "")).inserted }
    }

    private static func text(_ note: Note, _ key: String) -> String? {
        guard let value = note.frontMatter?.value(key), case let text? = value.scalarText, !text.isBlank else { return nil }
        return text
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
        grouped(\.tags).sorted { $0.name.lowercased() < $1.name.lowercased() }
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
            return left != right ? left > right : pages[lhs].title.lowercased() < pages[rhs].title.lowercased()
        }
    }

    /// The URL of the collection index page (`collections/slug.html`).
    static func collectionURL(_ name: String) -> String { "collections/" + Slug.make(name, fallback: "top") + ".html" }

    /// The URL of a tag's index page (`tags/slug.html`).
    static func tagURL(_ name: String) -> String { "tags/" + Slug.make(name, fallback: "tag") + ".html" }
}
