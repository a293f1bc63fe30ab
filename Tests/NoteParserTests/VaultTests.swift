import Foundation
import Testing
@testable import NoteParser

/// The example vault in Notes/ parses completely, and its essay reads as written.
@Suite struct VaultTests {
    static let essayPath = Fixture.vault + "/essays/The Quiet Economics of Tidal Storage.md"

    @Test func everyNoteParses() {
        let (files, missing) = NoteFiles.collect([Fixture.vault])
        let failures = NoteParser().parse(files: files).compactMap { result -> NoteError? in
            if case .failure(let error) = result { return error } else { return nil }
        }
        #expect(missing.isEmpty)
        #expect(files.count == 15)
        #expect(failures.map(\.description) == [])
    }

    @Test func essayFrontMatter() throws {
        let note = try NoteParser().parse(contentsOf: Self.essayPath)
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.entries.map(\.key) == ["title", "lede", "date_created", "date_modified", "site_uuid", "tags", "authors", "status"])
        #expect(frontMatter.value("title") == .string("The Quiet Economics of Tidal Storage"))
        #expect(frontMatter.value("date_created") == .date("2025-04-02"))
        #expect(frontMatter.value("tags") == .list([.string("Tidal-Energy"), .string("Grid-Storage"), .string("Check-It-Out")]))
        #expect(frontMatter.entry("tags")?.style == .block)
        #expect(note.diagnostics.isEmpty)
    }

    @Test func essayQueryAndCitations() throws {
        let note = try NoteParser().parse(contentsOf: Self.essayPath)
        let query = try #require(note.queryCallouts.first)
        #expect(note.queryCallouts.count == 1)
        #expect(query.provider == "Perplexity" && query.model == "sonar-pro")
        #expect(query.timestamp == "2025-09-18T09:12:44.120Z")
        #expect(query.responseRange?.start.line == 26)
        #expect(note.footnoteDefinitions.map(\.label) == ["k3v9qa", "p7d2mw", "x4h8rt"])
        #expect(note.footnoteDefinitions.map(\.fields.kind) == [.house, .house, .house])
        #expect(note.footnoteDefinitions.map(\.isUnused) == [false, false, false])
        #expect(note.footnoteDefinitions[2].fields.updated == .notAvailable)
        #expect(note.footnoteReferences.count == 6)
        #expect(note.footnoteReferences.filter(\.inTable).map(\.label) == ["p7d2mw"])
        #expect(note.citationSections.map(\.text) == ["Citations"])
        #expect(note.wikilinks.map(\.target) == ["Tidal Range", "Levelised Cost"])
    }

    @Test func faultNotesSayWhichFaultTheyShow() throws {
        let faults = NoteFiles.collect([Fixture.vault + "/faults"]).files
        #expect(faults.count == 8)
        for path in faults {
            let note = try NoteParser().parse(contentsOf: path)
            let comment = note.comments.first.map { note.text($0) }
            #expect(comment?.hasPrefix("%% Fault: ") == true, "\(path)")
        }
    }
}
