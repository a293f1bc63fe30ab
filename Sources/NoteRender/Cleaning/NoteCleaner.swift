import Foundation
import NoteParser

/// Cleans a note by byte-range edits on its source, using the parser's ranges:
/// front matter filtered, query callouts and comments removed, citations renumbered
/// into one sources section, wikilinks, embeds and relative images turned into Markdown links.
struct NoteCleaner {
    let note: Note
    /// The note's path relative to the vault root, which its links are resolved from.
    let vaultPath: String
    let options: RenderOptions
    let links: PublishedLinks
    /// Leave embeds of rendered notes as placeholders (`CleanedNote.transclusions`) instead of links.
    var transcludes = false
    /// Turn relative Markdown links to notes (`[x](Other.md)`) into links to their pages, or
    /// their text when the note is not rendered (`CleanedNote.unlinkedNoteLinks`), as wikilinks are.
    var linksNotes = false

    func clean() -> CleanedNote {
        var edits = SourceEdits(source: note.source)
        var assets: [String] = []
        var unlinked: [Wikilink] = [], transclusions: [Transclusion] = []
        // Chosen when the first note embed is met: most notes have none, and choosing reads the whole note.
        var embedPrefix: String?
        let kept = filterFrontMatter(&edits)
        removeQueryCallouts(&edits)
        if options.removeComments { for comment in note.comments { edits.remove(comment.bytes) } }
        for heading in note.citationSections { edits.remove(heading.range.bytes) }
        let definitions = note.footnoteDefinitions.map(\.range.bytes) + note.legacyDefinitions.map(\.range.bytes)
        for definition in definitions { edits.remove(definition) }
        CitationLabels.ranges(before: definitions, in: note).forEach { edits.remove($0) }
        let removals = edits
        let numbering = CitationNumbering(note: note, isRemoved: removals.overlaps)
        for marker in numbering.markers { replace(marker, in: &edits) }
        var destinations = PublishedLinks.Destinations(links: links, source: vaultPath)
        for wikilink in note.wikilinks {
            let destination = destinations.of(wikilink)
            if transcludes, wikilink.isEmbed, case .page(let url) = destination, !wikilink.target.isEmpty,
               let target = links.notePath(of: wikilink, from: vaultPath) {
                let prefix = embedPrefix ?? Placeholder(unusedIn: note.source.string(0..<note.source.bytes.count)).prefix("NOTEKITEMBED")
                embedPrefix = prefix
                let placeholder = "\(prefix)\(transclusions.count + 1)Z"
                if edits.replace(wikilink.range.bytes, with: placeholder) {
                    transclusions.append(Transclusion(link: wikilink, target: target, url: url, placeholder: placeholder))
                }
                continue
            }
            if convert(wikilink, in: &edits, assets: &assets, destinations: &destinations), destination == .none {
                unlinked.append(wikilink)
            }
        }
        for image in note.links where image.isImage { relink(image, in: &edits, assets: &assets) }
        var unlinkedNoteLinks: [MarkdownLink] = []
        if linksNotes {
            for link in note.links where !link.isImage && relinkNote(link, in: &edits) { unlinkedNoteLinks.append(link) }
        }

        var markdown = edits.applied()
        var sources = numbering.sources
        for index in sources.indices {
            sources[index].text = convertingWikilinks(in: sources[index].text, assets: &assets, destinations: &destinations)
        }
        if !sources.isEmpty {
            markdown = markdown.trimmingTrailingWhitespace() + "\n\n## \(options.sourcesHeading)\n\n"
                + sources.map(\.definitionLine).joined(separator: "\n\n") + "\n"
        }
        if options.tidyWhitespace { markdown = WhitespaceTidy.tidy(markdown) }
        var seen = Set<String>()
        var cleaned = CleanedNote(path: note.path, title: NoteRenderer.title(of: note), frontMatter: kept, sources: sources,
                                  markdown: markdown, warnings: warnings(numbering, sources: sources),
                                  assets: assets.filter { seen.insert($0).inserted })
        cleaned.unlinked = unlinked
        cleaned.unlinkedNoteLinks = unlinkedNoteLinks
        cleaned.transclusions = transclusions
        return cleaned
    }

