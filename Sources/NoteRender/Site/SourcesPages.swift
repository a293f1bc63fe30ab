import Foundation
import NoteParser

/// One page per cited source of the site (`sources/ID.html`): its title, URL, dates and every
/// page citing it. Sources are one when their URLs are (compared as the citation index compares
/// them, `URLNormalizer`), else when their texts are.
struct SourcesPages {
    struct Entry {
        let title: String
        let source: Source
        let url: String
        /// The pages citing it (plan indexes) and the number it has on each.
        var citedBy: [(page: Int, number: Int)] = []
    }

    private(set) var entries: [Entry] = []
    private var byKey: [String: Int] = [:]

    /// - Parameter sources: each published page's numbered sources, by plan index.
    init(_ sources: [(page: Int, sources: [Source])]) {
        var taken = Set(["index"])
        for (page, list) in sources {
            for source in list {
                let key = Self.key(of: source)
                if let index = byKey[key] {
                    entries[index].citedBy.append((page, source.number))
                    continue
                }
                // The citation id names the page when there is one (`[^k3v9qa]`), else the title.
                let id = source.labels.first { $0.contains { !$0.isNumber } } ?? source.fields.title ?? source.fields.url ?? source.text
                let base = Slug.make(id, fallback: "source")
                var slug = base, counter = 2
                while !taken.insert(slug).inserted {
                    slug = "\(base)-\(counter)"
                    counter += 1
                }
                byKey[key] = entries.count
                let title = source.fields.title ?? source.fields.url ?? Self.plain(source.text)
                entries.append(Entry(title: title, source: source, url: "sources/\(slug).html", citedBy: [(page, source.number)]))
            }
        }
    }

    /// The sources page of a page's source.
    func url(of source: Source) -> String? { byKey[Self.key(of: source)].map { entries[$0].url } }

    private static func key(of source: Source) -> String {
        if let url = source.fields.url { return "url:" + URLNormalizer.normalize(url) }
        return "text:" + source.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first line of `text`, at most 120 characters.
    private static func plain(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.count > 120 ? String(line.prefix(119)) + "…" : line.isEmpty ? "Source" : line
    }

    /// The Markdown body of an entry's page: the source as written, its URL and dates, and the
    /// pages citing it, linked relative to the site's top.
    func markdown(_ entry: Entry, pages: [SitePlan.Page]) -> String {
        let fields = entry.source.fields
        var lines: [String] = []
        lines.append(entry.source.text.isEmpty ? MarkdownText.escape(entry.title) : entry.source.text)
        var facts: [String] = []
        if let url = fields.url { facts.append("- URL: " + MarkdownText.link(url, url: url)) }
        if let date = fields.prefixDate { facts.append("- Date: " + SourceView.format(date)) }
        if let published = fields.published { facts.append("- Published: " + MarkdownText.escape(SourceView.format(published))) }
        if let updated = fields.updated { facts.append("- Updated: " + MarkdownText.escape(SourceView.format(updated))) }
        if !facts.isEmpty { lines.append(facts.joined(separator: "\n")) }
        lines.append("## Cited by")
        lines.append(entry.citedBy.map { page, number in
            "- " + MarkdownText.link(pages[page].title, url: pages[page].url + "#fn-\(number)") + " (source \(number))"
        }.joined(separator: "\n"))
        return lines.joined(separator: "\n\n") + "\n"
    }

    /// The Markdown body of `sources/index.html`: every source, by title.
    func indexMarkdown() -> String {
        entries.sorted { $0.title.lowercased() < $1.title.lowercased() }.map { entry in
            "- " + MarkdownText.link(entry.title, url: entry.url)
                + " (\(entry.citedBy.count) \(entry.citedBy.count == 1 ? "page" : "pages"))"
        }.joined(separator: "\n") + "\n"
    }
}
