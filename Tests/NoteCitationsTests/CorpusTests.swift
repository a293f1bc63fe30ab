import CitationReports
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

    /// The note-level kinds count what the parser model says, with the lint rules' semantics
    /// (the index and the rules share one detection, `NoteCitationScan`).
    @Test func problemCountsMatchTheParserModel() {
        let notes = Self.notes
        let counts = Self.index.problemCounts
        let definitions = notes.flatMap(\.footnoteDefinitions)
        #expect(counts[.undefined] == notes.flatMap(\.footnoteReferences).filter { !$0.isDefined }.count)
        // Colon-less and corrupted forms are reported as such, not also as unused.
        #expect(counts[.unused] == definitions.filter { $0.isUnused && $0.form == .proper }.count)
        #expect(counts[.duplicateDefinition] == definitions.filter(\.isDuplicate).count)
        #expect(counts[.missingColon] == definitions.filter { $0.form == .missingColon }.count)
        #expect(counts[.corruptedLabel] == definitions.filter { $0.form == .corruptedLabel }.count)
        #expect(counts[.malformed] == definitions.filter { $0.fields.url == nil }.count)
        // Every `[4]:` definition, and every inline `[4]` whose numbers are all defined.
        #expect(counts[.legacyNumeric] == notes.reduce(0) {
            $0 + $1.legacyDefinitions.count + $1.legacyReferences.filter(\.isDefined).count
        })
    }

    /// The JSON report of the corpus is what `JSONEncoder` writes, and `build` (notes parsed,
    /// scanned and dropped on all cores) indexes what `init(notes:)` indexes.
    @Test func jsonReportIsWhatJSONEncoderWrites() throws {
        let (built, errors) = CitationIndex.build(paths: [corpus], root: corpus)
        #expect(errors.isEmpty)
        let report = CitationReport(index: built, root: corpus)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = try encoder.encode(CitationReport(index: CitationIndex(notes: Self.notes, root: corpus), root: corpus))
        #expect(report.json == [UInt8](expected))
    }

    /// The corpus counts, checked by an independent Python count: it strips front matter,
    /// fenced code and code spans; per note takes the first definition of each id (a
    /// corrupted `[^id]tail]:` line counts as defining it) that is a proper `[^id]:` line
    /// with a URL, normalised as documented; orders notes by path; then reports each
    /// definition whose id has another URL than the id's first definition (numeric ids
    /// left out), and each whose URL has another id than its first comparable definition
    /// (numeric ids only compared within their note). Legacy: 1,828 `[n]:` lines plus 3,473
    /// inline `[n]` (chains like `[2][3]` included) in notes defining every number cited.
    @Test func corpusCounts() {
        let counts = Self.index.problemCounts
        #expect(counts[.unused] == 850)
        #expect(counts[.idConflict] == 1)
        #expect(counts[.sameSourceSeveralIDs] == 146)
        #expect(counts[.legacyNumeric] == 1828 + 3473)
    }
}
