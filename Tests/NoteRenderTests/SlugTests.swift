import Foundation
import NoteParser
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

    @Test func aSlugIsOneWhenMakingItAgainKeepsIt() {
        for text in Self.cases + ["a", "a-b", "-a", "a-", "a--b", "A", "a_b", "é"] {
            let made = Slug.make(text)
            #expect(Slug.isSlug(made), "\(made)")
            if text.utf8.count <= 80 { #expect(Slug.isSlug(text) == (made == text && !text.isEmpty), "\(text.debugDescription)") }
        }
        // `unique`'s suffix may take a slug past `make`'s 80 bytes; it is still one.
        let long = Slug.unique([String(repeating: "word ", count: 30), String(repeating: "word ", count: 30)])
        #expect(long[1] == long[0] + "-2" && long[1].utf8.count > 80 && Slug.isSlug(long[1]))
    }

    /// Two notes whose long titles give the same 80-byte slug: `render` writes both pages, the
    /// second under the `-2` name its links use (it had been cut back to the first's and replaced it).
    @Test func collidingLongTitlesKeepBothPages() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-slug-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let notes = base.appendingPathComponent("notes"), output = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let title = "Introducing a Remote Protocol Server for Teams - Work Life by a Company With a Long Name"
        try "# \(title)\n\nFirst body.\n".write(to: notes.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "# \(title)\n\nSecond body, see [[a]].\n".write(to: notes.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        for format in RenderRun.Format.allCases {
            let run = RenderRun(format: format, templates: try Fixtures.templates())
            let report = run.render(files: NoteFiles.collect([notes.path]).files, output: OutputFolder(path: output.path), index: false)
            #expect(report.errors.isEmpty)
            #expect(Set(report.written.map(\.lastPathComponent)).count == 2, "\(report.written)")
            let bodies = try report.written.map { try String(contentsOf: $0, encoding: .utf8) }
            #expect(bodies.contains { $0.contains("First body.") } && bodies.contains { $0.contains("Second body") })
        }
    }
}
