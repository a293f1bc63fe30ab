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
    init(note: Note) {
        self.init(note: note, hits: Self.candidates(in: note))
    }

    /// The directives of `note` written at `hits`, offsets of `notekit-` in increasing order:
    /// every one, or those where a directive may be written (`candidates(in:)`).
    init(note: Note, hits: [Int]) {
        let source = note.source, bytes = source.bytes
        var found: [Directive] = []
        var unknown: [RuleName] = []
        let marker = Self.marker
        var code: Cursor?
        var comments = Cursor(note.comments.map(\.bytes))
        for hit in hits {
            let line = source.position(at: hit).line
            let lineStart = source.lineStarts[line - 1]
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
            // A directive ends at its line's end or at the next `notekit-` on its line.
            let lineEnd = source.lineEnd(line)
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

    static let marker = Array("notekit-".utf8)

    /// The offsets of `notekit-` where a directive may be written, in increasing order: those
    /// right after blanks after `#` before the body (YAML comments), `%%` in a `%%` comment, or
    /// `<!--` anywhere (front matter never closed holds all three). Found by those openings, far
    /// rarer in notes than the hyphen a search for `notekit-` itself stops at.
    static func candidates(in note: Note) -> [Int] {
        let source = note.source, bytes = source.bytes, marker = Self.marker
        var bodyStart = note.bodyStartLine - 1 < source.lineCount ? source.lineStarts[note.bodyStartLine - 1] : bytes.count
        if let frontMatter = note.frontMatter, frontMatter.closingDelimiter == nil {
            bodyStart = max(bodyStart, frontMatter.range.bytes.upperBound)
        }
        var hits: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            func scan(_ opening: [UInt8], _ range: Range<Int>) {
                var offset = range.lowerBound
                while let found = Byte.offset(of: opening[0], in: buffer, range: offset..<range.upperBound) {
                    offset = found + 1
                    guard source.matches(opening, at: found) else { continue }
                    var hit = found + opening.count
                    while hit < range.upperBound, buffer[hit] == 0x20 || buffer[hit] == 0x09 { hit += 1 }
                    if hit < range.upperBound, source.matches(marker, at: hit) { hits.append(hit) }
                }
            }
            scan(Self.hash, 0..<bodyStart)
            for comment in note.comments { scan(Self.percents, comment.bytes) }
            scan(Self.htmlComment, 0..<buffer.count)
        }
        hits.sort()
        return hits
    }

    private static let hash = Array("#".utf8), percents = Array("%%".utf8), htmlComment = Array("<!--".utf8)

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
