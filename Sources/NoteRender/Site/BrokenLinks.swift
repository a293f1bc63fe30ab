import NoteParser

/// A wikilink or embed of a published page that leads to no page of the site: its target is
/// not in the vault, is a note the site does not publish, or is an embed that could not be filled.
public struct BrokenLink: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The linking note's path, as given.
    public let path: String
    /// Where the link is in the note; nil for links within embedded text.
    public let position: SourcePosition?
    /// The link as a reader wrote it: target, `#heading`.
    public let target: String
    public let reason: String

    /// `path:line:col: target (reason)`, for the report at the end of a site build.
    public var description: String {
        "\(path):" + (position.map { "\($0.line):\($0.column):" } ?? "") + " \(target) (\(reason))"
    }

    static func target(of link: Wikilink) -> String { link.target + (link.heading.map { "#" + $0 } ?? "") }
}



/// Finding links that land on a page but on no heading or block of it.
enum BrokenLinks {
    /// Wikilinks of published pages to a published page's `#heading` or `#^block` it does not have.
    static func missingAnchors(_ plan: SitePlan, notes: [Note], links: PublishedLinks) -> [BrokenLink] {
        var broken: [BrokenLink] = []
        for page in plan.pages {
            let note = notes[page.note]
            for link in note.wikilinks where !link.isEmbed {
                guard let heading = link.heading, !heading.isEmpty else { continue }
                let target: Note
                if link.target.isEmpty {
                    target = note
                } else {
                    guard let path = links.notePath(of: link, from: page.vaultPath), let index = plan.byPath[path] else { continue }
                    target = notes[plan.pages[index].note]
                }
                guard !has(heading, in: target) else { continue }
                broken.append(BrokenLink(path: note.path, position: link.range.start, target: BrokenLink.target(of: link),
                                         reason: heading.hasPrefix("^") ? "no such block" : "no such heading"))
            }
        }
        return broken
    }

    private static func has(_ heading: String, in note: Note) -> Bool {
        if heading.hasPrefix("^") {
            let marker = Array((" " + heading).utf8), bytes = note.source.bytes
            var search = 0
            while let hit = note.source.find(marker, in: search..<bytes.count) {
                let end = hit + marker.count
                if end == bytes.count || bytes[end] == UInt8(ascii: "\n") || bytes[end] == UInt8(ascii: "\r") { return true }
                search = hit + 1
            }
            return false
        }
        let slug = Slug.make(heading, fallback: "")
        return note.headings.contains { Slug.make($0.text, fallback: "") == slug }
    }
}
