import Foundation
import NoteMustache
import NoteParser

/// Fills note embeds (`![[note]]`, `![[note#heading]]`, `![[note#^block]]`) with the embedded
/// text, cleaned and rendered as the page is. An embed alone in its paragraph or list item
/// becomes a `<div class="transclusion">`; one within other text, a cycle, one nested deeper
/// than `maxDepth` or past `maxPerPage` stays a link, as does a heading or block the note lacks
/// (reported).
struct Transclusions {
    static let maxDepth = 4
    /// Embeds filled on one page, at every depth; later ones stay links.
    static let maxPerPage = 200

    /// The notes of the pages that can be embedded, by plan index.
    let notes: [Int: Note]
    let plan: SitePlan
    let options: RenderOptions
    let links: PublishedLinks
    let page: HTMLPage

    /// What went wrong with an embed in the note at vault path `path` (positions are the
    /// note's own only for embeds of the page itself, `nested` false).
    struct Problem {
        let path: String
        let nested: Bool
        let link: Wikilink
        let reason: String
    }

    /// What filling a page's embeds found.
    struct Found {
        /// The vault files the embedded text shows or links, to copy.
        var assets: [String] = []
        var problems: [Problem] = []
        /// Embeds filled so far.
        var filled = 0
    }

    /// `html` (of the note at vault path `path`) with every placeholder replaced. `stack` holds,
    /// for each embed around it, the embedding note's path and the embed's `note#heading`.
    func fill(_ html: String, _ transclusions: [Transclusion], in path: String, stack: [String] = [], found: inout Found) -> String {
        // Each placeholder is found in the page's own HTML before any embedded text goes in,
        // so text of an embedded note can never stand for a placeholder of the page.
        var places: [(range: Range<String.Index>, block: String?, link: String)] = []
        for transclusion in transclusions {
            guard let range = html.range(of: transclusion.placeholder) else { continue }
            let key = transclusion.target + "#" + (transclusion.link.heading ?? "")
            let label = transclusion.link.alias ?? transclusion.link.target + (transclusion.link.heading.map { " › " + $0 } ?? "")
            let link = "<a href=\"\(HTMLText.escape(transclusion.url))\">\(HTMLText.escape(label))</a>"
            var content: String?
            // The page and the notes being embedded: embedding any of them again could not end.
            if (stack + [path]).contains(where: { $0 == transclusion.target || $0.hasPrefix(transclusion.target + "#") }) {
                found.problems.append(Problem(path: path, nested: !stack.isEmpty, link: transclusion.link, reason: "embeds a note that embeds it (a cycle); linked instead"))
            } else if stack.count / 2 >= Self.maxDepth {
                found.problems.append(Problem(path: path, nested: !stack.isEmpty, link: transclusion.link, reason: "embeds nested more than \(Self.maxDepth) deep; linked instead"))
            } else if found.filled >= Self.maxPerPage {
                found.problems.append(Problem(path: path, nested: !stack.isEmpty, link: transclusion.link, reason: "more than \(Self.maxPerPage) embeds on the page; linked instead"))
            } else if let fragment = fragment(transclusion) {
                found.filled += 1
                content = fragmentHTML(fragment, of: transclusion.target, stack: stack + [path, key], found: &found)
            } else {
                found.problems.append(Problem(path: path, nested: !stack.isEmpty, link: transclusion.link, reason: "the embedded note has no heading or block '\(transclusion.link.heading ?? "")'"))
            }
            let block = content.map { "<div class=\"transclusion\">\n<a class=\"transclusion-source\" href=\"\(HTMLText.escape(transclusion.url))\">"
                + "\(HTMLText.escape(label))</a>\n\($0)</div>" }
            places.append((range, block, link))
        }
        var output = "", cursor = html.startIndex
        for place in places.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where place.range.lowerBound >= cursor {
            var range = place.range, replacement = place.link
            // Alone in its paragraph: the paragraph becomes the block; alone in a list item: the item holds it.
            if let block = place.block, html[..<range.lowerBound].hasSuffix("<p>"), html[range.upperBound...].hasPrefix("</p>") {
                range = html.index(range.lowerBound, offsetBy: -3)..<html.index(range.upperBound, offsetBy: 4)
                replacement = block
            } else if let block = place.block, html[..<range.lowerBound].hasSuffix("<li>"), html[range.upperBound...].hasPrefix("</li>") {
                replacement = block
            }
            guard range.lowerBound >= cursor else { continue }
            output += html[cursor..<range.lowerBound] + replacement
            cursor = range.upperBound
        }
        return output + html[cursor...]
    }

