import Foundation
import NoteParser
import Testing
@testable import NoteRender

/// `CodeLineScan` lets the tidy skip its parse: wherever it answers, each line whose tidied
/// output depends on code is code by its ranges exactly when it is by the parse's.
@Suite struct CodeLineScanTests {
    /// Lines the scan reads for certain (text, blank runs, top-level fences and HTML blocks of
    /// kinds 1–5) and lines it must leave to the parse (containers, indented fences and HTML,
    /// indented code, code spans over lines, tables, footnote definitions, tabs, CRs, front matter).
    static let plainLines = ["text\n", "text  \n", "more words \n", "\n", "\n", "\n", "  \n", "   \n", "```\n", "```js  \n", "~~~\n",
                             "````\n", "```a`b\n", "``` \n", "~~~~  \n", "<!-- c\n", "-->  \n", "<!-- one -->  \n", "<pre>\n",
                             "</pre>\n", "<script>\n", "</SCRIPT>  \n", "<?php\n", "?>\n", "<!DOCTYPE html>\n", "<![CDATA[\n", "]]>\n",
                             "# h  \n", "***\n", "Title\n", "===\n", "\u{A0}\n", "é  \n", "x\u{2003}\n", "code  \n", "a ``` b  \n"]
    static let otherLines = [" ```\n", "  ```\n", "   ```\n", "    ```\n", "    code  \n", "      deep\n", "<div>\n", "</div>  \n",
                             "  <div>\n", " <!--\n", "<span>x</span>  \n", "<textarea>\n", "<!doctype>\n", "<b>\n", "> quote  \n",
                             "> ```\n", ">     code  \n", "> <div>\n", ">\n", "> \n", "- item  \n", "- ```\n", "  code  \n", "1. item\n",
                             "   text  \n", "  - nested  \n", "-     indented  \n", "[^1]: def  \n", "[^a]: <div>\n", "    cont  \n",
                             "| a | `b` |\n", "|---|---|\n", "| c | d  |\n", "`span\n", "end`  \n", "`a` b  \n", "x `y\n", "---\n",
                             "title: x  \n", "\t\n", "a\r\n", "a\tb  \n", "x</pre>  \n", "</textarea>\n", "\u{FEFF}```\n"]

