import Foundation
import NoteParser
import Testing
@testable import NoteRender

@Suite struct MetadataTests {
    /// JSON-LD is written byte by byte as `JSONSerialization` writes the same article (compact,
    /// keys sorted, slashes not escaped), then made safe inside `<script>`.
    @Test(arguments: [
        ("Plain", nil, nil, nil, [], "---\ntitle: Plain\n---\nText.\n"),
        ("Quotes \"and\" \\ back\\slash </script><b>&amp;", "A/B\tC\nD \u{1}\u{1F}", "2025-01-02", "2025-03-04",
         ["a\"b", "c/d", "é 😀"], "---\nauthors: [\"Ana \\\"Q\\\" Reyes\", Bo </script>]\n---\nText.\n"),
        ("One author", "Lede", nil, "2025-03-04", ["Coast"], "---\nauthor: Ana Reyes\n---\nText.\n"),
    ] as [(String, String?, String?, String?, [String], String)])
    func writesWhatJSONSerializationWrites(title: String, lede: String?, published: String?, modified: String?, tags: [String],
                                           text: String) throws {
        let note = try NoteParser().parse(bytes: Array(text.utf8), path: "note.md")
        let page = SitePlan.Page(note: 0, vaultPath: "note.md", title: title, slug: "note", collection: "", tags: tags,
                                 published: published, modified: modified, lede: lede, sortKey: title.lowercased())
        for url in [nil, "https://example.org/a/note.html"] as [String?] {
            #expect(Metadata.jsonLD(page, note: note, url: url) == reference(page, note: note, url: url))
        }
    }

    /// The article as the first version wrote it, through `JSONSerialization`.
    private func reference(_ page: SitePlan.Page, note: Note, url: String?) -> String {
        var article: [String: Any] = ["@context": "https://schema.org", "@type": "Article", "headline": page.title]
        if let lede = page.lede { article["description"] = lede }
        if let published = page.published { article["datePublished"] = published }
        if let modified = page.modified { article["dateModified"] = modified }
        if let url { article["url"] = url }
        if !page.tags.isEmpty { article["keywords"] = page.tags }
        let authors: [String]
        switch note.frontMatter?.value("authors") ?? note.frontMatter?.value("author") {
        case .list(let items)?: authors = items.compactMap(\.scalarText)
        case let value?: authors = value.scalarText.map { [$0] } ?? []
        case nil: authors = []
        }
        if !authors.isEmpty { article["author"] = authors.map { ["@type": "Person", "name": $0] } }
        let data = (try? JSONSerialization.data(withJSONObject: article, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: Metadata.scriptSafe([UInt8](data)), as: UTF8.self)
    }
}