    /// Citations without a definition, and definitions no kept citation cites: both dropped.
    private func warnings(_ numbering: CitationNumbering, sources: [Source]) -> [RenderWarning] {
        let cited = Set(sources.flatMap(\.labels).map { $0.lowercased() })
        let uncited = note.footnoteDefinitions.filter { !cited.contains($0.label.lowercased()) }.map { ("[^\($0.label)]", $0.range.start) }
            + note.legacyDefinitions.filter { !cited.contains(String($0.number)) }.map { ("[\($0.number)]", $0.range.start) }
        var warned = Set<String>()
        return numbering.undefinedLabels.map {
            RenderWarning(path: note.path, position: note.source.position(at: $0.offset), message: "citation [^\($0.label)] has no definition; dropped")
        } + uncited.filter { warned.insert($0.0).inserted }.map {
            RenderWarning(path: note.path, position: $0.1, message: "definition \($0.0) is cited nowhere; dropped")
        }
    }

    /// Rewrites the front matter with the kept keys; returns them with their values.
    private func filterFrontMatter(_ edits: inout SourceEdits) -> [(key: String, value: YAMLValue)] {
        guard let frontMatter = note.frontMatter, frontMatter.closingDelimiter != nil else { return [] }
        let kept = frontMatter.entries.filter { options.frontMatter.keeps($0.key) }
        if kept.isEmpty {
            edits.remove(frontMatter.range.bytes)
        } else {
            edits.replace(frontMatter.range.bytes, with: "---\n" + kept.map(\.raw).joined(separator: "\n") + "\n---")
        }
        var seen = Set<String>()
        return kept.reversed().filter { seen.insert($0.key).inserted }.reversed()
            .compactMap { entry in entry.value.map { (entry.key, $0) } }
    }

    private func removeQueryCallouts(_ edits: inout SourceEdits) {
        // A callout headed by a query; not one that only holds a quoted query among other text.
        for query in note.queryCallouts where query.callout.depth == 0 && query.headerRange.start.line == query.callout.range.start.line {
            let callout = query.callout
            switch options.queryCallouts {
            case .remove:
                // Empty `>` lines after the callout would be left as an empty block quote.
                let end = emptyQuoteLinesEnd(after: callout.range.end.offset)
                if let response = query.responseRange, response.start.offset >= end {
                    edits.replace(callout.range.start.offset..<response.start.offset, with: "")
                } else {
                    edits.remove(callout.range.start.offset..<end)
                }
            case .aside:
                let end = callout.typeRange.end.offset + (callout.fold == .none ? 0 : 1)
                edits.replace(callout.typeRange.start.offset..<end, with: "[!query]-")
            }
        }
    }

    /// Among the blank lines and lines of bare `>` markers from `offset` on, the end (before
    /// its newline) of the last line holding a `>`; `offset` when none does.
    private func emptyQuoteLinesEnd(after offset: Int) -> Int {
        let bytes = note.source.bytes
        var end = offset, index = offset
        while index < bytes.count {
            var lineEnd = index
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = bytes[index..<lineEnd]
            guard line.allSatisfy({ " \t\r>".utf8.contains($0) }) else { break }
            index = min(lineEnd + 1, bytes.count)
            if line.contains(UInt8(ascii: ">")) { end = lineEnd }
        }
        return end
    }

    /// Writes a run of markers as `[^n]` references, after the punctuation that follows it.
    private func replace(_ marker: CitationNumbering.Marker, in edits: inout SourceEdits) {
        if let kept = marker.keptText {
            edits.replace(marker.range, with: kept)
            return
        }
        let references = marker.numbers.map { "[^\($0)]" }.joined()
        let bytes = note.source.bytes
        var end = marker.range.upperBound
        while end < bytes.count, ".,;:!?".utf8.contains(bytes[end]) { end += 1 }
        let followedBySpace = end == bytes.count || Self.endsSentence(bytes[end])
        guard options.markersAfterPunctuation, !references.isEmpty, end > marker.range.upperBound, followedBySpace else {
            edits.replace(marker.range, with: references)
            return
        }
        var start = marker.range.lowerBound
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
        if start == 0 || bytes[start - 1] == UInt8(ascii: "\n") { start = marker.range.lowerBound }
        edits.replace(start..<end, with: note.source.string(marker.range.upperBound..<end) + references)
    }

    /// Replaces a wikilink (unless it lies in removed text; returns whether it was replaced)
    /// and notes the vault file it shows or links.
    @discardableResult
    private func convert(_ wikilink: Wikilink, in edits: inout SourceEdits, assets: inout [String],
                         destinations: inout PublishedLinks.Destinations) -> Bool {
        let destination = destinations.of(wikilink)
        guard edits.replace(wikilink.range.bytes, with: markdown(for: wikilink, destination: destination)) else { return false }
        if case .asset(let path, _) = destination { assets.append(path) }
        return true
    }

