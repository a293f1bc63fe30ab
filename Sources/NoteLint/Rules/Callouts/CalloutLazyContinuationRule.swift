import NoteParser

/// `callout/lazy-continuation`: a line that stays in a callout or block quote only by
/// CommonMark's lazy continuation, without its `>` markers.
public struct CalloutLazyContinuationRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "callout/lazy-continuation",
        severity: .warning,
        summary: "A line inside a callout or block quote lacks its `>` marker (lazy continuation).",
        rationale: "Markdown quietly pulls a marker-less line into the quote above it, so text meant to follow a callout ends up inside it; other renderers and later edits (a blank line added above) move it out again.",
        triggering: [
            "> [!info] Title\n> First line.\n↓Second line, still in the callout.\n",
            "> Ünïcødé quote\n↓  lazy line\n↓and another\n",
            "> [!note]\n> > Nested ünïcødé quote\n↓> lazy at the outer depth\n",
        ],
        nonTriggering: [
            "> [!info] Title\n> First line.\n\nAfter the callout.\n",
            "> Quote\n>\n> > Nested\n> > still nested\n",
            "- > Quote in a list item\n  > continued\n",
            "```\n> quote\nnot lazy in code\n```\n",
        ],
        corrections: [
            RuleCorrection("> [!info] Title\n> First line.\nSecond line.\n", "> [!info] Title\n> First line.\n> Second line.\n"),
            RuleCorrection("> Ünïcødé\n> > Nested\n>  lazy\n", "> Ünïcødé\n> > Nested\n> > lazy\n"),
            RuleCorrection("- > Quote in a list item\nlazy\n", "- > Quote in a list item\n  > lazy\n"),
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        let source = context.note.source
        // Most notes quote nothing: no table of their lines. A quote needs a `>`, found by
        // `memchr` before the tree is walked.
        guard source.find([UInt8(ascii: ">")], in: 0..<source.bytes.count) != nil,
              context.note.body.contains(.blockQuote) else { return [] }
        // The innermost block quote of each line: inner quotes come after outer ones in document order.
        var quoteOfLine = [(start: Int, depth: Int)?](repeating: nil, count: source.lineCount + 1)
        context.note.body.forEach(.blockQuote) { node in
            guard let range = node.range else { return }
            let depth = node.ancestorCount(of: .blockQuote) + 1
            for line in stride(from: max(range.start.line, 1), through: min(range.end.line, source.lineCount), by: 1) {
                quoteOfLine[line] = (range.start.offset, depth)
            }
        }
        return quoteOfLine.indices.compactMap { line in
            guard let quote = quoteOfLine[line] else { return nil }
            let lineBytes = source.lineRange(line)
            guard !lineBytes.contains(quote.start) else { return nil }  // the quote's own first line
            let (markers, contentStart) = Self.markers(source.bytes, in: lineBytes)
            guard markers < quote.depth, contentStart < lineBytes.upperBound else { return nil }
            let prefix = Self.continuationPrefix(source, quoteStart: quote.start)
            let fix = Fix("add the quote markers", edits: [Edit(range: lineBytes.lowerBound..<contentStart, replacement: prefix)])
            let message = markers == 0
                ? "line continues the quote without a '>' marker"
                : "line continues a depth-\(quote.depth) quote with \(markers) '>' marker\(markers == 1 ? "" : "s")"
            return context.finding(self, bytes: lineBytes.lowerBound..<lineBytes.lowerBound, message, fix: fix)
        }
    }

    /// The number of `>` markers opening a line, and where its content starts.
    static func markers(_ bytes: [UInt8], in line: Range<Int>) -> (count: Int, contentStart: Int) {
        var count = 0, index = line.lowerBound
        while index < line.upperBound {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): index += 1
            case UInt8(ascii: ">"): count += 1; index += 1
            default: return (count, index)
            }
        }
        return (count, index)
    }

    /// What a continuation line of the quote starting at `quoteStart` begins with: the
    /// quote's first line up to its `>`, with list markers and text blanked, then a space.
    static func continuationPrefix(_ source: SourceText, quoteStart: Int) -> String {
        let lineStart = source.lineStarts[source.position(at: quoteStart).line - 1]
        let opening = source.bytes[lineStart...quoteStart].map { byte -> UInt8 in
            byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\t") ? byte : UInt8(ascii: " ")
        }
        return String(decoding: opening, as: UTF8.self) + " "
    }
}