    /// The embedded text rendered, its own embeds filled in turn.
    private func fragmentHTML(_ markdown: String, of path: String, stack: [String], found: inout Found) -> String {
        guard let note = try? NoteParser().parse(bytes: Array(markdown.utf8), path: path) else { return "" }
        var cleaner = NoteCleaner(note: note, vaultPath: path, options: options, links: links)
        cleaner.transcludes = true
        cleaner.linksNotes = true
        let cleaned = cleaner.clean()
        let body = page.context(title: "", frontMatter: [], sources: [], markdown: cleaned.markdown).text("body") ?? ""
        found.assets += cleaned.assets
        return fill(body, cleaned.transclusions, in: path, stack: stack, found: &found)
    }

    /// The Markdown an embed shows: the whole body, the section under a heading (to the next
    /// heading of its level or higher) or the block ending with `^id`; without front matter,
    /// citation sections and definitions. Nil when the heading or block is not there.
    func fragment(_ transclusion: Transclusion) -> String? {
        guard let index = plan.byPath[transclusion.target], let note = notes[index] else { return nil }
        let bytes = note.source.bytes
        var range = (note.frontMatter?.range.bytes.upperBound ?? 0)..<bytes.count
        var blockID: [UInt8]?
        if let heading = transclusion.link.heading, heading.hasPrefix("^") {
            let id = Array(heading.utf8)
            guard let block = Self.block(id, in: note) else { return nil }
            range = block
            blockID = id
        } else if let heading = transclusion.link.heading {
            let slug = Slug.make(heading, fallback: "")
            guard let position = note.headings.firstIndex(where: { !$0.isCitationSection && Slug.make($0.text, fallback: "") == slug })
            else { return nil }
            let found = note.headings[position]
            let next = note.headings[(position + 1)...].first { $0.level <= found.level }
            range = found.range.start.offset..<(next?.range.start.offset ?? bytes.count)
        }
        let removed = (note.footnoteDefinitions.map(\.range.bytes) + note.legacyDefinitions.map(\.range.bytes)
            + note.citationSections.map(\.range.bytes)).sorted { $0.lowerBound < $1.lowerBound }
        var output: [UInt8] = [], cursor = range.lowerBound
        for cut in removed where cut.upperBound > cursor && cut.lowerBound < range.upperBound {
            if cut.lowerBound > cursor { output += bytes[cursor..<cut.lowerBound] }
            cursor = max(cursor, cut.upperBound)
        }
        if cursor < range.upperBound { output += bytes[cursor..<range.upperBound] }
        var text = String(decoding: output, as: UTF8.self)
        if let blockID { text = text.replacingOccurrences(of: " " + String(decoding: blockID, as: UTF8.self), with: "") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }

    /// The block ending with ` ^id`: its list item's line, else its paragraph (lines up to blank ones).
    private static func block(_ id: [UInt8], in note: Note) -> Range<Int>? {
        let source = note.source, bytes = source.bytes
        let marker = [UInt8(ascii: " ")] + id
        var search = 0
        while let hit = source.find(marker, in: search..<bytes.count) {
            search = hit + 1
            let end = hit + marker.count
            guard end == bytes.count || bytes[end] == UInt8(ascii: "\n") || bytes[end] == UInt8(ascii: "\r") else { continue }
            guard !note.code.contains(hit) else { continue }
            var lineStart = hit
            while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
            let line = source.string(lineStart..<end).trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") || line.first?.isNumber == true && line.contains(". ") {
                return lineStart..<end
            }
            var start = lineStart
            while start > 0 {
                var previous = start - 1
                while previous > 0, bytes[previous - 1] != UInt8(ascii: "\n") { previous -= 1 }
                if source.string(previous..<(start - 1)).isBlank { break }
                start = previous
            }
            return start..<end
        }
        return nil
    }
}
