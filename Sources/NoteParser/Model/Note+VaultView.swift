extension Note {
    /// What a pass over a whole vault keeps of the note once its own checks are done, so that the
    /// pass's memory does not grow with the notes' size: the front matter entries of the keys
    /// `isKept` accepts, legacy citations, wikilinks, comments and diagnostics, each in storage of
    /// its size. Without `keepingBody`, the source is cut after the front matter and code ranges,
    /// footnote definitions and references are left out; the body tree (an empty document without
    /// a range, shared by every view), headings, links, callouts, breaks and tables always are, and
    /// legacy citations without `keepingLegacy`. Every range is still one of the whole note.
    public func vaultView(keepingBody: Bool, keepingLegacy: Bool, frontMatterKeys isKept: (String) -> Bool) -> Note {
        var kept = source
        if !keepingBody {
            kept = source.prefix(frontMatter.map { min($0.range.end.offset + 1, source.bytes.count) } ?? 0)
        }
        return Note(path: path, source: kept, frontMatter: frontMatter?.keeping(isKept, holding: kept.bytes), bodyStartLine: bodyStartLine,
                    body: Self.emptyBody.root, code: keepingBody ? code : CodeRanges(ranges: []), headings: [],
                    thematicBreaks: [], callouts: [], queryCallouts: [], footnoteReferences: keepingBody ? footnoteReferences : [],
                    footnoteDefinitions: keepingBody ? footnoteDefinitions : [], legacyDefinitions: keepingLegacy ? legacyDefinitions.compacted : [],
                    legacyReferences: keepingLegacy ? legacyReferences.compacted : [], wikilinks: wikilinks.compacted, links: [], bareURLs: [],
                    comments: comments.compacted, tables: [], diagnostics: diagnostics.compacted)
    }

    /// The body of every vault view: a document without children or range.
    private static let emptyBody = MarkdownTree(entries: [MarkdownTree.Entry(kind: .document, range: nil, headingLevel: 0, parent: -1, end: 1,
                                                                             literal: nil, extra: nil)], text: [])
}

extension FrontMatter {
    /// The block with only the entries whose key `isKept` accepts, their raw text read from
    /// `bytes` (a view's source, which holds the block), so that they do not keep the whole note.
    func keeping(_ isKept: (String) -> Bool, holding bytes: [UInt8]) -> FrontMatter {
        // The keys are tested in place and only the kept entries copied, once, into storage of
        // their count (`filter` copies every entry to test it, and grows its result by appends).
        let kept = entries.indices.filter { isKept(entries[$0].key) }
        return FrontMatter(range: range, openingDelimiter: openingDelimiter, closingDelimiter: closingDelimiter, contentRange: contentRange,
                           entries: kept.map { index in
                               var entry = entries[index]
                               entry.sourceBytes = bytes
                               return entry
                           }, error: error, secondBlock: secondBlock, isFlow: isFlow)
    }
}

private extension Array {
    /// The elements in storage of their count: an array grown by appends may hold twice that.
    var compacted: [Element] { capacity == count ? self : withUnsafeBufferPointer { Array($0) } }
}
