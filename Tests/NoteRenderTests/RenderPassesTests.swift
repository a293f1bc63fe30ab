import Foundation
import NoteParser
import Testing
@testable import NoteRender

/// The shortcuts of the render pipeline give what the longer ways they replaced gave: callouts
/// marked from the page's own parse, house-style parts read without `Regex`, pages written
/// without `Data.write(options: .atomic)`.
@Suite struct RenderPassesTests {
    /// The body as the page used to cut it before marking callouts: a parse of its own.
    static func body(of markdown: String, title: String, sourcesHeading: String) throws -> String {
        let note = try NoteParser().parse(bytes: Array(markdown.utf8), path: "")
        var edits = SourceEdits(source: note.source)
        if let frontMatter = note.frontMatter, frontMatter.closingDelimiter != nil { edits.remove(frontMatter.range.bytes) }
        if let heading = note.headings.last(where: { $0.level == 2 && $0.text == sourcesHeading }) { edits.remove(heading.range.bytes) }
        if let first = note.headings.first, first.level == 1, first.text == title { edits.remove(HTMLPage.ownLines(of: first, in: note.source)) }
        return edits.applied()
    }

    @Test func calloutsMarkedFromThePageParseAsFromTheBodyParse() throws {
        let page = HTMLPage(templates: try Fixtures.templates(), options: RenderOptions(), unsafe: false)
        let pieces = ["---\ntitle: T\n---\n", "# T\n", "\n", "\n", "> [!note] A\n", "> body\n", "> > [!tip]- B\n", "> > deep\n",
                      "- item\n", "  > [!warning]\n", "## Sources\n", "[^1]: x\n", "text\n", "    code\n", "```\n", "lazy\n",
                      ">\n", "# Other\n", "T\n===\n", "> # T\n", "1. > [!faq] Q\n", "  # T\n", "# T #\n", "T\n---\n"]
        let cases = ["# T\n\n> [!note] A\n> body\n", "---\na: 1\n---\n\n# T\n> [!note]\n> > [!tip] x\n> > y\n\n## Sources\n\n[^1]: z\n",
                     "> [!note] A\n# T\nlazy\n", "- item\n\n# T\n\n  > [!note] A\n"]
            + HTMLScannerTests.samples(pieces, count: 1500, length: 10)
        for markdown in cases {
            let placeholder = Placeholder(unusedIn: markdown)
            var marked = CalloutMarkers(unusedIn: placeholder), expected = CalloutMarkers(unusedIn: placeholder)
            let text = page.markedBody(of: markdown, title: "T", markers: &marked)
            let reference = expected.mark(try Self.body(of: markdown, title: "T", sourcesHeading: RenderOptions().sourcesHeading))
            #expect(text == reference, "\(markdown)")
            #expect(marked.callouts.map { "\($0.type) \($0.fold)" } == expected.callouts.map { "\($0.type) \($0.fold)" }, "\(markdown)")
        }
    }

