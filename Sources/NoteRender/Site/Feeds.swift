import Foundation

/// `sitemap.xml` (every page) and `feed.xml`, an Atom feed of the newest dated essays.
enum Feeds {
    /// The sitemap of `urls` (output-relative), absolute under `base` when the site has a URL.
    static func sitemap(_ urls: [String], base: String?) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.map { "<url><loc>\(xml((base ?? "") + $0))</loc></url>\n" }.joined() + "</urlset>\n"
    }

    /// The Atom feed of the `count` newest pages with a date.
    static func atom(_ plan: SitePlan, settings: (title: String, url: String?, description: String?), count: Int,
                     uuids: [String: String]) -> String {
        let dated = plan.newestFirst(Array(plan.pages.indices)).filter { plan.pages[$0].published != nil }.prefix(count)
        let base = settings.url ?? ""
        let updated = dated.compactMap { plan.pages[$0].modified.map(timestamp) }.max() ?? "1970-01-01T00:00:00Z"
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        text += "<title>\(xml(settings.title))</title>\n"
        if let description = settings.description { text += "<subtitle>\(xml(description))</subtitle>\n" }
        text += "<link href=\"\(xml(base + "index.html"))\"/>\n<link rel=\"self\" href=\"\(xml(base + "feed.xml"))\"/>\n"
        text += "<id>\(xml(settings.url ?? "urn:notekit:site:" + settings.title))</id>\n<updated>\(updated)</updated>\n"
        text += "<generator>notekit</generator>\n"
        for index in dated {
            let page = plan.pages[index]
            text += "<entry>\n<title>\(xml(page.title))</title>\n<link href=\"\(xml(base + page.url))\"/>\n"
            text += "<id>\(xml(uuids[page.vaultPath].map { "urn:uuid:" + $0 } ?? base + page.url))</id>\n"
            text += "<published>\(timestamp(page.published ?? ""))</published>\n"
            text += "<updated>\(timestamp(page.modified ?? page.published ?? ""))</updated>\n"
            if let lede = page.lede { text += "<summary>\(xml(lede))</summary>\n" }
            for tag in page.tags { text += "<category term=\"\(xml(tag))\"/>\n" }
            text += "</entry>\n"
        }
        return text + "</feed>\n"
    }

    /// An RFC 3339 time from a front-matter date or date-time (`2025-04-02` is its midnight UTC).
    static func timestamp(_ date: String) -> String {
        let text = date.trimmingCharacters(in: .whitespaces)
        guard text.count >= 10, text.prefix(10).allSatisfy({ $0.isNumber || $0 == "-" }) else { return "1970-01-01T00:00:00Z" }
        if text.count == 10 { return text + "T00:00:00Z" }
        let time = text.replacingOccurrences(of: " ", with: "T")
        return time.hasSuffix("Z") || time.dropFirst(19).contains(where: { $0 == "+" || $0 == "-" }) ? time : time + "Z"
    }

    /// Text escaped for XML content and attributes (`HTMLText`).
    static func xml(_ text: String) -> String { HTMLText.escape(text) }
}
