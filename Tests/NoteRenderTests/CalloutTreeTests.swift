import NoteParser
import Testing
@testable import NoteRender

/// Callouts boxed from the page's one parse (`CalloutTree`) render as the marked body's second
/// parse renders them: the same HTML, the same callouts recorded.
@Suite struct CalloutTreeTests {
    /// A small linear congruential generator: the same texts every run.
    struct Draw {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
        /// One of `common`, or of `rare` one time in `odds`.
        mutating func pick<T>(_ common: [T], rare: [T], odds: Int) -> T { next(odds) == 0 ? pick(rare) : pick(common) }
    }

    static let types = ["note", "tip", "LLM Response", "unknown-type", "Info", "faq"]
    static let rareTypes = ["x_y", "é", "x\u{301}", "[x]", "", "a*b"]
    static let titles = ["", " A", " *em*", " **Q** (d)", " www.e.com", " a@b.co", " [^1]", " a [b", "   spaced  ", " a\\", " &amp; b",
                         " *a", " b]", " T"]
    static let rareTitles = [" a `code", " [l](/u)", "y", " a  ", "\tA", " [l][r]", " <b>x</b>"]
    static let lines = ["body", "**Question:**", "b*c*", "y*", "b]", "", "", "- item", "1. one", " two spaces", "| a | b |", "|---|---|",
                        "a | b", "# H", "-x", "## Sources", "text [^1]", "&amp;", "  - sub", "x\\"]
    static let rareLines = ["2. two", "    code", "~~~", "```", "---", "===", "[x]: /u", "<div>", "<!--", "<pre>", "-", "*", "\ttab",
                            "`x", "[!b] inline", "    ```"]

    /// A callout's lines (without its `>`): a header, body lines, nested callouts and lazy lines.
    static func callout(_ draw: inout Draw, depth: Int) -> [(line: String, lazy: Bool)] {
        let fold = draw.pick(["", "", "-", "+"])
        var lines = [("[!" + draw.pick(types, rare: rareTypes, odds: 12) + "]" + fold + draw.pick(titles, rare: rareTitles, odds: 10), false)]
        for _ in 0..<draw.next(5) {
            if depth < 3, draw.next(5) == 0 {
                lines += callout(&draw, depth: depth + 1).map { ("> " + $0.line, $0.lazy) }
            } else if draw.next(25) == 0 {
                lines.append((draw.pick(["lazy", "    lazy", "- lazy"]), true))
            } else {
                lines.append((draw.pick(Self.lines, rare: rareLines, odds: 10), false))
            }
        }
        return lines
    }

    /// A page of blocks: callouts (some in list items), paragraphs, headings, code, tables.
    static func page(_ draw: inout Draw) -> String {
        var blocks: [String] = []
        for _ in 0..<(1 + draw.next(4)) {
            switch draw.next(8) {
            case 0...3:
                let gap = draw.next(15) == 0 ? ">" : "> "
                blocks.append(callout(&draw, depth: 0).map { $0.lazy ? $0.line : ($0.line.isEmpty ? ">" : gap + $0.line) }
                    .joined(separator: "\n"))
            case 4:
                let (marker, indent) = draw.pick([("- ", "  "), ("1. ", "   "), ("* ", "  ")])
                let lines = callout(&draw, depth: 1).map { $0.lazy ? $0.line : ($0.line.isEmpty ? ">" : "> " + $0.line) }
                let item = ([marker + lines[0]] + lines.dropFirst().map { indent + $0 }).joined(separator: "\n")
                blocks.append(draw.pick(["", marker + "a\n", marker + "a\n\n"]) + item + draw.pick(["", "\n" + marker + "c", "\n  - d"]))
            case 5: blocks.append(draw.pick(["text", "A[^1] b", "# H", "# T", "## Other", "```\ncode\n```", "| a | b |\n|---|---|\n| c | d |"]))
            case 6: blocks.append(draw.pick(["> plain\n> > [!tip] in plain", "> [!note] A\n> [!tip] B", "text\n> [!tip] after text"]))
            default: blocks.append("- item\n- other")
            }
        }
        var text = blocks.joined(separator: draw.next(6) == 0 ? "\n" : "\n\n") + "\n"
        switch draw.next(4) {
        case 0: text = "---\ntitle: T\n---\n# T\n\n" + text
        case 1: text = "# T\n\n" + text + "\n## Sources\n\n[^1]: x\n"
        default: break
        }
        return text
    }

