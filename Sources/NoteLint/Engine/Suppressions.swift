import NoteParser

/// Inline switches in a note: `notekit-disable`, `notekit-enable`, `notekit-disable-line`,
/// `notekit-disable-next-line` and `notekit-disable-file`, each with rule ids or none (all
/// rules). In the body they are written in an HTML comment `<!-- … -->` or an Obsidian
/// comment `%% … %%` (not in code); in front matter, in a YAML comment `# …`.
public struct Suppressions: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case disable = "notekit-disable", enable = "notekit-enable", disableLine = "notekit-disable-line"
        case disableNextLine = "notekit-disable-next-line", disableFile = "notekit-disable-file"
    }

    /// A word written in a directive (a rule id, or an unknown command), and where.
    public struct RuleName: Sendable {
        public let id: String
        public let range: SourceRange
    }

    /// One directive: its command word (with its range) and the rule ids after it.
    public struct Directive: Sendable {
        public let kind: Kind
        public let range: SourceRange
        public let rules: [RuleName]

        public var line: Int { range.start.line }

        /// True when the directive names `rule`, or names none (all rules).
        func covers(_ rule: String) -> Bool { rules.isEmpty || rules.contains { $0.id == rule } }
    }

    /// What suppressed a finding: a directive (by index) and the rule id it named, nil when blanket.
    public struct Use: Hashable, Sendable {
        public let directive: Int
        public let rule: String?
    }

    /// What the directives are read from beyond the note's source and tree: every lint run
    /// configures its findings with them, so its parses scan at least these.
    static let reads: NoteParser.Scans = .comments

    /// The directives in source order.
    public let directives: [Directive]
    /// Words in the place of a directive that are none, e.g. `notekit-disable-nextline`.
    public let unknownCommands: [RuleName]

    /// Every directive of `note`. Linear in the note's size: each byte is looked at a
    /// bounded number of times, however many `notekit-` words or comments it holds.
    init(note: Note) { self.init(note: note, hits: Self.candidates(in: note)) }

    private static let marker = Array("notekit-".utf8)

    /// The directives among the `notekit-` words at offsets `hits` (in increasing order): those
    /// `candidates(in:)` finds, or (a test's) every one in the note.
    init(note: Note, hits: [Int]) {
        let source = note.source, bytes = source.bytes
        var found: [Directive] = []
        var unknown: [RuleName] = []
        let marker = Self.marker
        var code: Cursor?
        var comments = Cursor(note.comments.map(\.bytes))
        for hit in hits {
            let line = source.position(at: hit).line
            let lineStart = source.lineStarts[line - 1], lineEnd = source.lineEnd(line)
            var end = hit
            while end > lineStart, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            func follows(_ text: StaticString) -> Bool {
                let count = text.utf8CodeUnitCount
                return end - lineStart >= count && (0..<count).allSatisfy { bytes[end - count + $0] == text.utf8Start[$0] }
            }
            // Front matter (also one never closed, which Markdown reads as body) takes a YAML
            // comment: `#` at the line start or after a blank.
            let inFrontMatter = line < note.bodyStartLine
                || note.frontMatter?.closingDelimiter == nil && note.frontMatter?.range.bytes.contains(hit) == true
            if inFrontMatter, follows("#") {
                guard end - 1 == lineStart || bytes[end - 2] == 0x20 || bytes[end - 2] == 0x09 else { continue }
            } else if line < note.bodyStartLine {
                continue
            } else if follows("%%") {
                guard comments.contains(hit) else { continue }
            } else if follows("<!--") {
                if code == nil { code = Cursor(Self.code(in: note)) }
                guard !code!.contains(hit) else { continue }
            } else {
                continue
            }
            // The words end at the line's end or at the next `notekit-` on it.
            let words = Self.words(source, hit..<(source.find(marker, in: (hit + marker.count)..<lineEnd) ?? lineEnd))
            guard let command = words.first else { continue }
            guard let kind = Kind(rawValue: source.string(command)) else {
                unknown.append(RuleName(id: source.string(command), range: source.range(command)))
                continue
            }
            found.append(Directive(kind: kind, range: source.range(command),
                                   rules: words.dropFirst().map { RuleName(id: source.string($0), range: source.range($0)) }))
        }
        directives = found
        unknownCommands = unknown
    }

    /// The offsets of the `notekit-` words that may open a directive, in order: those in the
    /// front matter (after `#`), in `%%` comments, and after `<!--` and blanks. The rest of
    /// the text, most of a note, is not searched (a search of all of it stopped at every `-`).
    static func candidates(in note: Note) -> [Int] {
        let source = note.source, bytes = source.bytes, marker = Self.marker
        var hits: [Int] = []
        // The words starting in `range`.
        func search(_ range: Range<Int>) {
            var from = range.lowerBound
            let end = min(range.upperBound + marker.count - 1, bytes.count)
            while from < end, let hit = source.find(marker, in: from..<end), hit < range.upperBound {
                hits.append(hit)
                from = hit + marker.count
            }
        }
        let bodyStart = note.bodyStartLine <= source.lineCount ? source.lineStarts[note.bodyStartLine - 1] : bytes.count
        search(0..<bodyStart)
        if let frontMatter = note.frontMatter, frontMatter.closingDelimiter == nil { search(frontMatter.range.bytes) }
        for comment in note.comments { search(comment.bytes) }
        let opener = Array("<!--".utf8)
        var from = bodyStart
        while from < bytes.count, let open = source.find(opener, in: from..<bytes.count) {
            var word = open + opener.count
            while word < bytes.count, bytes[word] == Byte.space || bytes[word] == Byte.tab { word += 1 }
            if source.matches(marker, at: word) { hits.append(word) }
            from = open + opener.count
        }
        // A word in the front matter or a comment may also follow `<!--`.
        var unique: [Int] = []
        for hit in hits.sorted() where unique.last != hit { unique.append(hit) }
        return unique
    }

    /// Disjoint byte ranges asked about offsets in increasing order.
    private struct Cursor {
        let ranges: [Range<Int>]
        var index = 0

        init(_ ranges: [Range<Int>]) { self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound } }

        mutating func contains(_ offset: Int) -> Bool {
            while index < ranges.count, ranges[index].upperBound <= offset { index += 1 }
            return index < ranges.count && ranges[index].contains(offset)
        }
    }

    /// Byte ranges of code blocks and code spans, where a comment is text.
    private static func code(in note: Note) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        note.body.forEach(where: { $0 == .codeBlock || $0 == .code }) { node in
            if let range = node.range { ranges.append(range.bytes) }
        }
        return ranges
    }

    /// The words of a directive (separated by blanks or commas) up to the comment's end.
    private static func words(_ source: SourceText, _ range: Range<Int>) -> [Range<Int>] {
        let bytes = source.bytes
        var words: [Range<Int>] = []
        var start: Int?
        var offset = range.lowerBound
        while offset <= range.upperBound {
            var atEnd = offset == range.upperBound, separator = atEnd
            if !atEnd {
                switch bytes[offset] {
                case 0x20, 0x09, 0x0D, UInt8(ascii: ","): separator = true
                case UInt8(ascii: "-"): atEnd = offset + 2 < bytes.count && bytes[offset + 1] == UInt8(ascii: "-") && bytes[offset + 2] == UInt8(ascii: ">")
                case UInt8(ascii: "%"): atEnd = offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "%")
                default: break
                }
                separator = separator || atEnd
            }
            if separator, let begin = start {
                words.append(begin..<offset)
                start = nil
            } else if !separator, start == nil {
                start = offset
            }
            if atEnd { break }
            offset += 1
        }
        return words
    }

    /// What switches `rule` off at `line`, if anything: a line directive first, then the
    /// latest `notekit-disable`/`notekit-enable` before it, then a file directive. With
    /// `namedOnly`, only directives that name `rule` count.
    public func use(suppressing rule: String, at line: Int, namedOnly: Bool = false) -> Use? {
        var lineUse: Use?, rangeUse: Use?, fileUse: Use?
        for (index, directive) in directives.enumerated()
        where namedOnly ? directive.rules.contains(where: { $0.id == rule }) : directive.covers(rule) {
            let use = Use(directive: index, rule: directive.rules.isEmpty ? nil : rule)
            switch directive.kind {
            case .disableLine where directive.line == line, .disableNextLine where directive.line + 1 == line:
                lineUse = lineUse ?? use
            case .disable where directive.line <= line: rangeUse = use
            case .enable where directive.line <= line: rangeUse = nil
            case .disableFile: fileUse = fileUse ?? use
            default: break
            }
        }
        return lineUse ?? rangeUse ?? fileUse
    }
}
