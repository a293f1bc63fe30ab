import Foundation
import NoteMustache
import NoteParser

/// Renders cleaned Markdown into a full HTML page: cmark-gfm for the body, Mustache for
/// the page, callouts and sources.
struct HTMLPage {
    let templates: PageTemplates
    let options: RenderOptions
    let unsafe: Bool

    func render(title: String, frontMatter: [(key: String, value: YAMLValue)], sources: [Source], markdown: String) -> String {
        templates.render(context(title: title, frontMatter: frontMatter, sources: sources, markdown: markdown), template: "page")
    }

    /// The template context of a page: title, lede, meta, body HTML, sources and stylesheet.
    /// `isNote` false renders Markdown the site wrote (an index) whole: its headings all kept,
    /// without the callout, highlight and footnote passes a note's body gets. `html`, when
    /// given, is the body as it is (an index page's list written directly), `markdown` unused.
    func context(title: String, frontMatter: [(key: String, value: YAMLValue)], sources: [Source], markdown: String,
                 isNote: Bool = true, html body: String? = nil) -> TemplateObject {
        let html = body ?? (isNote ? noteHTML(markdown, title: title)
            : URLSafety.filterAttributes(HeadingIDs.render(CmarkParser.renderHTML(markdown: markdown, unsafe: unsafe))))
        // Only sources link back to their markers: a page without sources needs no search for them.
        let backReferences = sources.isEmpty ? [:] : Self.backReferences(in: html)
        let meta: [TemplateValue] = frontMatter.compactMap { key, value in
            guard key != "title", key != "lede", let text = Self.text(of: value) else { return nil }
            return .object(["key": .text(key), "label": .text(Self.label(of: key)), "value": .text(text)])
        }
        return [
            "title": .text(title),
            "lede": .text(orFalse: frontMatter.first { $0.key == "lede" }.flatMap { Self.text(of: $0.value) }),
            "meta": .list(meta),
            "hasMeta": .flag(!meta.isEmpty),
            "body": .text(html),
            "sources": .list(sources.map { .object(SourceView.context($0, backReferences: backReferences[$0.number] ?? [], unsafe: unsafe)) }),
            "hasSources": .flag(!sources.isEmpty),
            "sourcesHeading": .text(options.sourcesHeading),
            "stylesheet": .text(templates.stylesheet),
        ]
    }

    /// A note's body as HTML: callouts boxed, highlights marked, footnotes section removed,
    /// heading and block ids added, URLs that run script emptied.
    private func noteHTML(_ markdown: String, title: String) -> String {
        // Markers only add ASCII words and the page's own text: what the page lacks, the marked text lacks.
        let unused = Placeholder(unusedIn: markdown)
        var markers = CalloutMarkers(unusedIn: unused)
        let highlights = options.highlights ? Highlights(unusedIn: unused) : nil
        var html: String
        if highlights.map({ _ in !Highlights.holdsOne(markdown) }) ?? true, let body = oneParseBodyHTML(markdown, title: title, markers: &markers) {
            html = body
        } else {
            var text = markedBody(of: markdown, title: title, markers: &markers)
            if let highlights { text = highlights.mark(text) }
            html = CmarkParser.renderHTML(markdown: text, unsafe: unsafe)
        }
        html = removingFootnotesSection(html)
        var template = CalloutTemplate(templates: templates, prefix: markers.prefix)
        if let wrapped = wrapAll(markers.callouts, prefix: markers.prefix, in: html, template: &template) {
            html = wrapped
        } else {
            for (index, callout) in markers.callouts.enumerated().reversed() {
                html = wrap(callout, number: index + 1, prefix: markers.prefix, in: html, template: &template)
            }
        }
        if let highlights { html = highlights.render(html) }
        html = URLSafety.filterAttributes(HeadingIDs.render(BlockIDs.render(html)))
        return html
    }

    /// The body (front matter, a first heading repeating the page title and the sources
    /// heading removed; the definitions stay for cmark-gfm to link the references, its
    /// footnotes section is replaced afterwards) with its callouts marked. The removals and
    /// the first pass of callout markers are edits of one parse when the removals cannot change
    /// which callouts the body holds; else the body is parsed again before marking.
    func markedBody(of markdown: String, title: String, markers: inout CalloutMarkers) -> String {
        guard let note = try? NoteParser().parse(bytes: Array(markdown.utf8), path: "", scans: .callouts) else { return markers.mark(markdown) }
        var edits = SourceEdits(source: note.source)
        if let frontMatter = note.frontMatter, frontMatter.closingDelimiter != nil { edits.remove(frontMatter.range.bytes) }
        if let heading = note.headings.last(where: { $0.level == 2 && $0.text == options.sourcesHeading }) {
            edits.remove(heading.range.bytes)
        }
        if let first = note.headings.first, first.level == 1, first.text == title { edits.remove(Self.ownLines(of: first, in: note.source)) }
        var marked = markers, both = edits
        if Self.removalsKeepCallouts(edits, of: note), marked.markOuter(note, into: &both) {
            markers = marked
            return markers.markNested(both.applied(), after: note)
        }
        return markers.mark(edits.applied())
    }

