import Foundation
import NoteCitations
import NoteParser
import Testing

/// The real vault next to the repository: `../shared/corpus`.
private let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus").path

@Suite(.enabled(if: FileManager.default.fileExists(atPath: corpus), "no corpus at \(corpus)"))
struct CorpusTests {
    static let notes: [Note] = NoteParser().parse(files: NoteFiles.collect([corpus]).files).compactMap { try? $0.get() }
    static let index = CitationIndex(notes: notes)

    @Test func countsAreSane() {
        let index = Self.index
        #expect(index.notes.count == Self.notes.count)
        #expect(index.notes.count > 1000)
        #expect(index.definitions.count == Self.notes.reduce(0) { $0 + $1.footnoteDefinitions.count })
        #expect(index.referenceCount == Self.notes.reduce(0) { $0 + $1.footnoteReferences.count })
        #expect(index.sources.count > 1000 && index.sources.count <= index.definitions.count)
        #expect(index.sources.reduce(0) { $0 + $1.referenceCount } <= index.referenceCount)
        #expect(zip(index.sources, index.sources.dropFirst()).allSatisfy { $0.referenceCount >= $1.referenceCount })
        #expect(index.sources.allSatisfy { $0.url == URLNormalizer.normalize($0.url) })
    }

    /// One source of truth: the index counts what the parser model says.
    @Test func problemCountsMatchTheParserModel() {
        let notes = Self.notes
        let counts = Self.index.problemCounts
        let definitions = notes.flatMap(\.footnoteDefinitions)
        #expect(counts[.undefined] == notes.flatMap(\.footnoteReferences).filter { !$0.isDefined }.count)
        #expect(counts[.unused] == definitions.filter(\.isUnused).count)
        #expect(counts[.duplicateDefinition] == definitions.filter(\.isDuplicate).count)
        #expect(counts[.missingColon] == definitions.filter { $0.form == .missingColon }.count)
        #expect(counts[.corruptedLabel] == definitions.filter { $0.form == .corruptedLabel }.count)
        #expect(counts[.malformed] == definitions.filter { $0.fields.url == nil }.count)
        #expect(counts[.legacyNumeric] == notes.flatMap(\.legacyDefinitions).count)
    }

    /// Every extra id of a source is reported once, every extra URL of an id once.
    @Test func crossNoteProblemsMatchTheirDefinition() {
        let cited = Self.index.definitions.filter { !$0.definition.isDuplicate && $0.url != nil }
        func extras(groupedBy group: (IndexedDefinition) -> String, value: (IndexedDefinition) -> String) -> Int {
            Dictionary(grouping: cited, by: group).values.reduce(0) { total, members in
                let counts = Dictionary(grouping: members, by: value).values.map(\.count)
                return total + (counts.count > 1 ? members.count - counts.max()! : 0)
            }
        }
        let counts = Self.index.problemCounts
        #expect(counts[.sameSourceSeveralIDs] == extras(groupedBy: { $0.url! }, value: \.key))
        #expect(counts[.idConflict] == extras(groupedBy: \.key, value: { $0.url! }))
    }
}
