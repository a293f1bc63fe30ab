/// `llms.txt` (llmstxt.org): the site's title, description, and its pages by collection, each a
/// Markdown link with its lede.
enum LlmsTxt {
    static func text(_ plan: SitePlan, title: String, description: String?, base: String?) -> String {
        var text = "# \(MarkdownText.escape(title))\n\n"
        if let description { text += "> \(MarkdownText.escape(description))\n\n" }
        for (name, pages) in plan.collections {
            text += "## \(MarkdownText.escape(name.isEmpty ? "Notes" : name))\n\n"
            for index in plan.newestFirst(pages) {
                let page = plan.pages[index]
                text += "- " + MarkdownText.link(page.title, url: (base ?? "") + page.url)
                    + (page.lede.map { ": " + MarkdownText.escape($0) } ?? "") + "\n"
            }
            text += "\n"
        }
        return text
    }
}
