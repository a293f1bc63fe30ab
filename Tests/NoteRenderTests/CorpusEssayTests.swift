import Foundation
import Testing
import NoteParser
@testable import NoteRender

@Suite(.enabled(if: Fixtures.hasEssays, "../shared/corpus/essays is not here"))
struct CorpusEssayTests {
    @Test func everyCleanedEssayReparsesWithoutCitationProblems() throws {
        let (files, _) = NoteFiles.collect([Fixtures.essays.path])
        #expect(!files.isEmpty)
        let links = PublishedLinks(pattern: "{slug}.{ext}", fileExtension: "md")
        for result in NoteParser().parse(files: files) {
            let note = try result.get()
            let cleaned = NoteCleaner(note: note, vaultPath: note.path, options: RenderOptions(), links: links).clean()
            let problems = try Fixtures.citationProblems(cleaned.markdown)
            #expect(problems.isEmpty, "\(note.path): \(problems)")
        }
    }

    @Test func everyEssayRendersToHTMLWithResolvingAnchors() throws {
        let (files, _) = NoteFiles.collect([Fixtures.essays.path])
        // `[[#Heading]]` links become in-page anchors, checked with the citation links.
        let renderer = NoteRenderer(templates: try Fixtures.templates(), links: PublishedLinks(pattern: "{slug}.{ext}", fileExtension: "html"))
        for result in NoteParser().parse(files: files) {
            let note = try result.get()
            let (links, ids) = Fixtures.anchors(in: renderer.html(renderer.clean(note)))
            #expect(links.subtracting(ids).isEmpty, "\(note.path): \(links.subtracting(ids).sorted())")
        }
    }
}