    @Test func aBodyFromOneParseRendersAsItsMarkedBody() throws {
        let pieces = ["---\ntitle: T\n---\n", "---\na: 1\n...\n", "# T\n", "# T\n", "# Other\n", "\n", "\n", "text\n", "T\n===\n",
                      "T\n---\n", "## Sources\n", "## Other\n", "## *Sources*\n", "## Q & A\n", "## Sources #\n", "[^1]: x\n",
                      "[^1]: ## Sources\n", "[^2]: # T\n", "A[^1] b\n", "- item\n", "  # T\n", "> # T\n", "> quoted\n", "    code\n",
                      "```\n", "<!--\n", "-->\n", "<div>\n", "<h2>Sources</h2>\n", "C# x\n", "#tag\n", "# T #\n", "   # T\n",
                      "1. one\n", "---\n", "===\n", "- # T\n", "## Sources\n\n[^1]: x\n", "# `T`\n", "# \u{212A}\n", "K\n",
                      "&amp; &lt;\n", "# T &amp;\n", "# K\n", "[a]: /u\n", "\"t\"\n", "\t# T\n", "## Sources\n- x\n"]
        let sources = ["\n\n## Sources\n\n[^1]: one\n\n[^2]: two\n", "\n\n## Sources\n\n[^1]: [x](#a) # b\n",
                       "\n\n## Sources\n\n[^1]: one\n- more\n", "\n\n## Sources\n\n"]
        var cases: [String] = []
        for (index, sample) in HTMLScannerTests.samples(pieces, count: 1200, length: 8).enumerated() {
            cases.append(sample)
            cases.append("# T\n\n" + sample.trimmingTrailingWhitespace() + sources[index % sources.count])
            cases.append("---\nk: v\n---\n" + sample + sources[(index / 3) % sources.count])
        }
        // Nested deeper than the parse reads: its headings are not the parse's.
        cases += [String(repeating: "> ", count: 300) + "## x\n\n# T\n", String(repeating: "- ", count: 200) + "# T\n\ntext\n",
                  String(repeating: "> ", count: 300) + "## Sources\n\n## Sources\n\n[^1]: x\n"]
        for unsafe in [false, true] {
            for (title, heading) in [("T", "Sources"), ("\u{212A}", "Q & A")] {
                var options = RenderOptions()
                options.sourcesHeading = heading
                let page = HTMLPage(templates: try Fixtures.templates(), options: options, unsafe: unsafe)
                var taken = 0
                for markdown in cases {
                    var found = CalloutMarkers(unusedIn: Placeholder(unusedIn: markdown))
                    guard let html = page.oneParseBodyHTML(markdown, title: title, markers: &found) else { continue }
                    taken += 1
                    var markers = CalloutMarkers(unusedIn: Placeholder(unusedIn: markdown))
                    let reference = CmarkParser.renderHTML(markdown: page.markedBody(of: markdown, title: title, markers: &markers), unsafe: unsafe)
                    #expect(html == reference, "\(markdown.debugDescription)")
                    #expect(markers.callouts.isEmpty && found.callouts.isEmpty)
                }
                // Many of these texts hold something the shortcut cannot judge, yet it must serve many.
                #expect(taken > cases.count / 10, "\(taken) of \(cases.count)")
            }
        }
        let page = HTMLPage(templates: try Fixtures.templates(), options: RenderOptions(), unsafe: false)
        func oneParse(_ page: HTMLPage, _ markdown: String) -> String? {
            var markers = CalloutMarkers(unusedIn: Placeholder(unusedIn: markdown))
            return page.oneParseBodyHTML(markdown, title: "T", markers: &markers)
        }
        let cut = try #require(oneParse(page, "---\na: 1\n---\n# T\n\nText[^1].\n\n## Sources\n\n[^1]: x\n"))
        #expect(cut.hasPrefix("<p>Text") && !cut.contains("<h"), "\(cut)")
        // A title heading after other blocks, between blank lines, is cut from the tree.
        let later = try #require(oneParse(page, "***\n\n# T\n\nText.\n"))
        #expect(later == "<hr />\n<p>Text.</p>\n", "\(later)")
        #expect(oneParse(page, "- a\n\n# T\n\n- b\n") == nil && oneParse(page, "Text.\n# T\nMore.\n") == nil)
        #expect(oneParse(page, "```\nx\n```\n\n# T\n\nText.\n") == "<pre><code>x\n</code></pre>\n<p>Text.</p>\n")
        #expect(oneParse(page, "    x\n\n# T\n\n    y\n") == nil)
        // So is a sources heading that is not the cleaner's section at the end.
        let middle = try #require(oneParse(page, "A.\n\n## Sources\n\nB.\n\n## Other\n"))
        #expect(middle == "<p>A.</p>\n<p>B.</p>\n<h2>Other</h2>\n", "\(middle)")
        #expect(Highlights.holdsOne("x\n\na ==b== c\n") && !Highlights.holdsOne("T\n==\na == b =\n"))
        for markdown in ["a\rb\n", "\u{FEFF}---\na: 1\n---\n# T\n", "# T #\n", "x\0\n"] {
            #expect(oneParse(page, markdown) == nil, "\(markdown.debugDescription)")
        }
        let unsafePage = HTMLPage(templates: try Fixtures.templates(), options: RenderOptions(), unsafe: true)
        #expect(oneParse(unsafePage, "<h2>Sources</h2>\n") == nil)
    }

