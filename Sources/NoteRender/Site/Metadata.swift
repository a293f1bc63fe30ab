import Foundation
import NoteParser

/// OpenGraph properties and schema.org JSON-LD of a note page, from its front matter.
enum Metadata {
    /// `property`/`content` pairs: title, type, description, URL, site name, dates and tags.
    static func openGraph(_ page: SitePlan.Page, url: String?, siteTitle: String) -> [[String: String]] {
        var pairs: [(String, String?)] = [("og:title", page.title), ("og:type", "article"), ("og:description", page.lede),
                                          ("og:url", url), ("og:site_name", siteTitle),
                                          ("article:published_time", page.published), ("article:modified_time", page.modified)]
        pairs += page.tags.map { ("article:tag", $0) }
        return pairs.compactMap { property, content in content.map { ["property": property, "content": $0] } }
    }

    /// A schema.org `Article` as JSON safe inside `<script>`: `<`, `>` and `&` escaped as `\u003c`...
    static func jsonLD(_ page: SitePlan.Page, note: Note, url: String?) -> String {
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
        return json(article)
    }

    /// `value` as compact JSON (keys sorted) with `<`, `>` and `&` escaped, so it cannot end a script element.
    static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: scriptSafe([UInt8](data)), as: UTF8.self)
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
