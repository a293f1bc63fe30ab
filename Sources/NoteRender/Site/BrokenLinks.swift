import NoteParser

/// A wikilink or embed of a published page that leads to no page of the site: its target is
/// not in the vault, is a note the site does not publish, or is an embed that could not be filled.
public struct BrokenLink: Sendable, Equatable, CustomStringConvertible {
    /// The linking note's path, as given.
    public let path: String
    /// Where the link is in the note; nil for links within embedded text.
    public let position: SourcePosition?
    /// The link as a reader wrote it: target, `#heading`.
    public let target: String
    public let reason: String
    /// `path:line:col: target (reason)`, for the report at the end of a site build: made with the
    /// link, on the core that found it, not again for each use at the end.
    public let description: String

    init(path: String, position: SourcePosition?, target: String, reason: String) {
        (self.path, self.position, self.target, self.reason) = (path, position, target, reason)
        description = "\(path):" + (position.map { "\($0.line):\($0.column):" } ?? "") + " \(target) (\(reason))"
    }

    static func target(of link: Wikilink) -> String { SiteLink(link).written }
}

/// Finding links that land on a page but on no heading or block of it.
enum BrokenLinks {
    /// Wikilinks of published pages to a published page's `#heading` or `#^block` it does not have.
    static func missingAnchors(_ plan: SitePlan, notes: [SiteNote], links: PublishedLinks) -> [BrokenLink] {
        var broken: [BrokenLink] = []
        for page in plan.pages {
            let note = notes[page.note]
            for link in note.links where !link.isEmbed {
                guard let heading = link.heading, !heading.isEmpty else { continue }
                let target: SiteNote
                if link.target.isEmpty {
                    target = note
                } else {
                    guard let path = links.notePath(target: link.target, from: page.vaultPath), let index = plan.byPath[path] else { continue }
                    target = notes[plan.pages[index].note]
                }
                guard !target.has(heading) else { continue }
                broken.append(BrokenLink(path: note.path, position: link.start, target: link.written,
                                         reason: heading.hasPrefix("^") ? "no such block" : "no such heading"))
            }
        }
        return broken
    }
}
