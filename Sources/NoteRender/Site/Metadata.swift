import NoteMustache
import NoteParser

/// OpenGraph properties and schema.org JSON-LD of a note page, from its front matter.
enum Metadata {
    /// `property`/`content` pairs: title, type, description, URL, site name, dates and tags.
    static func openGraph(_ page: SitePlan.Page, url: String?, siteTitle: String) -> [TemplateValue] {
        var pairs: [(String, String?)] = [("og:title", page.title), ("og:type", "article"), ("og:description", page.lede),
                                          ("og:url", url), ("og:site_name", siteTitle),
                                          ("article:published_time", page.published), ("article:modified_time", page.modified)]
        pairs += page.tags.map { ("article:tag", $0) }
        return pairs.compactMap { property, content in content.map { .object(["property": .text(property), "content": .text($0)]) } }
    }

    /// A schema.org `Article` as JSON safe inside `<script>`: `<`, `>` and `&` escaped as `\u003c`...
    /// Compact, keys sorted, as `JSONSerialization` writes it with `.sortedKeys` and `.withoutEscapingSlashes`.
    static func jsonLD(_ page: SitePlan.Page, note: Note, url: String?) -> String {
        let authors: [String]
        switch note.frontMatter?.value("authors") ?? note.frontMatter?.value("author") {
        case .list(let items)?: authors = items.compactMap(\.scalarText)
        case let value?: authors = value.scalarText.map { [$0] } ?? []
        case nil: authors = []
        }
        var json = PrettyJSON(capacity: 256, compact: true)
        json.beginObject()
        json.key("@context"); json.value("https://schema.org")
        json.key("@type"); json.value("Article")
        if !authors.isEmpty {
            json.key("author")
            json.array(authors) { json, name in
                json.beginObject()
                json.key("@type"); json.value("Person")
                json.key("name"); json.value(name)
                json.endObject()
            }
        }
        if let modified = page.modified { json.key("dateModified"); json.value(modified) }
        if let published = page.published { json.key("datePublished"); json.value(published) }
        if let lede = page.lede { json.key("description"); json.value(lede) }
        json.key("headline"); json.value(page.title)
        if !page.tags.isEmpty { json.key("keywords"); json.array(page.tags) { $0.value($1) } }
        if let url { json.key("url"); json.value(url) }
        json.endObject()
        return String(decoding: scriptSafe(json.takeBytes()), as: UTF8.self)
    }

    /// JSON bytes with `<`, `>` and `&` (which JSON has only inside strings) written `\u003c`, `\u003e`, `\u0026`.
    static func scriptSafe(_ json: [UInt8]) -> [UInt8] {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(json.count + 64)
        json.withUnsafeBufferPointer { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") else { continue }
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                escaped += byte == UInt8(ascii: "<") ? Array("\\u003c".utf8) : byte == UInt8(ascii: ">") ? Array("\\u003e".utf8) : Array("\\u0026".utf8)
                start = index + 1
            }
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        return escaped
    }
}
