import Testing
@testable import NoteParser

/// Counts over `../shared/corpus`, the 1,399 real notes, checked independently with a
/// separate script and by reading samples.
@Suite(.enabled(if: Fixture.corpusExists, "../shared/corpus is absent: corpus counts not checked"))
struct CorpusTests {
    @Test func countsOverTheCorpus() throws {
        let files = NoteFiles.collect([Fixture.corpus]).files
        let results = NoteParser().parse(files: files)
        let notes = results.compactMap { try? $0.get() }
        #expect(files.count == 1399)
        #expect(notes.count == files.count, "every note parses without a file error")
        let references = notes.flatMap(\.footnoteReferences)
        let definitions = notes.flatMap(\.footnoteDefinitions)
        #expect(notes.flatMap(\.queryCallouts).count == 277)
        #expect(references.count == 27933)
        #expect(references.filter { !$0.isDefined }.count == 64)
        #expect(definitions.count == 5972)
        #expect(definitions.filter(\.isUnused).count == 1062)
        #expect(definitions.filter { $0.form == .missingColon }.count == 344)
        #expect(definitions.filter { $0.form == .corruptedLabel }.count == 206)
        #expect(notes.flatMap(\.legacyDefinitions).count == 1828)
        #expect(notes.flatMap(\.legacyReferences).count == 3740)
        // Only a template's unquoted `{{...}}` placeholders, which YAML reads as maps used as keys.
        let diagnostics = notes.flatMap(\.diagnostics)
        #expect(diagnostics.count == 3)
        #expect(diagnostics.allSatisfy { $0.code == .invalidYAML && $0.message.contains("key that is itself a map") })
    }
}

@Suite(.enabled(if: Fixture.seedExists, "../shared/seeds is absent: seed essay not checked"))
struct SeedEssayTests {
    @Test func theAIModelWars() throws {
        let note = try NoteParser().parse(contentsOf: Fixture.seedEssay)
        #expect(note.footnoteDefinitions.count == 3)
        #expect(note.footnoteDefinitions.map(\.isUnused) == [false, false, false])
        #expect(note.footnoteDefinitions.map(\.fields.kind) == [.house, .house, .house])
        #expect(note.footnoteDefinitions.map { $0.fields.published != nil && $0.fields.updated != nil } == [true, true, true])
        #expect(note.legacyDefinitions.map(\.number) == [4, 5, 6])
        #expect(note.queryCallouts.count == 1)
        #expect(note.queryCallouts.first?.provider == "Perplexity")
        #expect(note.queryCallouts.first?.model == "sonar-pro")
        #expect(note.citationSections.map(\.text) == ["Citations"])
    }
}
