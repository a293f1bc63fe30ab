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

    /// The body of an entry's page: the source as written, its URL and dates, and the pages
    /// citing it, linked relative to the site's top.
    func page(_ entry: Entry, pages: [SitePlan.Page]) -> Page {
        Page(source: entry.source.markdown, citedBy: LinkList(items: entry.citedBy.map { page, number in
            LinkList.Item(title: pages[page].title, url: pages[page].url + "#fn-\(number)", after: " (source \(number))")
        }))
    }

    /// The list of `sources/index.html`: every source, by title.
    func index() -> LinkList {
        LinkList(items: entries.map { ($0.title.lowercased(), $0) }.sorted { $0.0 < $1.0 }.map { _, entry in
            LinkList.Item(title: entry.title, url: entry.url, after: " (\(entry.citedBy.count) \(entry.citedBy.count == 1 ? "page" : "pages"))")
        })
    }

    /// The body of a source's page: its source's Markdown, a "Cited by" heading and the list.
    struct Page: Sendable {
        /// `SiteSource.markdown`.
        let source: String
        let citedBy: LinkList

        /// The whole body as Markdown.
        var markdown: String { source + "\n\n## Cited by\n\n" + citedBy.markdown }

        /// What cmark-gfm renders of `markdown`, made of parts: the source's Markdown (and the
        /// blank line after it) written directly when it is plain (`SourceHTML`), else through
        /// cmark-gfm alone, then the heading and the list written directly (`LinkList`). Nil when
        /// the list cannot be written directly or the source could reach past its blank line
        /// (`standsAlone`).
        func cmarkHTML(unsafe: Bool) -> String? {
            guard Self.standsAlone(source), let list = citedBy.html(prefix: "") else { return nil }
            return (SourceHTML.html(source) ?? CmarkParser.renderHTML(markdown: source + "\n\n", unsafe: unsafe)) + "<h2>Cited by</h2>\n" + list
        }

        /// The body as the index page's passes leave `cmarkHTML` (`HeadingIDs`, `URLSafety`, and
        /// `RelativeURLs` with `prefix`), written directly when `SourceHTML` writes the source and
        /// its only `=` are its links' (`href=` and inside their quoted `http(s)` URLs): its text
        /// escapes `<` and `"`, so the page's one heading is "Cited by" (id `cited-by`), no text
        /// reads as an attribute, every URL is kept (`http(s)`, the list's plain ones), and only
        /// the list's are relative (moved by `prefix` as `rebase` moves them). Nil otherwise.
        func passedHTML(prefix: String) -> String? {
            guard Self.standsAlone(source), let html = SourceHTML.html(source), Self.equalsOnlyInLinks(html),
                  let list = citedBy.html(prefix: prefix) else { return nil }
            return html + "<h2 id=\"cited-by\">Cited by</h2>\n" + list
        }

        /// True when every `=` of `SourceHTML`'s `html` is a link's `<a href="` or inside the
        /// quoted URL after it (which holds no `"`): none in text.
        private static func equalsOnlyInLinks(_ html: String) -> Bool {
            var html = html
            return html.withUTF8 { bytes in
                var index = 0
                while let equals = Byte.offset(of: Self.equals, in: bytes, from: index) {
                    guard equals >= 7, equals + 1 < bytes.count, bytes[equals + 1] == UInt8(ascii: "\""),
                          bytes[(equals - 7)..<equals].elementsEqual(Self.linkOpening),
                          let close = Byte.offset(of: Self.quote, in: bytes, from: equals + 2) else { return false }
                    index = close + 1
                }
                return true
            }
        }

        private static let equals = Array("=".utf8), quote = Array("\"".utf8), linkOpening = Array("<a href".utf8)

        /// True when the blank line after `markdown` and a heading ends all of its blocks and
        /// nothing of it is rendered elsewhere: no fence (a code block would run on), no start of
        /// an HTML block a blank line does not end (`<!`, `<?`, `<script`, `<pre`, `<style`,
        /// `<textarea`), no footnote (`[^`: cmark-gfm writes footnotes after the whole document).
        /// The list's link texts are escaped: it holds no reference the source could define.
        static func standsAlone(_ markdown: String) -> Bool {
            Array(markdown.utf8).withUnsafeBufferPointer { bytes in
                guard !reaching.contains(where: { mark in mark.withUnsafeBufferPointer { Byte.offset(of: $0, in: bytes) != nil } }) else { return false }
                for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "<") {
                    if rawBlocks.contains(bytes[(index + 1)...].prefix { Byte.isLetter($0) }.map { $0 | 0x20 }) { return false }
                }
                return true
            }
        }

        private static let reaching = ["```", "~~~", "[^", "<!", "<?"].map { Array($0.utf8) }
        /// The HTML blocks of type 1 after `<`, lowercased.
        private static let rawBlocks = ["script", "pre", "style", "textarea"].map { Array($0.utf8) }
    }
}