    /// A heading's byte range, ended on its own last line: cmark-gfm may end a setext heading's
    /// range on the line after its underline, and removing that line would hide what it holds.
    static func ownLines(of heading: Heading, in source: SourceText) -> Range<Int> {
        let range = heading.range.bytes, first = heading.range.start.line
        for line in stride(from: heading.range.end.line, to: first, by: -1) where line <= source.lineCount {
            let marks = source.bytes[source.lineRange(line)].filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
            if let mark = marks.first, mark == UInt8(ascii: "=") || mark == UInt8(ascii: "-"), marks.allSatisfy({ $0 == mark }) {
                return range.lowerBound..<min(range.upperBound, source.lineRange(line).upperBound)
            }
        }
        return range
    }

    /// True when removing `edits`' ranges (whole lines) leaves `note`'s outer callouts as they
    /// are. Each removal is the front matter or one ATX heading line (cmark-gfm may end a
    /// setext heading's range on the line after it), and has only whitespace and removed text
    /// before it (the body then starts after it), or a blank line before it and no `>` after it
    /// (the blank line closed every callout above, and no text after it can be or become a callout).
    private static func removalsKeepCallouts(_ edits: SourceEdits, of note: Note) -> Bool {
        let bytes = note.source.bytes
        var removedTo = 0
        for range in edits.edits.map(\.range).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = range.lowerBound
            if note.frontMatter == nil || start > 0 {
                let line = bytes[range], newlines = line.count { $0 == UInt8(ascii: "\n") }
                guard newlines == 0 || (newlines == 1 && line.last == UInt8(ascii: "\n")),
                      line.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "#") else { return false }
            }
            if bytes[removedTo..<start].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) {
                removedTo = range.upperBound
                continue
            }
            guard start > 0, bytes[start - 1] == UInt8(ascii: "\n"),
                  note.source.find([UInt8(ascii: ">")], in: start..<bytes.count) == nil else { return false }
            var index = start - 1
            while index > 0, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 || bytes[index - 1] == 0x0D { index -= 1 }
            guard index == 0 || bytes[index - 1] == UInt8(ascii: "\n") else { return false }
        }
        return true
    }

    private func removingFootnotesSection(_ html: String) -> String {
        // cmark-gfm appends its section last: search backwards, past any lookalike raw HTML.
        var html = html
        let opening = "<section class=\"footnotes\" data-footnotes>", closing = "</section>\n"
        let cut = html.withUTF8 { bytes -> Range<Int>? in
            func find(_ needle: String, from start: Int) -> Int? {
                guard start <= bytes.count else { return nil }
                var needle = needle
                return needle.withUTF8 { Byte.offset(of: $0, in: UnsafeBufferPointer(rebasing: bytes[start...])) }.map { start + $0 }
            }
            var start: Int?
            while let next = find(opening, from: start.map { $0 + 1 } ?? 0) { start = next }
            guard let start, let end = find(closing, from: start + opening.utf8.count) else { return nil }
            return start..<(end + closing.utf8.count)
        }
        guard let cut else { return html }
        // Cut at ASCII bytes: the pieces are joined without validating them again.
        let utf8 = html.utf8
        return String(html[..<utf8.index(utf8.startIndex, offsetBy: cut.lowerBound)]) + html[utf8.index(utf8.startIndex, offsetBy: cut.upperBound)...]
    }

    /// Every callout's marker paragraphs replaced in one pass over `html`, as `wrap` replaces
    /// them one by one (inner callouts, numbered later, first). Nil unless every marker is a
    /// paragraph of its own, each callout's once, nested callouts inside their callout.
    private func wrapAll(_ callouts: [CalloutMarkers.Info], prefix: String, in html: String, template: inout CalloutTemplate) -> String? {
        guard !callouts.isEmpty else { return html }
        let bytes = Array(html.utf8), marker = Array(prefix.utf8)
        let paragraph = Array("<p>".utf8), paragraphEnd = Array("</p>\n".utf8)
        let source = SourceText(bytes: bytes)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var open: [(number: Int, title: String, contentStart: Int)] = []
        var seen = [Bool](repeating: false, count: callouts.count + 1)
        var cursor = 0, search = 0
        while let found = source.find(marker, in: search..<bytes.count) {
            var index = found + marker.count, number = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), number <= callouts.count {
                number = number * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard source.matches(paragraph, at: found - paragraph.count), number >= 1, number <= callouts.count else { return nil }
            let start = found - paragraph.count
            output += bytes[cursor..<start]
            if source.matches(Array("OPEN".utf8), at: index) {
                guard !seen[number], open.last.map({ $0.number < number }) ?? true,
                      let titleEnd = source.find(paragraphEnd, in: (index + 4)..<bytes.count) else { return nil }
                seen[number] = true
                open.append((number, source.string((index + 4)..<titleEnd).trimmingCharacters(in: .whitespaces), output.count))
                cursor = titleEnd + paragraphEnd.count
            } else if source.matches(Array("CLOSE".utf8) + paragraphEnd, at: index), let last = open.last, last.number == number {
                open.removeLast()
                let content = String(decoding: output[last.contentStart...], as: UTF8.self)
                output.removeSubrange(last.contentStart...)
                output += callout(callouts[number - 1], title: last.title, content: content, template: &template).utf8
                cursor = index + 5 + paragraphEnd.count
            } else {
                return nil
            }
            search = cursor
        }
        guard open.isEmpty, !seen.dropFirst().contains(false) else { return nil }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    /// `callout.mustache` for a callout with its title (its type when empty) and content (HTML).
    private func callout(_ callout: CalloutMarkers.Info, title: String, content: String, template: inout CalloutTemplate) -> String {
        template.render(callout, title: title.isEmpty ? callout.type.prefix(1).uppercased() + callout.type.dropFirst() : title,
                        content: content)
    }

    /// Replaces callout `number`'s marker paragraphs and what they enclose with `callout.mustache`.
    private func wrap(_ callout: CalloutMarkers.Info, number: Int, prefix: String, in html: String,
                      template: inout CalloutTemplate) -> String {
        let open = "<p>\(prefix)\(number)OPEN", close = "<p>\(prefix)\(number)CLOSE</p>\n"
        guard let openStart = html.range(of: open),
              let titleEnd = html.range(of: "</p>\n", range: openStart.upperBound..<html.endIndex),
              let closeRange = html.range(of: close, range: titleEnd.upperBound..<html.endIndex) else {
            return html.replacingOccurrences(of: "\(prefix)\(number)OPEN", with: "")
                .replacingOccurrences(of: "\(prefix)\(number)CLOSE", with: "")
        }
        let title = html[openStart.upperBound..<titleEnd.lowerBound].trimmingCharacters(in: .whitespaces)
        return String(html[..<openStart.lowerBound])
            + self.callout(callout, title: title, content: String(html[titleEnd.upperBound..<closeRange.lowerBound]), template: &template)
            + html[closeRange.upperBound...]
    }

    /// The ids cmark-gfm gave each citation marker (`fnref-2`, `fnref-2-2`...), by source number:
    /// every `id="fnref-N"` and `id="fnref-N-M"`, found in one pass over the bytes.
    private static func backReferences(in html: String) -> [Int: [String]] {
        var html = html
        return html.withUTF8 { bytes in
            func digits(from start: Int) -> Int {
                var end = start
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
                return end
            }
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var found: [Int: [String]] = [:]
            var search = 0
            while let hit = Byte.offset(of: backReference, in: bytes, from: search) {
                let numberStart = hit + backReference.count, numberEnd = digits(from: numberStart)
                search = hit + 1
                guard numberEnd > numberStart, numberEnd < bytes.count else { continue }
                var end = numberEnd
                if bytes[end] == UInt8(ascii: "-"), case let suffixEnd = digits(from: end + 1), suffixEnd > end + 1,
                   suffixEnd < bytes.count, bytes[suffixEnd] == UInt8(ascii: "\"") {
                    end = suffixEnd
                }
                guard bytes[end] == UInt8(ascii: "\"") else { continue }
                if let number = Int(string(numberStart..<numberEnd)) {
                    found[number, default: []].append(string((hit + 4)..<end))
                }
                search = end + 1
            }
            return found
        }
    }

    private static let backReference = Array("id=\"fnref-".utf8)

    /// A front-matter key as a label, `_` shown as a space: on the bytes of an ASCII key,
    /// through Foundation (which keeps an `_` joined to a combining mark) otherwise.
    static func label(of key: String) -> String {
        guard key.utf8.contains(UInt8(ascii: "_")) else { return key }
        return key.utf8.allSatisfy { $0 < 0x80 } ? key.replacingBytes(of: "_", with: " ") : key.replacingOccurrences(of: "_", with: " ")
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
