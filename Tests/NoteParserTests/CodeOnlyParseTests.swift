import Testing
@testable import NoteParser

/// `bodyAndCode` reads the code ranges from cmark's code and HTML nodes without converting the
/// tree: they are the ranges `CodeRanges(root:source:)` finds in the full parse's tree.
@Suite struct CodeOnlyParseTests {
    /// Texts where the two could part: fences, indented code, HTML blocks, code spans over
    /// lines, nested lists and quotes, CRs, front matter, containers past the nesting limit.
    static let pieces = ["```\n", "~~~ js\n", "    code\n", "\tcode\n", "<div>\n", "</div>\n", "<!-- c\n", "-->\n", "<pre>\n",
                         "`a\nb`", "``x ` y``", "`", "text ", "\n", "\n\n", "\r", "\r\n", "> ", "- ", "1. ", "  ", "    ",
                         "> - > ", "[^a]: ", "| a | `b` |\n|---|---|\n", "# h `c`\n", "é `ü`\n", "---\n", "a: `1`\n"]

    static func agree(_ text: String, limits: NoteParser.Limits = .init()) throws -> (code: [Range<Int>], truncated: Bool) {
        let parser = NoteParser(limits: limits)
        let bytes = Array(text.utf8)
        let note = try parser.parse(bytes: bytes, path: "n.md", scans: .callouts)
        let found = try parser.bodyAndCode(bytes: bytes, path: "n.md")
        #expect(found.code.ranges == note.code.ranges, "\(text.debugDescription)")
        #expect(found.code.ranges == CodeRanges(root: note.body, source: note.source).ranges, "\(text.debugDescription)")
        #expect(found.bodyStartLine == note.bodyStartLine, "\(text.debugDescription)")
        return (note.code.ranges, note.diagnostics.contains { $0.code == .nestingLimit })
    }

    @Test func generatedTextsAgreeWithTheFullParse() throws {
        var withCode = 0
        for text in ParseScansTests.samples(Self.pieces, count: 2000, length: 14) {
            if try !Self.agree(text).code.isEmpty { withCode += 1 }
        }
        // Most samples hold code, so the comparison compares ranges, not empty lists.
        #expect(withCode > 1500)
    }

    @Test func frontMatterAndCarriageReturnsMoveNoRange() throws {
        let text = "---\ntitle: `x`\r\n---\n\n`span`\rafter `b\r\nc`\n\n    indented\r\n\n<div>\r\n</div>\n"
        let code = try Self.agree(text).code
        #expect(code.count == 4)
        #expect(code.allSatisfy { text.utf8.count >= $0.upperBound && $0.lowerBound > 18 })
    }

    @Test func containersPastTheNestingLimit() throws {
        let deep = String(repeating: "> ", count: 12) + "`deep`\n\n" + String(repeating: "- ", count: 12) + "`item`\n\n"
            + "`top` and <b>\n\n<div>\n</div>\n\n" + String(repeating: "> ", count: 300) + "`x`\n"
        var limits = NoteParser.Limits()
        var counts: [Int: Int] = [:]
        for depth in [0, 1, 2, 3, 5, 8, 12, 13, 14, 15, 24, 25, 26, 27, 256] {
            limits.maxMarkdownDepth = depth
            let (code, truncated) = try Self.agree(deep, limits: limits)
            #expect(truncated, "depth \(depth)")
            counts[depth] = code.count
        }
        // The spans at the top and the HTML block from depth 2 (document, paragraph); the
        // quoted span and the listed one once their containers are entered; never the 300th quote's.
        #expect(counts[0] == 0 && counts[3] == 2 && counts[256] == 4)
        #expect(counts.keys.sorted().map { counts[$0]! } == counts.keys.sorted().map { counts[$0]! }.sorted())
        for depth in 2...30 {
            limits.maxMarkdownDepth = depth
            _ = try Self.agree(String(repeating: "- > ", count: 20) + "`a`\n" + String(repeating: "    ", count: depth) + "code\n", limits: limits)
        }
    }
}

@Suite(.enabled(if: Fixture.corpusExists, "../shared/corpus is absent: corpus code ranges not compared"))
struct CorpusCodeRangesTests {
    @Test func corpusNotesAgreeWithTheFullParse() throws {
        let files = NoteFiles.collect([Fixture.corpus]).files
        #expect(files.count > 1000)
        var withCode = 0
        for file in files {
            let bytes = try NoteParser().read(file)
            if try !CodeOnlyParseTests.agree(String(decoding: bytes, as: UTF8.self)).code.isEmpty { withCode += 1 }
        }
        #expect(withCode > 100)
    }
}
