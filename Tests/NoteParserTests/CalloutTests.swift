import Testing
@testable import NoteParser

@Suite struct CalloutTests {
    @Test func headerFieldsAndBody() throws {
        let note = try Fixture.note("> [!LLM_Response]- Tide tables\n> first line\n> second line\n")
        let callout = try #require(note.callouts.first)
        #expect(callout.type == "LLM_Response")
        #expect(callout.normalizedType == "llm-response")
        #expect(callout.fold == .collapsed)
        #expect(callout.title == "Tide tables")
        #expect(callout.bodyLines == ["first line", "second line"])
        #expect(note.text(callout.bodyRange) == "> first line\n> second line")
        #expect(note.text(callout.typeRange) == "[!LLM_Response]")
        #expect(callout.depth == 0)
    }

    @Test func expandedFoldEmptyAndNested() throws {
        let note = try Fixture.note("> [!note]+\n> > [!tip] Inner\n> > inner body\n\n> [!warning]\n")
        #expect(note.callouts.map(\.normalizedType) == ["note", "tip", "warning"])
        #expect(note.callouts.map(\.depth) == [0, 1, 0])
        #expect(note.callouts[0].fold == .expanded)
        #expect(note.callouts[0].title.isEmpty)
        #expect(note.callouts[2].isEmpty)
    }

    @Test func lazyContinuationBelongsToTheCallout() throws {
        let note = try Fixture.note("> [!note] Lazy\n> quoted\nnot quoted\n")
        #expect(note.callouts.first?.bodyLines == ["quoted", "not quoted"])
    }

    @Test func plainBlockQuoteIsNoCallout() throws {
        let note = try Fixture.note("> just a quote [!note]\n")
        #expect(note.callouts.isEmpty)
    }
}
