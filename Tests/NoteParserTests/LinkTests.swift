import Testing
@testable import NoteParser

@Suite struct LinkTests {
    @Test func wikilinksAndEmbeds() throws {
        let note = try Fixture.note("See [[Tide Gauges#History|gauges]] and ![[chart.png]].\n\n| A | B |\n| - | - |\n| [[Moon\\|the moon]] | x |\n")
        #expect(note.wikilinks.map(\.target) == ["Tide Gauges", "chart.png", "Moon"])
        #expect(note.wikilinks[0].heading == "History")
        #expect(note.wikilinks[0].alias == "gauges")
        #expect(note.wikilinks.map(\.isEmbed) == [false, true, false])
        #expect(note.text(note.wikilinks[1].range) == "![[chart.png]]")
        #expect(note.wikilinks[2].alias == "the moon")
        #expect(note.wikilinks[2].inTable)
    }

    @Test func markdownLinksImagesAndBareURLs() throws {
        let note = try Fixture.note("A [guide](https://example.org/g) and ![map](img/map.png).\n\nhttps://example.org/alone\n")
        #expect(note.links.map(\.destination) == ["https://example.org/g", "img/map.png"])
        #expect(note.links.map(\.isImage) == [false, true])
        #expect(note.links[0].text == "guide")
        #expect(note.bareURLs.map(\.url) == ["https://example.org/alone"])
        #expect(note.bareURLs[0].range.start.line == 3)
    }

    @Test func headingsAndThematicBreaks() throws {
        let note = try Fixture.note("# Top\n\nText\n\n***\n\nMore\n\n---\n\n## **Bold** heading\n")
        #expect(note.headings.map(\.level) == [1, 2])
        #expect(note.headings.map(\.text) == ["Top", "Bold heading"])
        #expect(note.thematicBreaks.map(\.marker) == ["*", "-"])
        #expect(note.thematicBreaks.map(\.range.start.line) == [5, 9])
    }

    @Test func unclosedOpenersDoNotHideLaterLinks() throws {
        let note = try Fixture.note("[[a [[b ![[c\n[[Tide]] and [[x [[Moon]] then [[\n![[chart.png]]\n")
        #expect(note.wikilinks.map(\.target) == ["Tide", "x [[Moon", "chart.png"])
        #expect(note.wikilinks.map(\.isEmbed) == [false, false, true])
        #expect(note.text(note.wikilinks[2].range) == "![[chart.png]]")
    }

    @Test func commentsMaySpanLines() throws {
        let note = try Fixture.note("Before %%inline%% after.\n\n%%\nblock\n%%\n`%%code%%`\n")
        #expect(note.comments.map { note.text($0) } == ["%%inline%%", "%%\nblock\n%%"])
    }

    @Test func linksInCodeAreIgnored() throws {
        let note = try Fixture.note("`[[Not a link]]`\n")
        #expect(note.wikilinks.isEmpty)
    }
}