    // The pattern `HouseParts` replaced, kept here as the reference.
    nonisolated(unsafe) static let houseParts =
        #/^\s*[0-9]{4}(?:,\s*[A-Za-z]+\.?(?:\s*[0-9]{1,2})?)?\.\s|(?:Published|Updated):\s*(?:N/A|[0-9-]+)/#

    @Test func housePartsReadAsTheRegexReadThem() {
        let cases = ["2025, Apr 10.  . Published: 2025-04-10", " 2025. | Updated: N/A", "2025, Apr. 1. x", "2025, Apr.10. ",
                     "2025, Sep.  ", "20255. ", "2025,Sep 14.\t", "Published:", "Published: -", "Updated:N/A5", "2025, Apr 123. "]
            + HTMLScannerTests.samples(["2025", ", ", "Apr", ".", " ", "10", "1", "Published:", "Updated:", " N/A", "2025-04-10",
                                        "|", ",", "x", "\t", "-", "\n", "\u{0B}"], count: 2000, length: 8)
        for text in cases {
            let expected = text.replacing(Self.houseParts, with: " ").allSatisfy { $0.isWhitespace || ".|,".contains($0) }
            #expect(HouseParts.holdsAll(Array(text.utf8)) == expected, "\(text.debugDescription)")
        }
    }

    @Test func pagesReplaceTheirFileAndLeaveNoTemporaryFile() throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("notekit-write-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: folder) }
        let output = OutputFolder(path: folder.path)
        let first = try output.write("one\n", slug: "page", fileExtension: "md")
        let second = try output.write("two\n", slug: "page", fileExtension: "md")
        #expect(first == second)
        #expect(try String(contentsOf: second, encoding: .utf8) == "two\n")
        #expect(try manager.contentsOfDirectory(atPath: folder.path) == ["page.md"])
        // A temporary file left by a run of the same process id is replaced, not written through.
        let outside = folder.appendingPathComponent("outside.txt")
        try Data("kept\n".utf8).write(to: outside)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent(".page.md.notekit-\(getpid())").path,
                                       withDestinationPath: outside.path)
        _ = try output.write("three\n", slug: "page", fileExtension: "md")
        #expect(try String(contentsOf: second, encoding: .utf8) == "three\n")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "kept\n")
        #expect(try manager.contentsOfDirectory(atPath: folder.path).sorted() == ["outside.txt", "page.md"])
    }

    @Test func aSetextTitleHeadingTakesOnlyItsOwnLinesFromThePage() throws {
        for note in ["Title\n=====\n> a quoted line\n\nMore.\n", "Title\n=====\n```\ncode line\n```\n", "Title\n===\nnext line\n"] {
            let html = try Fixtures.html(note)
            let body = try #require(html.range(of: "<div class=\"note-body\">")).upperBound
            #expect(html[body...].contains("line"), "\(note)")
            #expect(!html[body...].contains("Title"), "\(note)")
        }
    }
}

extension RenderPassesTests {
    @Test func oneParagraphCountedAsFoundationCountsIt() {
        let pieces = ["<p>", "</p>", "text", "\u{301}", "\u{600}", "é", "<", "p>", "\n", " ", "<p", ">"]
        for html in ["<p></p>", "<p>a</p>\n<p>b</p>", "<p>\u{301}x</p>", "\u{600}<p>x</p>"] + HTMLScannerTests.samples(pieces, count: 3000, length: 8) {
            #expect(SourceView.holdsOneParagraph(html) == (html.components(separatedBy: "<p>").count == 2), "\(html.debugDescription)")
        }
    }
}
