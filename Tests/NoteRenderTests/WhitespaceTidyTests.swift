import NoteParser
import Testing
@testable import NoteRender

@Suite struct WhitespaceTidyTests {
    @Test func stripsTrailingSpacesAndBlankRunsOutsideCode() {
        let text = "\n\nTitle   \n\n\n\nLine one  \nline two\t\n\n```\ncode   \n\n\n\nmore\t\n```\n\n\n    indented   \n\n\n"
        #expect(WhitespaceTidy.tidy(text)
            == "Title\n\nLine one  \nline two\n\n```\ncode   \n\n\n\nmore\t\n```\n\n    indented   \n")
    }

    @Test func leavesFrontMatterAsWritten() {
        let text = "---\nkey: value   \n---\n\n\n\nBody\n"
        #expect(WhitespaceTidy.tidy(text) == "---\nkey: value   \n---\n\nBody\n")
    }

    /// The tidy as it was before it read bytes and parsed without scans, kept as the reference:
    /// a full parse, and each line trimmed and tested as a `String`.
    static func reference(_ markdown: String) -> String {
        let source = SourceText(markdown)
        guard let note = try? NoteParser().parse(bytes: source.bytes, path: "") else { return markdown }
        var lines: [String] = []
        var blankRun = 0
        for number in 1...source.lineCount {
            let range = source.lineRange(number)
            let line = source.string(range)
            let isVerbatim = number < note.bodyStartLine || note.code.contains(range.lowerBound)
                || (!range.isEmpty && note.code.contains(range.upperBound - 1))
            if isVerbatim {
                lines.append(line)
                blankRun = 0
                continue
            }
            let trimmed = line.trimmingTrailingWhitespace()
            if trimmed.isEmpty {
                blankRun += 1
                if blankRun == 1, !lines.isEmpty, lines.count >= note.bodyStartLine - 1 { lines.append("") }
                continue
            }
            blankRun = 0
            let nextIsText = number < source.lineCount && !source.lineString(number + 1).isBlank
            lines.append(line.hasSuffix("  ") && nextIsText ? trimmed + "  " : trimmed)
        }
        while lines.count >= note.bodyStartLine, lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func tidiesAsTheStringTidyDid() {
        // Unicode whitespace, a combining mark on a space, a prepended mark before spaces (one
        // `Character` with the first), bare CRs, code spans and blocks, HTML, front matter.
        let pieces = ["---\n", "key: v  \n", "\n", "  \n", "\t\n", "text", " ", "  ", "\u{A0}", "\u{600}", "e\u{301}", " \u{301}",
                      "\r", "`", "```\n", "    code  \n", "> quote  \n", "<div>  \n", "\u{2003}", "x\n", "- item  \n", "\u{0B}", "é  \n"]
        let cases = ["", "\n", "x", "\n\n", "---\na: 1\n---", "---\na: 1\n---\n\n\n", "\u{600}  \nnext\n", "a \u{301}\n\n\nb"]
            + HTMLScannerTests.samples(pieces, count: 3000, length: 12)
        for text in cases {
            #expect(WhitespaceTidy.tidy(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// Texts of whole lines, most without trailing whitespace or blank runs (so that many skip
    /// the parse), with code, HTML, front matter and non-ASCII line ends: each tidied as the
    /// reference tidies it, and every text the parse-free check passes left as written.
    @Test func leavesTextsAsWrittenWithoutParsing() {
        let lines = ["---\n", "key: v\n", "\n", "text\n", "```\n", "~~~\n", "    code\n", "`span\n", "end`\n", "<div>\n",
                     "</div>\n", "> quote\n", "> [!note] T\n", "- item\n", "  - nested\n", "\u{A0}\n", "x\u{A0}\n", "e\u{301}\n",
                     "a \u{301}\n", "\u{600}\n", "\u{2003}\n", "é\n", "Title\n", "===\n", "trailing  \n", "\t\n", "last"]
        var skipped = 0
        for text in ["x\n", "x\n\n", "\nx\n", "---\na: 1\n---\n", "---\n---\n\n"] + HTMLScannerTests.samples(lines, count: 4000, length: 8) {
            let asWritten = WhitespaceTidy.leavesAsWritten(SourceText(text))
            if asWritten {
                skipped += 1
                #expect(Self.reference(text) == text, "\(text.debugDescription)")
            }
            #expect(WhitespaceTidy.tidy(text) == Self.reference(text), "\(text.debugDescription)")
        }
        #expect(skipped > 100)
    }
}
