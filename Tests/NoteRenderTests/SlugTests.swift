import Foundation
import Testing
@testable import NoteRender

/// `Slug.make` reads ASCII text byte by byte and folds the rest with Foundation: it gives what
/// the Foundation-only version it replaced gave, kept here as the reference.
@Suite struct SlugTests {
    static func reference(_ text: String, fallback: String = "note") -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.count > 80 {
            slug = String(slug.prefix(80))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug.isEmpty ? fallback : slug.lowercased()
    }

    static let cases: [String] = {
        var cases = ["", "The AI Model Wars", "../etc/passwd", "--a--b--", "  ", "Ünïcödé Títle", "Ｆｕｌｌ ｗｉｄｔｈ", "ﬁnal", "日本語",
                     "a" + String(repeating: "b-", count: 50), String(repeating: "x", count: 79) + " yz", "key0: value"]
        cases.append(String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self))
        var generator = SystemRandomNumberGenerator()
        let pieces = ["A", "z", "9", " ", "-", "_", ":", "é", "\u{301}", "ß", "İ", "\t", "/", "Ω"]
        for _ in 0..<500 {
            cases.append((0..<Int.random(in: 0...100, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return cases
    }()

    @Test func matchesTheFoundationVersion() {
        for text in Self.cases {
            #expect(Slug.make(text) == Self.reference(text), "\(text.debugDescription)")
            #expect(Slug.make(text, fallback: "section") == Self.reference(text, fallback: "section"))
        }
    }
}