    @Test func calloutsBoxedFromTheTreeRenderAsTheMarkedBody() throws {
        var cases = ["> [!info] **Perplexity Query** (2025-01-01)\n> **Question:**\n> Why?\n>\n> **Model:** m\n\nAfter.\n",
                     "# T\n\n> [!note] A\n> body\n\n## Sources\n\n[^1]: x\n", "---\na: 1\n---\n> [!tip]- x\n> > [!note] y\n> > z\n",
                     "- a\n- > [!tip] Title\n  > body\n- c\n", "1. x\n   - > [!note]- Fold *em*\n     > inner\n   - y\n2. z\n",
                     "> [!tip]\n", "> [!tip] A\n>\n", String(repeating: "> ", count: 20) + "[!tip] deep\n",
                     (0..<18).map { String(repeating: "> ", count: $0) + "[!n] \($0)\n" }.joined(),
                     (0..<300).map { "> [!note] \($0)\n> b\n\n- i\n\n" }.joined()]
        var draw = Draw()
        for _ in 0..<4000 { cases.append(Self.page(&draw)) }
        for unsafe in [false, true] {
            let page = HTMLPage(templates: try Fixtures.templates(), options: RenderOptions(), unsafe: unsafe)
            var taken = 0, boxed = 0, holding = 0
            for markdown in cases {
                var markers = CalloutMarkers(unusedIn: Placeholder(unusedIn: markdown))
                var expected = markers
                let reference = CmarkParser.renderHTML(markdown: page.markedBody(of: markdown, title: "T", markers: &expected), unsafe: unsafe)
                if !expected.callouts.isEmpty { holding += 1 }
                guard let html = page.oneParseBodyHTML(markdown, title: "T", markers: &markers) else {
                    #expect(markers.callouts.isEmpty)
                    continue
                }
                taken += 1
                if !markers.callouts.isEmpty { boxed += 1 }
                #expect(html == reference, "\(markdown.debugDescription)")
                #expect(markers.callouts.map { "\($0.type) \($0.fold)" } == expected.callouts.map { "\($0.type) \($0.fold)" },
                        "\(markdown.debugDescription)")
            }
            // Many of these texts hold something the tree cannot judge, yet it must box many.
            #expect(boxed > holding / 5, "\(boxed) of \(holding) with callouts, \(taken) taken")
        }
    }

    @Test func calloutsTheTreeCannotJudgeAreLeftToTheMarkedBody() throws {
        let page = HTMLPage(templates: try Fixtures.templates(), options: RenderOptions(), unsafe: false)
        // Many callouts, lists and items are no deep nesting.
        let boxed = ["> [!note] A\n> body\n", "> [!tip]- x\n> > [!note] y\n", "- > [!tip] T\n  > b\n",
                     (0..<300).map { "> [!note] \($0)\n> b\n\n- i\n\n" }.joined()]
        let left = ["> [!x] a `b\n> c`\n", "> [!x] A\n>     code\n", "> [!x] A\n> 2. two\n", "> [!x] A\n> ```\n> open\n",
                    "> [!x] A\n\n[!x]: /u\n", "> [!x] A\n>\tb\n", "> > [!x] A\n", "- a\n  - > [!x] A\n", "> [!x] A\nlazy\n"]
        for markdown in boxed {
            var markers = CalloutMarkers(unusedIn: Placeholder(unusedIn: markdown))
            #expect(page.oneParseBodyHTML(markdown, title: "T", markers: &markers) != nil && !markers.callouts.isEmpty, "\(markdown)")
        }
        for markdown in left {
            var markers = CalloutMarkers(unusedIn: Placeholder(unusedIn: markdown))
            #expect(page.oneParseBodyHTML(markdown, title: "T", markers: &markers) == nil, "\(markdown)")
        }
    }
}
