import Foundation
import NoteParser

/// Renders cleaned Markdown into a full HTML page: cmark-gfm for the body, Mustache for
/// the page, callouts and sources.
struct HTMLPage {
    let templates: PageTemplates
    let options: RenderOptions
    let unsafe: Bool

    func render(title: String, frontMatter: [(key: String, value: YAMLValue)], sources: [Source], markdown: String) -> String {
        let body = body(of: markdown, title: title)
        // Markers only add ASCII words and the body's own text: what the body lacks, the marked text lacks.
        let unused = Placeholder(unusedIn: body)
        var markers = CalloutMarkers(unusedIn: unused)
        var text = markers.mark(body)
        let highlights = options.highlights ? Highlights(unusedIn: unused) : nil
        if let highlights { text = highlights.mark(text) }
        var html = CmarkParser.renderHTML(markdown: text, unsafe: unsafe)
        html = removingFootnotesSection(html)
        for (index, callout) in markers.callouts.enumerated().reversed() {
            html = wrap(callout, number: index + 1, prefix: markers.prefix, in: html)
        }
        if let highlights { html = highlights.render(html) }
        html = URLSafety.filterAttributes(Self.identifyingHeadings(BlockIDs.render(html)))
        let backReferences = Self.backReferences(in: html)
        let meta: [[String: String]] = frontMatter.compactMap { key, value in
            guard key != "title", key != "lede", let text = Self.text(of: value) else { return nil }
            return ["key": key, "label": key.replacingOccurrences(of: "_", with: " "), "value": text]
        }
        let context: [String: Any] = [
            "title": title,
            "lede": frontMatter.first { $0.key == "lede" }.flatMap { Self.text(of: $0.value) } ?? false,
            "meta": meta,
            "hasMeta": !meta.isEmpty,
            "body": html,
            "sources": sources.map { SourceView.context($0, backReferences: backReferences[$0.number] ?? [], unsafe: unsafe) },
            "hasSources": !sources.isEmpty,
            "sourcesHeading": options.sourcesHeading,
            "stylesheet": templates.stylesheet,
        ]
        return templates.render(context, template: "page")
    }

    /// The body without front matter, a first heading repeating the page title, and the
    /// sources heading (the definitions stay for cmark-gfm to link the references; its
    /// footnotes section is replaced afterwards).
    private func body(of markdown: String, title: String) -> String {
        guard let note = try? NoteParser().parse(bytes: Array(markdown.utf8), path: "") else { return markdown }
        var edits = SourceEdits(source: note.source)
        if let frontMatter = note.frontMatter, frontMatter.closingDelimiter != nil { edits.remove(frontMatter.range.bytes) }
        if let heading = note.headings.last(where: { $0.level == 2 && $0.text == options.sourcesHeading }) {
            edits.remove(heading.range.bytes)
        }
        if let first = note.headings.first, first.level == 1, first.text == title { edits.remove(first.range.bytes) }
        return edits.applied()
    }

    private func removingFootnotesSection(_ html: String) -> String {
        // cmark-gfm appends its section last: search backwards, past any lookalike raw HTML.
        guard let start = html.range(of: "<section class=\"footnotes\" data-footnotes>", options: .backwards),
              let end = html.range(of: "</section>\n", range: start.upperBound..<html.endIndex) else { return html }
        return String(html[..<start.lowerBound] + html[end.upperBound...])
    }

    /// Replaces callout `number`'s marker paragraphs and what they enclose with `callout.mustache`.
    private func wrap(_ callout: CalloutMarkers.Info, number: Int, prefix: String, in html: String) -> String {
        let open = "<p>\(prefix)\(number)OPEN", close = "<p>\(prefix)\(number)CLOSE</p>\n"
        guard let openStart = html.range(of: open),
              let titleEnd = html.range(of: "</p>\n", range: openStart.upperBound..<html.endIndex),
              let closeRange = html.range(of: close, range: titleEnd.upperBound..<html.endIndex) else {
            return html.replacingOccurrences(of: "\(prefix)\(number)OPEN", with: "")
                .replacingOccurrences(of: "\(prefix)\(number)CLOSE", with: "")
        }
        let title = html[openStart.upperBound..<titleEnd.lowerBound].trimmingCharacters(in: .whitespaces)
        let context: [String: Any] = [
            "type": callout.type,
            "title": title.isEmpty ? callout.type.prefix(1).uppercased() + callout.type.dropFirst() : title,
            "content": String(html[titleEnd.upperBound..<closeRange.lowerBound]),
            "foldable": callout.fold != .none,
            "open": callout.fold == .expanded,
        ]
        return String(html[..<openStart.lowerBound]) + templates.render(context, template: "callout") + html[closeRange.upperBound...]
    }

    // Regex is not Sendable, yet matching one from several threads is safe: it compiles its program once, stored atomically.
    nonisolated(unsafe) private static let heading = #/<h([1-6])>(.*?)</h\1>/#
    nonisolated(unsafe) private static let tag = #/<[^>]*>/#

    /// Gives each heading the id `[[#Heading]]` links resolve to: the slug of its text, made unique.
    private static func identifyingHeadings(_ html: String) -> String {
        var taken = Set(["sources-heading"])
        return html.replacing(heading) { match in
            let base = Slug.make(String(match.2).replacing(tag, with: ""), fallback: "section")
            var id = base, counter = 2
            while !taken.insert(id).inserted {
                id = "\(base)-\(counter)"
                counter += 1
            }
            return "<h\(match.1) id=\"\(id)\">\(match.2)</h\(match.1)>"
        }
    }

    // Regex is not Sendable, yet matching one from several threads is safe: it compiles its program once, stored atomically.
    nonisolated(unsafe) private static let referenceID = #/id="(fnref-([0-9]+)(?:-[0-9]+)?)"/#

    /// The ids cmark-gfm gave each citation marker (`fnref-2`, `fnref-2-2`...), by source number.
    private static func backReferences(in html: String) -> [Int: [String]] {
        var found: [Int: [String]] = [:]
        for match in html.matches(of: referenceID) {
            if let number = Int(match.2) { found[number, default: []].append(String(match.1)) }
        }
        return found
    }

    /// A front-matter value as one line of text; nil for maps and empty values.
    static func text(of value: YAMLValue) -> String? {
        switch value {
        case .list(let items):
            let texts = items.compactMap(\.scalarText)
            return texts.isEmpty ? nil : texts.joined(separator: ", ")
        default:
            return value.isEmpty ? nil : value.scalarText
        }
    }
}
