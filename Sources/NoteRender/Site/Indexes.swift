/// The bodies of the site's index pages: home (Markdown), one per collection, one per tag.
/// Links are relative to the site's top (`RelativeURLs` moves them for pages in subfolders).
enum Indexes {
    /// One list item per page: linked title, date, lede.
    static func list(_ indexes: [Int], plan: SitePlan) -> LinkList {
        LinkList(items: indexes.map { index in
            let page = plan.pages[index]
            return LinkList.Item(title: page.title, url: page.url,
                                 after: (page.published.map { " (\($0.prefix(10)))" } ?? "") + (page.lede.map { ": " + $0 } ?? ""))
        })
    }

    /// The home page: the description, each collection's newest pages and every tag.
    static func home(_ plan: SitePlan, description: String?, newest: Int = 10) -> String {
        var text = description.map { MarkdownText.escape($0) + "\n\n" } ?? ""
        for (name, pages) in plan.collections {
            let sorted = plan.newestFirst(pages)
            text += "## " + MarkdownText.link(name.isEmpty ? "Notes" : name, url: SitePlan.collectionURL(name)) + "\n\n"
            text += list(Array(sorted.prefix(newest)), plan: plan).markdown
            if sorted.count > newest {
                text += "\n" + MarkdownText.link("All \(sorted.count) pages", url: SitePlan.collectionURL(name)) + "\n"
            }
            text += "\n"
        }
        let tags = plan.tags
        if !tags.isEmpty {
            text += "## Tags\n\n" + tags.map { MarkdownText.link($0.name, url: SitePlan.tagURL($0.name)) + " (\($0.pages.count))" }
                .joined(separator: " · ") + "\n"
        }
        return text
    }
}
