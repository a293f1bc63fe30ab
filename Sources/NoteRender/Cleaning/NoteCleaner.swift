import Foundation
import NoteParser

/// Cleans a note by byte-range edits on its source, using the parser's ranges:
/// front matter filtered, query callouts and comments removed, citations renumbered
/// into one sources section, wikilinks and embeds turned into Markdown links.
struct NoteCleaner {
    let note: Note
    let options: RenderOptions
    let links: PublishedLinks

    func clean() -> CleanedNote {
        var edits = SourceEdits(source: note.source)
        let kept = filterFrontMatter(&edits)
        removeQueryCallouts(&edits)
        if options.removeComments { for comment in note.comments { edits.remove(comment.bytes) } }
        for heading in note.citationSections { edits.remove(heading.range.bytes) }
        for definition in note.footnoteDefinitions { edits.remove(definition.range.bytes) }
        for definition in note.legacyDefinitions { edits.remove(definition.range.bytes) }
        let removals = edits
        let numbering = CitationNumbering(note: note, isRemoved: removals.overlaps)
        for marker in numbering.markers { replace(marker, in: &edits) }
        for wikilink in note.wikilinks { edits.replace(wikilink.range.bytes, with: markdown(for: wikilink)) }

        var markdown = edits.applied()
        if !numbering.sources.isEmpty {
            markdown = markdown.trimmingTrailingWhitespace() + "\n\n## \(options.sourcesHeading)\n\n"
                + numbering.sources.map(\.definitionLine).joined(separator: "\n\n") + "\n"
        }
        if options.tidyWhitespace { markdown = WhitespaceTidy.tidy(markdown) }
        let warnings = numbering.undefinedLabels.map { "citation [^\($0)] has no definition; dropped" }
        return CleanedNote(path: note.path, title: NoteRenderer.title(of: note), frontMatter: kept, sources: numbering.sources,
                           markdown: markdown, warnings: warnings)
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
        for query in note.queryCallouts where query.callout.depth == 0 {
            let callout = query.callout
            switch options.queryCallouts {
            case .remove:
                if let response = query.responseRange {
                    edits.replace(callout.range.start.offset..<response.start.offset, with: "")
                } else {
                    edits.remove(callout.range.bytes)
                }
            case .aside:
                let end = callout.typeRange.end.offset + (callout.fold == .none ? 0 : 1)
                edits.replace(callout.typeRange.start.offset..<end, with: "[!query]-")
            }
        }
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

    private func markdown(for wikilink: Wikilink) -> String {
        let fileExtension = URL(fileURLWithPath: wikilink.target).pathExtension.lowercased()
        if wikilink.isEmbed, Self.imageExtensions.contains(fileExtension) {
            let encoded = wikilink.target.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? wikilink.target
            let alt = URL(fileURLWithPath: wikilink.target).deletingPathExtension().lastPathComponent
            return MarkdownText.link(alt, url: options.embedPattern.replacingOccurrences(of: "{target}", with: encoded), isImage: true)
        }
        let text = wikilink.alias ?? (wikilink.target.isEmpty ? wikilink.heading ?? "" : wikilink.target)
        guard let url = links.url(target: wikilink.target, heading: wikilink.heading) else { return MarkdownText.escape(text) }
        return MarkdownText.link(text, url: url)
    }

    /// Whitespace, or a character that may close the sentence around a marker (quotes, emphasis).
    private static func endsSentence(_ byte: UInt8) -> Bool {
        " \t\r\n)]*_\"'".utf8.contains(byte) || byte >= 0x80
    }

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp"]
}


extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
