import Foundation

/// Turns the bytes of a note into a `Note`. Never crashes on bad input: unreadable
/// files throw a located `NoteError`; everything else parses, with `diagnostics`.
public struct NoteParser: Sendable {
    /// Resource limits; inputs over them are reported, never followed.
    public struct Limits: Sendable, Hashable {
        /// Larger files are refused (never more than 4 GiB: the body tree stores 32-bit offsets).
        public var maxFileBytes = 20 * 1024 * 1024
        /// Markdown containers deeper than this are not analysed.
        public var maxMarkdownDepth = 256
        /// Values a front matter may expand to (alias bombs).
        public var maxYAMLNodes = 100_000
        /// YAML flow nesting.
        public var maxYAMLDepth = 64

        public init() {}
    }

    public let limits: Limits

    /// What a parse reads beyond the front matter and the Markdown tree (with its code,
    /// headings, thematic breaks, links and tables): a scan not asked for is not run and
    /// leaves its lists empty.
    public struct Scans: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Footnote references and definitions, legacy numeric definitions and references.
        public static let citations = Scans(rawValue: 1 << 0)
        /// Wikilinks and embeds.
        public static let wikilinks = Scans(rawValue: 1 << 1)
        /// `%%comments%%`.
        public static let comments = Scans(rawValue: 1 << 2)
        /// Lines that are a bare URL.
        public static let bareURLs = Scans(rawValue: 1 << 3)
        public static let callouts = Scans(rawValue: 1 << 4)
        /// Query callouts (read from the callouts, which are then scanned too).
        public static let queryCallouts = Scans(rawValue: 1 << 5)
        /// The tree's text: the literals of its nodes, link destinations and code blocks' info
        /// strings. Without it, only the text under headings is kept (a heading's `text`): the
        /// other nodes' `literal`, `url` and `fenceInfo` are nil, and links' text and destination empty.
        public static let literals = Scans(rawValue: 1 << 6)
        public static let all: Scans = [.citations, .wikilinks, .comments, .bareURLs, .callouts, .queryCallouts, .literals]
    }

    public init(limits: Limits = Limits()) {
        var limits = limits
        limits.maxFileBytes = min(limits.maxFileBytes, Int(UInt32.max) - 1)
        self.limits = limits
    }

    /// Reads and parses the file at `path` (with `scans`, as `parse(bytes:path:scans:)`).
    public func parse(contentsOf path: String, scans: Scans = .all) throws(NoteError) -> Note {
        try parse(bytes: read(path), path: path, scans: scans)
    }

    /// The bytes of the file at `path`, refused (as `parse(contentsOf:)` refuses it) when it
    /// cannot be read or is over `limits.maxFileBytes`.
    public func read(_ path: String) throws(NoteError) -> [UInt8] {
        do {
            return try FileReader.bytes(at: path, maxBytes: limits.maxFileBytes)
        } catch {
            switch error {
            case .tooLarge(let size):
                throw NoteError(path: path, code: .tooLarge, message: "file is \(size) bytes, over the limit of \(limits.maxFileBytes)")
            case .system(let reason):
                throw NoteError(path: path, code: .unreadable, message: "cannot read file: \(reason)")
            }
        }
    }

    /// Reads the file at `path` and refuses it as `parse(contentsOf:)` would, without parsing it.
    public func check(contentsOf path: String) throws(NoteError) {
        _ = try checked(bytes: read(path), path: path)
    }

    /// Parses the bytes of a note read from `path`; `scans` less than `.all` leaves the lists
    /// it does not scan empty (a lighter parse for a reader that needs no more: Markdown notekit
    /// wrote itself, a lint run whose rules read no more).
    public func parse(bytes: [UInt8], path: String, scans: Scans = .all) throws(NoteError) -> Note {
        assemble(source: try checked(bytes: bytes, path: path), path: path, scans: scans)
    }

    /// The text of `bytes`, unless they are over the size limit, hold a NUL byte or are not UTF-8.
    private func checked(bytes: [UInt8], path: String) throws(NoteError) -> SourceText {
        guard bytes.count <= limits.maxFileBytes else {
            throw NoteError(path: path, code: .tooLarge, message: "file is \(bytes.count) bytes, over the limit of \(limits.maxFileBytes)")
        }
        let source = SourceText(bytes: bytes)
        if let nul = source.find([0], in: 0..<bytes.count) {
            throw NoteError(path: path, code: .notText, message: "not a text file (NUL byte)", position: source.position(at: nul))
        }
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            throw NoteError(path: path, code: .invalidUTF8, message: "invalid UTF-8", position: source.position(at: bad))
        }
        return source
    }

    /// Where the body of `bytes` starts and which of its bytes are code, as `parse` finds them
    /// (refused as `parse` refuses), for a pass that needs no more: cmark-gfm runs only when
    /// the text could hold code (`CodeRanges.couldHold`) and `known` (given the text and the
    /// body's start line) does not tell the code the caller needs, and its tree is not converted.
    /// `known` is asked only when the nesting limit lets top-level blocks be read (2 or more).
    public func bodyAndCode(bytes: [UInt8], path: String,
                            known: (SourceText, _ bodyStartLine: Int) -> CodeRanges? = { _, _ in nil })
        throws(NoteError) -> (source: SourceText, bodyStartLine: Int, code: CodeRanges) {
        let source = try checked(bytes: bytes, path: path)
        let frontMatter = frontMatter(of: source)
        guard CodeRanges.couldHold(source.bytes) else {
            return (source, Self.bodyStartLine(after: frontMatter), CodeRanges(ranges: []))
        }
        if limits.maxMarkdownDepth >= 2, case let start = Self.bodyStartLine(after: frontMatter), let code = known(source, start) {
            return (source, start, code)
        }
        let (body, bodyStartLine, blankLines) = cmarkBody(of: source, frontMatter: frontMatter)
        let code = CmarkParser.codeRanges(body, afterBlankLines: blankLines,
                                          source: source, maxDepth: limits.maxMarkdownDepth)
        return (source, bodyStartLine, code)
    }

    /// The bytes cmark-gfm reads of a note, the line they start on and the empty lines to read
    /// before them: those after the front matter (read after one empty line per front-matter
    /// line, so that lines keep their numbers), with bare CRs as spaces. cmark-gfm also ends
    /// lines at a bare CR; notes end them at LF only (CRLF included), so every node's lines are
    /// the note's lines.
    private func cmarkBody(of source: SourceText, frontMatter: FrontMatter?) -> (body: ArraySlice<UInt8>, bodyStartLine: Int, blankLines: Int) {
        let cmarkStart = frontMatter?.closingDelimiter?.end.offset ?? 0
        let bodyStartLine = Self.bodyStartLine(after: frontMatter)
        var body = source.bytes[cmarkStart...]
        var carriageReturn = source.find([Byte.carriageReturn], in: cmarkStart..<source.bytes.count)
        while let index = carriageReturn {
            if index + 1 == body.endIndex || body[index + 1] != Byte.newline { body[index] = Byte.space }
            carriageReturn = source.find([Byte.carriageReturn], in: (index + 1)..<source.bytes.count)
        }
        return (body, bodyStartLine, bodyStartLine > 1 ? bodyStartLine - 2 : 0)
    }

    /// The line a note's body starts on: after the front matter's closing delimiter, else 1.
    private static func bodyStartLine(after frontMatter: FrontMatter?) -> Int {
        frontMatter?.closingDelimiter.map { $0.end.line + 1 } ?? 1
    }

    private func frontMatter(of source: SourceText) -> FrontMatter? {
        let reader = YAMLReader(limits: .init(maxNodes: limits.maxYAMLNodes, maxDepth: limits.maxYAMLDepth))
        return FrontMatterScanner(source: source, reader: reader).scan()
    }

    private func assemble(source: SourceText, path: String, scans: Scans) -> Note {
        let frontMatter = frontMatter(of: source)
        var diagnostics: [ParseDiagnostic] = []
        if let frontMatter {
            let entryErrors = frontMatter.entries.compactMap(\.error).filter { $0 != frontMatter.error }
            diagnostics += [frontMatter.error].compactMap { $0 } + entryErrors
        }
        let (body, bodyStartLine, blankLines) = cmarkBody(of: source, frontMatter: frontMatter)
        let (root, truncated) = CmarkParser.parse(body, afterBlankLines: blankLines, source: source,
                                                  maxDepth: limits.maxMarkdownDepth, literals: scans.contains(.literals))
        if let truncated {
            diagnostics.append(ParseDiagnostic(code: .nestingLimit,
                                               message: "Markdown nested deeper than \(limits.maxMarkdownDepth) levels; inner content not analysed",
                                               range: truncated))
        }
        var headings: [Heading] = []
        var breaks: [ThematicBreak] = []
        var links: [MarkdownLink] = []
        var tables: [SourceRange] = []
        var codeNodes: [(range: Range<Int>, isSpan: Bool)] = []
        var quotes: [MarkdownNode] = []
        let scansCallouts = !scans.isDisjoint(with: [.callouts, .queryCallouts])
        // One walk for all that is read from the tree (`CodeRanges(root:source:)`'s nodes, the
        // callout scanner's quotes too). The kind first: most nodes are none of these, and their
        // range is not needed.
        root.forEach(where: Self.isRead) { node in
            guard let range = node.range else { return }
            switch node.kind {
            case .codeBlock, .htmlBlock, .code:
                codeNodes.append((range.bytes, node.kind == .code))
            case .blockQuote:
                if scansCallouts { quotes.append(node) }
            case .heading:
                headings.append(Heading(node: node, range: range, isCitationSection: Self.isCitationSection(node)))
            case .thematicBreak:
                breaks.append(ThematicBreak(marker: Self.marker(of: range, in: source), range: range))
            case .link, .image:
                links.append(MarkdownLink(node: node, range: range))
            case .table:
                tables.append(range)
            default:
                break
            }
        }
        let code = CodeRanges(nodes: codeNodes, source: source)
        let callouts = scansCallouts ? CalloutScanner(source: source).callouts(in: quotes) : []
        let tableBytes = tables.map(\.bytes)
        let citations = scans.contains(.citations)
            ? CitationScanner(source: source, bodyStartLine: bodyStartLine, code: code, tables: tableBytes,
                              referenceLabels: ReferenceLinkLabels.labels(of: links, in: source)).scan()
            : nil
        let bodyStart = bodyStartLine <= source.lineCount ? source.lineStarts[bodyStartLine - 1] : source.bytes.count
        let linkScanner = LinkScanner(source: source, bodyStart: bodyStart, code: code, tables: tableBytes)
        var queryCallouts: [QueryCallout] = []
        if scans.contains(.queryCallouts) {
            let stops = (breaks.map(\.range) + headings.filter(\.isCitationSection).map(\.range)).map(\.start.line).sorted()
            queryCallouts = QueryCalloutScanner(source: source, responseStops: stops).queries(in: callouts)
        }
        return Note(path: path, source: source, frontMatter: frontMatter, bodyStartLine: bodyStartLine, body: root, code: code,
                    headings: headings, thematicBreaks: breaks, callouts: callouts, queryCallouts: queryCallouts,
                    footnoteReferences: citations?.references ?? [], footnoteDefinitions: citations?.definitions ?? [],
                    legacyDefinitions: citations?.legacyDefinitions ?? [], legacyReferences: citations?.legacyReferences ?? [],
                    wikilinks: scans.contains(.wikilinks) ? linkScanner.wikilinks() : [], links: links,
                    bareURLs: scans.contains(.bareURLs) ? linkScanner.bareURLs(from: bodyStartLine) : [],
                    comments: scans.contains(.comments) ? linkScanner.comments() : [], tables: tables, diagnostics: diagnostics)
    }

    /// The kinds of the nodes `assemble` reads from the tree.
    private static func isRead(_ kind: MarkdownNode.Kind) -> Bool {
        switch kind {
        case .heading, .thematicBreak, .link, .image, .table, .codeBlock, .htmlBlock, .code, .blockQuote: true
        default: false
        }
    }

    static let citationSectionTitles: Set<String> = ["citations", "sources", "footnotes", "references", "works cited"]

    /// The bytes around a citation section's title: `*_:#`, space and tab.
    private static func isTitleDecoration(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "#"), Byte.space, Byte.tab: return true
        default: return false
        }
    }

    static func isCitationSectionTitle(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isTitleDecoration($0) }),
              let last = bytes.lastIndex(where: { !isTitleDecoration($0) }),
              // The titles are ASCII and at most 11 bytes long; the cleaned text holds at least
              // the bytes from `first` to `last` (most headings are longer: no cut by characters).
              bytes.distance(from: first, to: last) < 11 else { return false }
        let cleaned = text[first...last]
        return cleaned.utf8.count <= 11 && citationSectionTitles.contains(cleaned.lowercased())
    }

    /// `isCitationSectionTitle` of a heading's plain text.
    private static func isCitationSection(_ heading: MarkdownNode) -> Bool {
        heading.withPlainTextBytes(isCitationSectionTitle(bytes:))
    }

    /// `citationSectionTitles` as bytes.
    private static let citationSectionTitleBytes = citationSectionTitles.map { Array($0.utf8) }

    /// `isCitationSectionTitle` of the text of `bytes`, made a string only when its bytes pass
    /// the test on their length first (most headings' do not) and are not all ASCII without
    /// `\r`: such a text is one character a byte, its cleaned bytes lowercased compared in place.
    static func isCitationSectionTitle(bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.firstIndex(where: { !isTitleDecoration($0) }),
              let last = bytes.lastIndex(where: { !isTitleDecoration($0) }), last - first < 11 else { return false }
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != Byte.carriageReturn }) else {
            return isCitationSectionTitle(String(decoding: bytes, as: UTF8.self))
        }
        let cleaned = bytes[first...last]
        return citationSectionTitleBytes.contains { $0.elementsEqual(cleaned.lazy.map(Byte.lowercased)) }
    }

    /// The character a thematic break is drawn with: its range's first that is not whitespace.
    private static func marker(of range: SourceRange, in source: SourceText) -> String {
        // A break's range starts at its marker (cmark-gfm places it after any indent): an ASCII
        // byte followed by one (no mark combines with it) is the character; a string of the
        // whole range is made only for other starts.
        let bytes = source.bytes, offset = range.start.offset, end = min(range.end.offset, bytes.count)
        if offset < end, case let byte = bytes[offset], byte < 0x80, !Byte.isCharacterWhitespace(byte),
           offset + 1 == end || bytes[offset + 1] < 0x80 {
            return String(UnicodeScalar(byte))
        }
        return source.string(range).first { !$0.isWhitespace }.map(String.init) ?? "-"
    }
}

/// A note that could not be read or is not UTF-8 text.
public struct NoteError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let code: ParseDiagnostic.Code
    public let message: String
    /// Where the problem is, when it is inside the file.
    public let position: SourcePosition?

    public init(path: String, code: ParseDiagnostic.Code, message: String, position: SourcePosition? = nil) {
        self.path = path
        self.code = code
        self.message = message
        self.position = position
    }

    /// The error as a finding of the rule `ruleID`: an error at its position, else at the file's start.
    public func finding(ruleID: String) -> Finding {
        let position = position ?? SourcePosition(line: 1, column: 1, offset: 0)
        return Finding(path: path, range: SourceRange(start: position, end: position), ruleID: ruleID, severity: .error, message: message)
    }

    /// `path:line:column: message`, the form editors and CI annotate.
    public var description: String {
        let line = position?.line ?? 1, column = position?.column ?? 1
        return "\(path):\(line):\(column): error: \(message)"
    }
}