    /// Texts of `length` lines drawn by a fixed generator: mostly plain lines, or any.
    static func texts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        return (0..<count).map { index in
            let pool = index % 2 == 0 ? plainLines : plainLines + otherLines
            let text = (0..<(3 + next(12))).map { _ in pool[next(pool.count)] }.joined()
            // Some without their last newline, some with front matter.
            switch next(6) {
            case 0: return String(text.dropLast())
            case 1: return "---\ntitle: t  \n---\n" + text
            default: return text
            }
        }
    }

    /// Whole blocks (fences and HTML blocks closed, in and out of containers) between text and blank runs.
    static let blocks = ["text  \nmore\n", "\n\n\n", "  \n\n", "```\ncode  \n\n\n```\n", "~~~~ x\n~~~\n  \n~~~~\n",
                         "<!--\nnote  \n\n-->\n", "<pre>\n\n</pre> x  \n", "<?x\n\n?>\n", "<!A\n  \n>\n", "<![CDATA[\n]]>\n",
                         "- item  \n\n  ```\n  code  \n\n  ```\n", "1. a\n\n   ```\n   in  \n\n\n   ```\n", "  ```\n  c  \n  ```\n",
                         "> ```\n> q  \n> ```\n", "- ```\nopen  \n", "    indented  \n\n\n    more\n", "<div>\ntext  \n\n", "a `b  \nc` d\n",
                         "| a |\n|---|\n| `b` |\n", "[^1]: def  \n    cont  \n", "Title  \n===\n", "# h  \n", "  <!--\n  x  \n  -->\n",
                         "* * *\n", "\u{A0}  \n", "x\u{2003}\n\n\n"]

    static func blockTexts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        return (0..<count).map { _ in (0..<(2 + next(8))).map { _ in blocks[next(blocks.count)] }.joined() }
    }

    /// Compares the scan with the parse on the lines the tidy's output depends on; returns
    /// whether the scan answered and whether one of those lines was code.
    @discardableResult
    static func agree(_ text: String) -> (answered: Bool, code: Bool) {
        let bytes = Array(text.utf8)
        guard let note = try? NoteParser().parse(bytes: bytes, path: "n.md", scans: .callouts) else { return (false, false) }
        let source = note.source
        guard let ranges = CodeLineScan.ranges(in: source, bodyStartLine: note.bodyStartLine, needed: {
            WhitespaceTidy.dependsOnCode(source, $0)
        }) else { return (false, false) }
        var code = false
        for number in note.bodyStartLine..<(source.lineCount + 1) where WhitespaceTidy.dependsOnCode(source, number) {
            let range = source.lineRange(number)
            func verbatim(_ code: CodeRanges) -> Bool {
                code.contains(range.lowerBound) || (!range.isEmpty && code.contains(range.upperBound - 1))
            }
            let parsed = verbatim(note.code)
            #expect(verbatim(ranges) == parsed, "line \(number) \(source.lineString(number).debugDescription) parsed \(parsed) of \(text.debugDescription)")
            code = code || parsed
        }
        return (true, code)
    }

    @Test func generatedTextsAgreeWithTheParse() {
        var answered = 0, withCode = 0
        for text in Self.texts(count: 6000, seed: 17) {
            let (scanned, code) = Self.agree(text)
            if scanned { answered += 1 }
            if code { withCode += 1 }
            #expect(WhitespaceTidy.tidy(text) == WhitespaceTidyTests.reference(text), "\(text.debugDescription)")
        }
        var blockAnswers = 0
        for text in Self.blockTexts(count: 4000, seed: 18) {
            if Self.agree(text).answered { blockAnswers += 1 }
            #expect(WhitespaceTidy.tidy(text) == WhitespaceTidyTests.reference(text), "\(text.debugDescription)")
        }
        // The scan answers for many texts, and for many of them says that a line is code.
        #expect(answered > 300)
        #expect(withCode > 150)
        #expect(blockAnswers > 400)
    }

    /// The probe of every fourth byte finds what a byte loop finds.
    @Test func textAfterFourSpacesAsAByteLoopFindsIt() {
        let pieces = [" ", "  ", "    ", "     ", "x", "\n", "ab", "       \n"]
        for text in Self.texts(count: 200, seed: 3) + HTMLScannerTests.samples(pieces, count: 3000, length: 16) {
            let bytes = Array(text.utf8)
            for start in [0, min(1, bytes.count)] where start == 0 || bytes.first == Byte.newline {
                var expected: [Int] = [], run = 0
                for index in start..<bytes.count {
                    if bytes[index] == Byte.space {
                        run += 1
                        continue
                    }
                    if run >= 4, bytes[index] != Byte.newline { expected.append(index) }
                    run = 0
                }
                #expect(CodeLineScan.textAfterFourSpaces(in: bytes, from: start) == expected, "\(text.debugDescription)")
            }
        }
    }

    @Test func fencesAndHTMLBlocksAsTheParseReadsThem() {
        let cases = [
            "```\ncode  \n\n\n```\ntext  \n\n\n",
            "````\n```  \n````\n\n\nafter  \n",
            "```a`b  \n\n\ntext\n",
            "<!-- x  \n\n\n-->  \n\n\nafter  \n",
            "<!-- one -->  \n\n\nafter  \n",
            "<pre>\n\n\n</style>  \n\n\nx  \n",
            "<!DOCTYPE html  \n\n\n>\n\n\ny  \n",
            "para  \n```\ncode  \n```\n",
            "| a |\n|---|\n| b |\n```\nc  \n```\n",
            "- item\n\n```\ncode  \n```\n",
            "> quote\n```\ncode  \n```\n",
            "   ```\n   code  \n\n\n   ```\n\n\nx  \n",
            "- a\n\n   ```\n   code  \n\n\n   ```\n\n\nx  \n",
            "1. a\n\n   ```\n   code  \n  bad\n   ```\n",
            "```\nunclosed  \n\n\n",
            "<div>\n```\n\n\ncode  \n",
            "text `span  \nmore` here\n\n\n",
        ]
        for text in cases {
            Self.agree(text)
            #expect(WhitespaceTidy.tidy(text) == WhitespaceTidyTests.reference(text), "\(text.debugDescription)")
        }
        // Certain: a top-level fence, an HTML comment, text after them.
        #expect(Self.agree(cases[0]) == (true, true))
        #expect(Self.agree(cases[3]) == (true, true))
        // Left to the parse: an unclosed fence, a fence after a `<div>`, a code span over lines.
        #expect(!Self.agree(cases[14]).answered)
        #expect(!Self.agree(cases[15]).answered)
        #expect(!Self.agree(cases[16]).answered)
    }
}

@Suite(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.corpus.path), "../shared/corpus is absent: the scan not compared on corpus notes"))
struct CorpusCodeLineScanTests {
    /// Every corpus note as written, cleaned (as the tidy receives it), and with trailing
    /// spaces and a blank run added to each of its lines (so that every line's code is compared).
    @Test func corpusNotesAgreeWithTheParse() throws {
        let files = NoteFiles.collect([Fixtures.corpus.path]).files
        #expect(files.count > 1000)
        var options = RenderOptions()
        options.tidyWhitespace = false
        var answered = 0
        for file in files {
            let text = String(decoding: try NoteParser().read(file), as: UTF8.self)
            let cleaned = try Fixtures.clean(text, options: options).markdown
            let spaced = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "  \n\n" }.joined()
            for variant in [text, cleaned, spaced] {
                if Self.agree(variant) { answered += 1 }
            }
        }
        #expect(answered > 500)
    }

    private static func agree(_ text: String) -> Bool {
        let answered = CodeLineScanTests.agree(text).answered
        #expect(WhitespaceTidy.tidy(text) == WhitespaceTidyTests.reference(text))
        return answered
    }
}