    /// A wikilink as a Markdown link (or its text when it leads nowhere), an image embed as an image.
    private func markdown(for wikilink: Wikilink, destination: PublishedLinks.Destination) -> String {
        if wikilink.isEmbed, Self.imageExtensions.contains(URL(fileURLWithPath: wikilink.target).pathExtension.lowercased()) {
            let alt = URL(fileURLWithPath: wikilink.target).deletingPathExtension().lastPathComponent
            return MarkdownText.link(alt, url: imageURL(destination, written: wikilink.target), isImage: true)
        }
        let text = wikilink.alias ?? (wikilink.target.isEmpty ? wikilink.heading ?? "" : wikilink.target)
        guard let url = destination.url else { return MarkdownText.escape(text) }
        return MarkdownText.link(text, url: url)
    }

    /// A relative image `![alt](pic.png)` of a vault file, pointed at its copy in the output.
    private func relink(_ image: MarkdownLink, in edits: inout SourceEdits, assets: inout [String]) {
        let destination = links.image(image.destination, from: vaultPath)
        guard case .asset(let path, _) = destination,
              edits.replace(image.range.bytes, with: MarkdownText.link(image.text, url: imageURL(destination, written: path), isImage: true))
        else { return }
        assets.append(path)
    }

    /// A relative inline link to a note, `[text](Other.md#heading)`: its destination replaced by
    /// the note's page, or the link by its text when the note is not rendered (returns true
    /// then). Reference links (`[text][1]`) are left as written: their definitions are the writer's.
    private func relinkNote(_ link: MarkdownLink, in edits: inout SourceEdits) -> Bool {
        guard let destination = links.noteLink(link.destination, from: vaultPath) else { return false }
        let bytes = note.source.bytes, range = link.range.bytes
        guard range.count > 3, bytes[range.lowerBound] == UInt8(ascii: "["), bytes[range.upperBound - 1] == UInt8(ascii: ")") else { return false }
        // The `]` closing the text: brackets in the text are balanced or escaped.
        var index = range.lowerBound + 1, depth = 0
        while index < range.upperBound - 1 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") {
                if depth == 0 { break }
                depth -= 1
            }
            index += 1
        }
        guard index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "(") else { return false }
        let text = (range.lowerBound + 1)..<index
        guard let url = destination.url else {
            return edits.replace(range, with: note.source.string(text))
        }
        // The destination as written: `<...>` or up to the first space, after the `(`.
        var start = index + 2
        while start < range.upperBound - 1, Byte.isWhitespace(bytes[start]) { start += 1 }
        var end = start
        if end < range.upperBound, bytes[end] == UInt8(ascii: "<") {
            while end < range.upperBound - 1, bytes[end] != UInt8(ascii: ">") { end += 1 }
            end += 1
        } else {
            while end < range.upperBound - 1, !Byte.isWhitespace(bytes[end]) { end += 1 }
        }
        guard end > start, end <= range.upperBound - 1 else { return false }
        _ = edits.replace(start..<end, with: url)
        return false
    }

    /// The `embed_pattern` URL of an image: its copy in the output, else its target as written.
    private func imageURL(_ destination: PublishedLinks.Destination, written: String) -> String {
        let target: String
        if case .asset(_, let url) = destination {
            target = url
        } else {
            target = written.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? written
        }
        return options.embedPattern.replacingOccurrences(of: "{target}", with: target)
    }

    /// A definition's text with its wikilinks converted as in the body.
    private func convertingWikilinks(in text: String, assets: inout [String], destinations: inout PublishedLinks.Destinations) -> String {
        // Bytes first: a text without `[[` bytes holds no `[[` characters (most definitions).
        guard text.byteRange(of: "[[") != nil, text.contains("[["), let parsed = try? NoteParser().parse(bytes: Array(text.utf8), path: note.path),
              !parsed.wikilinks.isEmpty else { return text }
        var edits = SourceEdits(source: parsed.source)
        for wikilink in parsed.wikilinks { convert(wikilink, in: &edits, assets: &assets, destinations: &destinations) }
        return edits.applied()
    }

    /// Whitespace, or a character that may close the sentence around a marker (quotes, emphasis).
    private static func endsSentence(_ byte: UInt8) -> Bool {
        " \t\r\n)]*_\"'".utf8.contains(byte) || byte >= 0x80
    }

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp"]
}
