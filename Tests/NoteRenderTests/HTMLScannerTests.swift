import Foundation
import NoteParser
import Testing
@testable import NoteRender

/// The byte scanners of the HTML pipeline (heading ids, block ids, highlights) find what the
/// Swift `Regex` patterns they replaced found, on hand-written cases and on inputs built from
/// many small pieces.
@Suite struct HTMLScannerTests {
    // The patterns the scanners replaced, kept here as the reference.
    nonisolated(unsafe) static let heading = #/<h([1-6])>(.*?)</h\1>/#
    nonisolated(unsafe) static let tag = #/<[^>]*>/#
    nonisolated(unsafe) static let blockID = #/[ \t]+\^([A-Za-z0-9-]+)(?=</p>|</li>|</h[1-6]>|</td>|</th>)/#
    nonisolated(unsafe) static let highlight = #/==([^=\s](?:[^=\n]*[^=\s])?)==/#

    static func regexHeadingIDs(_ html: String) -> String {
        var taken = Set(["sources-heading"])
        return html.replacing(heading) { match in
            let base = Slug.make(String(match.2).replacing(tag, with: ""), fallback: "section")
            var id = base, counter = 2
            while !taken.insert(id).inserted {
                id = "\(base)-\(counter)"
                counter += 1
            }
            return "<h\(match.1) id=\"\(id)\">\(match.2)</h\(match.1)>"
        }
    }

    static func regexBlockIDs(_ html: String) -> String {
        html.replacing(blockID) { "<span id=\"\(BlockIDs.anchor(String($0.1)))\"></span>" }
    }

    /// Strings joined from `pieces`, chosen by a fixed pseudo-random sequence.
    static func samples(_ pieces: [String], count: Int = 300, length: Int = 12) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            (0..<length).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return pieces[Int(state >> 33) % pieces.count]
            }.joined()
        }
    }

    @Test func headingIDsAsTheRegexGaveThem() {
        let cases = [
            "<h1>Title</h1>\n<h2>Title</h2>\n<h2>Title</h2>\n",
            "<h2>A <em>b</em> &amp; c</h2>\n<h3>Sources heading</h3>\n<h1>sources heading</h1>\n",
            "<h1>open\nline</h1>\n<h2>x</h3></h2>\n<h7>no</h7><h1></h1>",
            "<h1>a<h1>b</h1>",
            "<h4>x < y and y > z</h4><h5>\u{2028}</h5><h6>é ü</h6>",
        ] + Self.samples(["<h1>", "<h2>", "</h1>", "</h2>", "a", " ", "\n", "<b>", "</b>", "<", ">", "Ünï", "\r"])
        for html in cases {
            #expect(HeadingIDs.render(html) == Self.regexHeadingIDs(html), "\(html)")
        }
    }

    @Test func tagsRemovedAsTheRegexRemovedThem() {
        for text in ["a<b>c</b>d", "a<b", "a>b<c", "<<a>b>", "<x<y>z", "no tags", "a<b>c<d"]
            + Self.samples(["<", ">", "a", "<i>", "é"]) {
            #expect(HeadingIDs.withoutTags(text) == text.replacing(Self.tag, with: ""), "\(text)")
        }
    }

    @Test func blockIDsAsTheRegexFoundThem() {
        let cases = [
            "<p>Text ^abc</p>\n<li>item\t ^x-1</li><td>a ^b</td><th>c ^d</th><h2>e ^f</h2>",
            "<p>no space^abc</p><p>end ^abc</em></p><p>^abc</p><p> ^</p><p> ^a_b</p>",
        ] + Self.samples([" ", "\t", "^", "ab", "-", "</p>", "</li>", "</h3>", "</td>", "</em>", "x", "</h9>"])
        for html in cases {
            #expect(BlockIDs.render(html) == Self.regexBlockIDs(html), "\(html)")
        }
    }

    @Test func highlightsAsTheRegexFoundThem() throws {
        let cases = [
            "==a== and == b== and ==c == and ===d=== and ==e=f== and ==\n==\n",
            "`==code==` ==x== ==y\u{00A0}== ==\u{3000}z== ==ü==",
            "---\nk: ==a==\n---\nb == c\n===\n", "---\nk: ==a==\n---\n==b==\n", "a ==\u{A0}b== ==\u{A0}==\n",
        ] + Self.samples(["==", "=", "a", " ", "\n", "b c", "`", "é", "\t"])
            // Front matter, setext underlines, comparisons: most texts hold `==` but no highlight.
            + Self.samples(["---\n", "==", "===\n", "x == y", "==x==", "k: v\n", "\n", "`", "    ", "é", " "], count: 1000)
        for markdown in cases {
            let highlights = try #require(Highlights(unusedIn: Placeholder(unusedIn: markdown)))
            let note = try NoteParser().parse(bytes: Array(markdown.utf8), path: "")
            var edits = SourceEdits(source: note.source)
            for line in note.bodyStartLine...note.source.lineCount {
                let start = note.source.lineStarts[line - 1], text = note.source.lineString(line)
                for match in text.matches(of: Self.highlight) {
                    let lower = start + text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
                    let upper = start + text.utf8.distance(from: text.startIndex, to: match.range.upperBound)
                    guard !note.code.overlaps(lower..<upper) else { continue }
                    edits.replace(lower..<upper, with: highlights.open + match.1 + highlights.close)
                }
            }
            let expected = markdown.contains("==") ? edits.applied() : markdown
            #expect(highlights.mark(markdown) == expected, "\(markdown)")
        }
    }

    @Test func replacingBytesReplacesEveryOccurrence() {
        #expect("a==b==c".replacingBytes(of: "==", with: "<>") == "a<>b<>c")
        #expect("===".replacingBytes(of: "==", with: "x") == "x=")
        #expect("none".replacingBytes(of: "==", with: "x") == "none")
        #expect("\u{E000}é\u{E000}".replacingBytes(of: "\u{E000}", with: "<mark>") == "<mark>é<mark>")
        #expect("".replacingBytes(of: "a", with: "b") == "")
    }

    @Test func blockIDsOfASiteNoteAsEveryByteWasRead() {
        for text in ["a ^x ^y\n ^z\r\n^w", "", "^", " ^", "x^y ^"]
            + Self.samples([" ", "^", "a", "\n", "\r", "b-1", "é"], count: 1000, length: 10) {
            let bytes = Array(text.utf8)
            var expected = Set<String>(), index = 0
            while index + 1 < bytes.count {
                defer { index += 1 }
                guard bytes[index] == UInt8(ascii: " "), bytes[index + 1] == UInt8(ascii: "^") else { continue }
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
                expected.insert(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
            }
            #expect(SiteNote.blocks(in: SourceText(bytes: bytes)) == expected.sorted(), "\(text.debugDescription)")
        }
    }
}

