import NoteParser

/// The published pages linking to each published page: a wikilink or embed in the body that
/// leads to it (through the vault's resolver), the page itself not counted.
enum Backlinks {
    /// Plan indexes of the pages linking to each page, in plan order.
    static func of(_ plan: SitePlan, notes: [SiteNote], links: PublishedLinks) -> [[Int]] {
        // Each page's targets found on every core, then gathered.
        let targets = Array(plan.pages.indices).concurrentMap { index in
            notes[plan.pages[index].note].links.compactMap { link -> Int? in
                guard !link.target.isEmpty, let path = links.notePath(target: link.target, from: plan.pages[index].vaultPath),
                      let target = plan.byPath[path], target != index else { return nil }
                return target
            }
        }
        var linking = [Set<Int>](repeating: [], count: plan.pages.count)
        for (index, found) in targets.enumerated() {
            for target in found { linking[target].insert(index) }
        }
        return linking.map { $0.sorted() }
    }
}
