import Foundation
import Testing
@testable import NoteParser

/// The byte scans of `CitationFieldParser` against what they stand for, on generated texts made
/// of pieces that reach both sides of each test (ASCII and not, combining marks, quotes, blanks).
@Suite struct CitationFieldScanTests {
    private static func text(_ pieces: [String], _ generator: inout SplitMix64) -> String {
        (0..<Int(generator.next() % 8)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    /// A link's destination read on the bytes is the one read on the characters.
    @Test func asciiDestinationAgreesWithTheCharacters() {
        var generator = SplitMix64(seed: 0xD357)
        let pieces = [" ", "\t", "<", ">", "a", "/", "x y", "é", "\u{301}", "\u{600}", "<\u{338}", "https://e.com/a"]
        var read = 0
        for _ in 0..<4000 {
            let written = Self.text(pieces, &generator)
            let bytes = Array(written.utf8)
            guard let fast = bytes.withUnsafeBufferPointer({ CitationFieldParser.asciiDestination($0, 0..<$0.count) }) else { continue }
            read += 1
            #expect(fast == CitationFieldParser.destination(written[...]), "\(written.debugDescription)")
        }
        #expect(read > 1000)
    }

    /// The first link found with `memchr` for its brackets and parentheses is the one found by
    /// counting depth over every byte (the scan before it, kept here as the reference).
    @Test func firstLinkAgreesWithCountingDepth() {
        var generator = SplitMix64(seed: 0x11AC)
        let pieces = ["[", "]", "(", ")", "a", " ", "<", ">", "^", "é", "[PDF] ", "](", "https://x.org/a_(b)", "\u{301}"]
        var found = 0
        for _ in 0..<6000 {
            // Half the texts hold a link's `](` for the scans to get past the brackets.
            let text = Self.text(pieces, &generator) + (generator.next() % 2 == 0 ? "[t](" : "") + Self.text(pieces, &generator)
            let link = CitationFieldParser.firstLink(in: text[...])
            let expected = Self.referenceFirstLink(in: text[...])
            if link != nil { found += 1 }
            #expect(link?.title == expected?.title && link?.url == expected?.url, "\(text.debugDescription)")
        }
        #expect(found > 500)
    }

    private static func referenceFirstLink(in text: Substring) -> (title: String, url: String)? {
        let bytes = Array(text.utf8)
        func index(_ offset: Int) -> Substring.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
        var from = 0
        while let open = bytes[from...].firstIndex(of: UInt8(ascii: "[")) {
            var depth = 0
            var close: Int?
            for cursor in open..<bytes.count {
                if bytes[cursor] == UInt8(ascii: "[") { depth += 1 } else if bytes[cursor] == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { close = cursor; break }
                }
            }
            guard let close else { return nil }
            if close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "(") {
                var end: Int?
                var depth = 0
                for cursor in (close + 1)..<bytes.count {
                    if bytes[cursor] == UInt8(ascii: "(") { depth += 1 } else if bytes[cursor] == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { end = cursor; break }
                    }
                }
                if let end = end ?? bytes[(close + 1)...].firstIndex(of: UInt8(ascii: ")")) {
                    var url = text[index(close + 2)..<index(end)].trimmed()
                    if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
                    if let space = url.utf8.firstIndex(of: UInt8(ascii: " ")) { url = String(url[..<space]) }
                    let title = String(text[index(open + 1)..<index(close)])
                    if !url.isEmpty, !title.hasPrefix("^") { return (title, url) }
                }
            }
            from = open + 1
        }
        return nil
    }

    /// The labels' ends found over the colons are those of a search for each label.
    @Test func dateLabelEndsAgreeWithASearch() {
        var generator = SplitMix64(seed: 0xDA7E)
        let pieces = ["Published", "Updated", ":", "Published:", "Updated:", " ", "é", "P", "U", "d:", "https://e.com"]
        for _ in 0..<4000 {
            let text = Self.text(pieces, &generator)
            let ends = CitationFieldParser.dateLabelEnds(in: text)
            func end(_ label: String) -> Int? { text.byteRange(of: label).map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) } }
            #expect(ends.published == end("Published:") && ends.updated == end("Updated:"), "\(text.debugDescription)")
        }
    }

    /// The title before `Retrieved from` is trimmed as Foundation trims it.
    @Test func trimmingQuotesAgreesWithFoundation() {
        var generator = SplitMix64(seed: 0x7E1D)
        let pieces = [" ", ".", "\"", "\u{201C}", "\u{201D}", "a", "é", "\u{301}", "\u{2019}", "\n", "Title"]
        let set = CharacterSet(charactersIn: " \".\u{201C}\u{201D}")
        for _ in 0..<4000 {
            let text = Self.text(pieces, &generator)
            #expect(CitationFieldParser.trimmingQuotes(text[...]) == text.trimmingCharacters(in: set), "\(text.debugDescription)")
        }
    }
}
