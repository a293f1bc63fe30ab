import Foundation
import Testing
import NoteParser
@testable import NoteRender

@Suite(.enabled(if: Fixtures.hasSeed, "../shared/seeds/The AI Model Wars.md is not here"))
struct SeedEssayTests {
    let renderer: NoteRenderer
    let cleaned: CleanedNote
    let html: String

    init() throws {
        renderer = NoteRenderer(templates: try Fixtures.templates(), links: PublishedLinks(pattern: nil, fileExtension: "html"))
        cleaned = renderer.clean(try NoteParser().parse(contentsOf: Fixtures.seed.path))
        html = renderer.html(cleaned)
    }

    @Test func numbersThreeSourcesInOrderOfFirstUse() throws {
        #expect(cleaned.sources.map(\.number) == [1, 2, 3])
        let urls = cleaned.sources.compactMap(\.fields.url)
        #expect(urls.count == 3)
        // The order of first citation in the original note.
        let original = try String(contentsOf: Fixtures.seed, encoding: .utf8)
        let note = try Fixtures.parse(original)
        var firstUse: [String] = []
        for reference in note.footnoteReferences where !firstUse.contains(reference.label) { firstUse.append(reference.label) }
        #expect(cleaned.sources.map { $0.labels } == firstUse.map { [$0] })
        // The legacy [4] [5] [6] definitions are cited nowhere: dropped.
        #expect(note.legacyDefinitions.count == 3)
        #expect(!cleaned.sources.contains { $0.labels.contains { ["4", "5", "6"].contains($0) } })
        #expect(html.contains("<li id=\"fn-3\""))
        #expect(!html.contains("<li id=\"fn-4\""))
    }

    @Test func dropsTheQueryCalloutAndKeepsTheResponse() throws {
        let note = try Fixtures.parse(try String(contentsOf: Fixtures.seed, encoding: .utf8))
        let query = try #require(note.queryCallouts.first)
        #expect(!cleaned.markdown.contains(query.question))
        #expect(!html.contains("Query</strong>"))
        let response = try #require(query.responseRange)
        let firstLine = note.text(response).split(separator: "\n").first.map(String.init) ?? ""
        #expect(!firstLine.isEmpty && cleaned.markdown.contains(firstLine))
    }

    @Test func everyInPageLinkHasItsAnchor() {
        let (links, ids) = Fixtures.anchors(in: html)
        #expect(links.contains("fn-1") && links.contains("fnref-1"))
        #expect(links.subtracting(ids).isEmpty, "links without anchors: \(links.subtracting(ids).sorted())")
        // Each citation links to its source and each source back to every citation.
        let citations = html.matches(of: #/id="(fnref-[0-9-]+)"/#).map { String($0.1) }
        #expect(Set(citations).isSubset(of: links))
    }

    @Test func cleanedMarkdownHasNoCitationProblems() throws {
        #expect(try Fixtures.citationProblems(cleaned.markdown).isEmpty)
    }
}
