/// The published pages linking to each published page: a wikilink or embed in the body that
/// leads to it (through the vault's resolver), the page itself not counted.
enum Backlinks {
    /// Plan indexes of the pages linking to each page, in plan order.
    static func of(_ plan: SitePlan, notes: [SiteNote], links: PublishedLinks) -> [[Int]] {
        var linking = [Set<Int>](repeating: [], count: plan.pages.count)
        for (index, page) in plan.pages.enumerated() {
            for link in notes[page.note].links where !link.target.isEmpty {
                guard let path = links.notePath(target: link.target, from: page.vaultPath), let target = plan.byPath[path],
                      target != index else { continue }
                linking[target].insert(index)
            }
        }
        return linking.map { $0.sorted() }
    }
}
