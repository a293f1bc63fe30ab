extension Note {
    /// What a pass over a whole vault keeps of the note once its own checks are done, so that the
    /// pass's memory does not grow with the notes' size: the front matter, headings, citations,
    /// wikilinks, comments, code ranges and diagnostics, without the body tree, links, callouts,
    /// breaks and tables; its source cut after the front matter unless `keepingBody`. Every range
    /// is still one of the whole note, and the front matter's text can be read.
    public func vaultView(keepingBody: Bool) -> Note {
        var kept = source
        if !keepingBody {
            let end = frontMatter.map { min($0.range.end.offset + 1, source.bytes.count) } ?? 0
            kept = SourceText(bytes: Array(source.bytes[..<end]))
        }
        let document = MarkdownTree.Entry(kind: .document, range: body.range, headingLevel: 0, parent: -1, end: 1, literal: nil, extra: nil)
        return Note(path: path, source: kept, frontMatter: frontMatter, bodyStartLine: bodyStartLine,
                    body: MarkdownTree(entries: [document], text: []).root, code: code, headings: headings,
                    thematicBreaks: [], callouts: [], queryCallouts: [], footnoteReferences: footnoteReferences,
                    footnoteDefinitions: footnoteDefinitions, legacyDefinitions: legacyDefinitions,
                    legacyReferences: legacyReferences, wikilinks: wikilinks, links: [], bareURLs: [], comments: comments,
                    tables: [], diagnostics: diagnostics)
    }
}
