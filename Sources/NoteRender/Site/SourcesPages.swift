import Foundation
import NoteParser

/// One page per cited source of the site (`sources/ID.html`): its title, URL, dates and every
/// page citing it. Sources are one when their URLs are (compared as the citation index compares
/// them, `URLNormalizer`), else when their texts are.
struct SourcesPages {
    struct Entry {
        let source: SiteSource
        let url: String
        /// The pages citing it (plan indexes) and the number it has on each.
        var citedBy: [(page: Int, number: Int)] = []

        var title: String { source.title }
    }

    private(set) var entries: [Entry] = []
    private var byKey: [String: Int] = [:]

    /// - Parameter sources: each published page's numbered sources, by plan index.
    init(_ sources: [(page: Int, sources: [SiteSource])]) {
        var taken = Set(["index"])
        for (page, list) in sources {
            for source in list {
                if let index = byKey[source.key] {
                    entries[index].citedBy.append((page, source.number))
                    continue
                }
                // The citation id names the page when there is one (`[^k3v9qa]`), else the title.
                let base = Slug.make(source.name, fallback: "source")
                var slug = base, counter = 2
                while !taken.insert(slug).inserted {
                    slug = "\(base)-\(counter)"
                    counter += 1
                }
                byKey[source.key] = entries.count
                entries.append(Entry(source: source, url: "sources/\(slug).html", citedBy: [(page, source.number)]))
            }
        }
    }

    /// The sources page of a page's source.
    func url(of source: Source) -> String? { url(key: Self.key(of: source)) }

    /// The sources page of the sources with this key.
    func url(key: String) -> String? { byKey[key].map { entries[$0].url } }

    /// Sources with the same key share a page.
    static func key(of source: Source) -> String {
        if let url = source.fields.url { return "url:" + URLNormalizer.normalize(url) }
        return "text:" + source.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The Markdown body of an entry's page: the source as written, its URL and dates, and the
    /// pages citing it, linked relative to the site's top.
    func markdown(_ entry: Entry, pages: [SitePlan.Page]) -> String {
        let citing = LinkList(items: entry.citedBy.map { page, number in
            LinkList.Item(title: pages[page].title, url: pages[page].url + "#fn-\(number)", after: " (source \(number))")
        })
        return entry.source.markdown + "\n\n## Cited by\n\n" + citing.markdown
    }

    /// The list of `sources/index.html`: every source, by title.
    func index() -> LinkList {
        LinkList(items: entries.map { ($0.title.lowercased(), $0) }.sorted { $0.0 < $1.0 }.map { _, entry in
            LinkList.Item(title: entry.title, url: entry.url, after: " (\(entry.citedBy.count) \(entry.citedBy.count == 1 ? "page" : "pages"))")
        })
    }
}
