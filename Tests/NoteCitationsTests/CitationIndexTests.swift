import NoteCitations
import NoteParser
import Testing

@Suite struct CitationIndexTests {
    let index = Fixtures.index(Fixtures.vault)

    @Test func groupsDefinitionsBySource() throws {
        #expect(index.sources.map(\.url) == ["https://example.com/alpha", "https://beta.org/b"])
        let alpha = try #require(index.sources.first)
        #expect(alpha.ids == ["src1", "alpha"])
        #expect(alpha.titles == ["Alpha Article"])
        #expect(alpha.domain == "example.com")
        #expect(alpha.referenceCount == 3)
        #expect(alpha.uses.map { "\($0.path) \($0.ids) \($0.references)" } == ["a.md [\"src1\"] 2", "sub/b.md [\"alpha\"] 1"])
        #expect(alpha.published.map(\.description) == ["2024-03-17"])
        #expect(alpha.updated.map(\.description) == ["2025-09-14"])
        #expect(alpha.citedOn.map(\.description) == ["2025-09-14"])
        #expect(alpha.publicationYear == 2024)
    }

    @Test func countsNotes() {
        #expect(index.notes.map(\.path) == ["a.md", "sub/b.md"])
        #expect(index.notes.map(\.references) == [3, 1])
        #expect(index.notes.map(\.sources) == [2, 1])
        #expect(index.referenceCount == 4)
        #expect(index.definitions.count == 3)
        #expect(index.problemCounts[.sameSourceSeveralIDs] == 1)
        #expect(index.problemCounts[.undefined] == 0)
    }
}
