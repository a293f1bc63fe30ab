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

    /// The directives in source order.
    public let directives: [Directive]
    /// Words in the place of a directive that are none, e.g. `notekit-disable-nextline`.
    public let unknownCommands: [RuleName]

    init(note: Note) {
        let source = note.source
        var found: [Directive] = []
        var unknown: [RuleName] = []
        let marker = Array("notekit-".utf8)
        var codeBlocks: [Range<Int>]?
        var index = 0
        while let hit = source.find(marker, in: index..<source.bytes.count) {
            index = hit + marker.count
            let line = source.position(at: hit).line
            let lineStart = source.lineStarts[line - 1]
            let prefix = Array(source.bytes[lineStart..<hit].reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed())
            // Front matter (also one never closed, which Markdown reads as body) takes a YAML
            // comment: `#` at the line start or after a blank.
            let inFrontMatter = line < note.bodyStartLine
                || note.frontMatter?.closingDelimiter == nil && note.frontMatter?.range.bytes.contains(hit) == true
            if inFrontMatter, prefix.last == UInt8(ascii: "#") {
                guard prefix.count == 1 || [0x20, 0x09].contains(prefix[prefix.count - 2]) else { continue }
            } else if line < note.bodyStartLine {
                continue
            } else if prefix.suffix(2) == Array("%%".utf8) {
                guard note.comments.contains(where: { $0.bytes.contains(hit) }) else { continue }
            } else if prefix.suffix(4) == Array("<!--".utf8) {
                if codeBlocks == nil { codeBlocks = Self.code(in: note) }
                guard !codeBlocks!.contains(where: { $0.contains(hit) }) else { continue }
            } else {
                continue
            }
            let words = Self.words(source, hit..<source.lineEnd(line))
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

    /// Byte ranges of code blocks and code spans, where a comment is text.
    private static func code(in note: Note) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        note.body.forEach { node in
            if node.kind == .codeBlock || node.kind == .code, let range = node.range { ranges.append(range.bytes) }
        }
        return ranges
    }

    /// The words of a directive (separated by blanks or commas) up to the comment's end.
    private static func words(_ source: SourceText, _ range: Range<Int>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        var offset = range.lowerBound
        func endsComment(_ at: Int) -> Bool {
            source.bytes[at...].starts(with: "-->".utf8) || source.bytes[at...].starts(with: "%%".utf8)
        }
        while offset <= range.upperBound {
            let atEnd = offset == range.upperBound || endsComment(offset)
            let separator = atEnd || [0x20, 0x09, 0x0D, UInt8(ascii: ",")].contains(source.bytes[offset])
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
        where namedOnly ? directive.rules.contains { $0.id == rule } : directive.covers(rule) {
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
