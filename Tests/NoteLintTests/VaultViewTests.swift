import Foundation
import NoteCitations
@testable import NoteLint
import NoteParser
import Testing

/// A run that keeps of each note only its `vaultView` once its rules have run (`keepsNotes`
/// false, as `notekit lint` runs without a cache) reports exactly what a run keeping every note
/// does: on every rule's examples (vault rules read the other notes, and fix with their bytes)
/// and on the reference corpus.
@Suite struct VaultViewTests {
    static func lintBothWays(_ inputs: [Linter.Input], configuration: @escaping @Sendable (String) throws -> Configuration) throws
        -> (kept: Linter.Result, views: Linter.Result) {
        let kept = try Linter().lint(inputs, configuration: configuration)
        var linter = Linter()
        linter.keepsNotes = false
        return (kept, try linter.lint(inputs, configuration: configuration))
    }

    @Test(arguments: RuleRegistry.ids) func examplesFindTheSameFromViews(id: String) throws {
        let runner = ExampleRunner(rule: RuleRegistry.rules.first { type(of: $0).description.id == id }!)
        let description = try #require(RuleRegistry.description(of: id))
        let examples = (description.triggering + description.nonTriggering).map { ($0.files, $0.configuration) }
            + description.corrections.map { ([(path: "note.md", text: $0.before)], $0.configuration) }
        var found = 0
        for (files, text) in examples {
            let configuration = try runner.configuration(text)
            let inputs = files.map { Linter.Input(path: $0.path, bytes: Array(ExampleRunner.stripMarkers($0.text).text.utf8)) }
            let (kept, views) = try Self.lintBothWays(inputs) { _ in configuration }
            #expect(views.findings == kept.findings, "\(id): \(files.map(\.text))")
            #expect(views.errors.map(\.path) == kept.errors.map(\.path))
            // The notes are not returned: their bytes are, for reporters that quote them.
            #expect(views.contexts.isEmpty && views.notesLinted == kept.notesLinted)
            // Their vault views are, unfreed (one per note linted: these runs read no other note).
            #expect(views.views.map(\.note.path) == kept.notes.map(\.path) && kept.views.isEmpty)
            #expect(views.sources.map(\.path) == kept.notes.map(\.path))
            found += kept.findings.count { $0.ruleID == id }
        }
        #expect(found > 0, "\(id): the examples found nothing")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: CorpusCitationTests.corpus), "reference corpus ../shared/corpus is absent"))
    func theCorpusFindsTheSameFromViews() throws {
        let root = CorpusCitationTests.corpus
        let paths = try #require(FileManager.default.enumerator(atPath: root)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") }.sorted().map { root + "/" + $0 }
        let (kept, views) = try Self.lintBothWays(paths.map { Linter.Input(path: $0) }) { _ in
            var configuration = Configuration()
            configuration.root = root
            return configuration
        }
        #expect(kept.findings.count > 1000 && kept.findings.contains { $0.fix != nil })
        #expect(views.findings == kept.findings)
        #expect(views.unread == kept.notes.map(\.path) && views.sources.isEmpty)
    }

    /// With a cache, the first run (which parses) and the second (the cached report) of a run
    /// keeping views report what runs keeping every note do, and the report cached from views
    /// quotes every line its findings need (the notes are read again for them).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: CorpusCitationTests.corpus), "reference corpus ../shared/corpus is absent"))
    func theCachedRunsFindTheSameFromViews() throws {
        let root = CorpusCitationTests.corpus
        let paths = try #require(FileManager.default.enumerator(atPath: root)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") }.sorted().prefix(400).map { root + "/" + $0 }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vault-view-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var runs: [[Finding]] = []
        for keepsNotes in [true, false] {
            var linter = Linter()
            linter.keepsNotes = keepsNotes
            let file = folder + "/\(keepsNotes).cache"
            let lint = { (cache: LintCache) in
                linter.lint(paths.map { Linter.Input(path: $0) }, cache: cache) { _ in
                    var configuration = Configuration()
                    configuration.root = root
                    return configuration
                }
            }
            let cache = LintCache(path: file, version: "test")
            let first = lint(cache)
            cache.save()
            var second = lint(LintCache(path: file, version: "test"))
            #expect(first.findings.count > 100 && second.findings == first.findings)
            #expect(keepsNotes ? first.contexts.count == first.notesLinted : first.contexts.isEmpty && first.unread.count == first.notesLinted)
            second.readSources()
            let (sources, excerpts, findings) = (second.sources, second.excerpts, second.findings)
            #expect(sources.isEmpty && findings.allSatisfy { excerpts.covers($0.path) })
            runs.append(first.findings)
        }
        #expect(runs[1] == runs[0])
    }

    /// A note of a run keeping views, read from its file, gets the same `same-source-several-ids`
    /// fixes, edits included, as when it is kept: they read it again (and edit nothing once its
    /// definitions changed since the run).
    @Test func sameSourceFixesOfViewsReadTheNoteAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vault-view-fix-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = [folder + "/a.md", folder + "/b.md"]
        let text = "One.[^a1b2c3] Two.[^d4e5f6] [^d4e5f6]\n\n[^a1b2c3]: [S](https://example.com/r)\n\n[^d4e5f6]: [T](https://EXAMPLE.com/r/)\n"
        try text.write(toFile: paths[0], atomically: true, encoding: .utf8)
        try "Also [^x9y8z7].\n\n[^x9y8z7]: [U](https://example.com/r)\n".write(toFile: paths[1], atomically: true, encoding: .utf8)
        let (kept, views) = try Self.lintBothWays(paths.map { Linter.Input(path: $0) }) { _ in Configuration() }
        let fixed = { (result: Linter.Result) in
            result.findings.filter { $0.ruleID == CitationSameSourceSeveralIDsRule.description.id && $0.fix != nil }
        }
        #expect(fixed(kept).count == 1 && fixed(views).map(\.range) == fixed(kept).map(\.range))
        let keptEdits = try #require(fixed(kept).first?.fix).edits, viewEdits = try #require(fixed(views).first?.fix).edits
        #expect(!keptEdits.isEmpty && viewEdits == keptEdits)
        // Changed after the run: the same edits when its definitions are where they were, else none.
        let (_, reworded) = try Self.lintBothWays(paths.map { Linter.Input(path: $0) }) { _ in Configuration() }
        try text.replacingOccurrences(of: "One.", with: "Uno.").write(toFile: paths[0], atomically: true, encoding: .utf8)
        #expect(try #require(fixed(reworded).first?.fix).edits == keptEdits)
        let (_, shifted) = try Self.lintBothWays(paths.map { Linter.Input(path: $0) }) { _ in Configuration() }
        try ("Intro.\n\n" + text).write(toFile: paths[0], atomically: true, encoding: .utf8)
        #expect(try #require(fixed(shifted).first?.fix).edits.isEmpty)
        // Relabelled in place: the note read again would merge into another id; nothing is edited.
        try text.write(toFile: paths[0], atomically: true, encoding: .utf8)
        let (_, relabelled) = try Self.lintBothWays(paths.map { Linter.Input(path: $0) }) { _ in Configuration() }
        try text.replacingOccurrences(of: "a1b2c3", with: "b1b2c3").write(toFile: paths[0], atomically: true, encoding: .utf8)
        #expect(try #require(fixed(relabelled).first?.fix).edits.isEmpty)
    }

    @Test func aViewKeepsWhatVaultRulesRead() throws {
        let text = """
        ---
        title: A note
        site_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e
        tags: [one, two]
        aliases: [Other name]
        ---
        # Heading

        See [[target]] and [a link](https://example.com).[^a1b2c3]

        [^a1b2c3]: [Source](https://example.com/a)

        """
        let note = try NoteParser().parse(bytes: Array(text.utf8), path: "note.md")
        let context = NoteContext(note: note, vaultPath: "note.md", configuration: Configuration())
        let view = context.vaultView(legacyCitations: true, bodyOnDisk: true)
        let frontMatterEnd = try #require(note.frontMatter).range.end.offset
        #expect(view.note.source.bytes == Array(note.source.bytes[..<(frontMatterEnd + 1)]))
        #expect(view.note.frontMatter?.entries.map(\.key) == ["site_uuid", "tags", "aliases"])
        #expect(view.note.frontMatter?.entries.map(\.valueRange) == note.frontMatter?.entries.dropFirst().map(\.valueRange))
        // The kept entries read their text from the view's cut source, not the whole note's.
        #expect(view.note.frontMatter?.entries.map(\.raw) == note.frontMatter?.entries.dropFirst().map(\.raw))
        #expect(view.note.frontMatter?.entries.allSatisfy { $0.sourceBytes == view.note.source.bytes } == true
                && view.note.source.bytes.count < note.source.bytes.count)
        #expect(view.note.wikilinks.map(\.range) == note.wikilinks.map(\.range) && !view.note.wikilinks.isEmpty)
        #expect(view.note.body.children.isEmpty && view.note.headings.isEmpty && view.note.links.isEmpty)
        #expect(view.note.footnoteDefinitions.isEmpty && view.note.footnoteReferences.isEmpty)
        #expect(view.citations.definitions.map(\.key) == context.citations.definitions.map(\.key) && view.citations.path == view.note.path)

        // A second id for the same URL: its fix merges them, editing the body, which is kept
        // unless the note can be read again from its file (as its fix then does).
        let merged = try NoteParser().parse(bytes: Array((text + "[^d4e5f6]: [Same](https://example.com/a)\n").utf8), path: "note.md")
        let mergedContext = NoteContext(note: merged, vaultPath: "note.md", configuration: Configuration())
        let mergedView = mergedContext.vaultView(legacyCitations: true, bodyOnDisk: false)
        #expect(mergedView.note.source.bytes == merged.source.bytes && mergedView.note.footnoteReferences.count == 1 && !mergedView.isCut)
        let mergedOnDisk = mergedContext.vaultView(legacyCitations: true, bodyOnDisk: true)
        #expect(mergedOnDisk.note.source.bytes == view.note.source.bytes && mergedOnDisk.note.footnoteReferences.isEmpty && mergedOnDisk.isCut)
        // A legacy definition without a URL may be deleted by its fix: the body is kept too.
        let legacy = try NoteParser().parse(bytes: Array("Claim [1].\n\n[1]: A book\n".utf8), path: "note.md")
        let legacyContext = NoteContext(note: legacy, vaultPath: "note.md", configuration: Configuration())
        let legacyView = legacyContext.vaultView(legacyCitations: true, bodyOnDisk: true)
        #expect(legacyView.note.source.bytes == legacy.source.bytes && legacyView.note.legacyDefinitions.count == 1)
        #expect(legacyView.citations.problems.map(\.kind) == legacyContext.citations.problems(.legacyNumeric).map(\.kind)
                && !legacyView.citations.problems.isEmpty)
        // Without citation/legacy-numeric in the run, none of that is kept.
        let withoutLegacy = legacyContext.vaultView(legacyCitations: false, bodyOnDisk: true)
        #expect(withoutLegacy.note.source.bytes.isEmpty && withoutLegacy.note.legacyDefinitions.isEmpty
                && withoutLegacy.note.legacyReferences.isEmpty && withoutLegacy.citations.problems.isEmpty)
        // Definitions are kept without their text and parsed fields, with their labels, URLs and places.
        let scan = view.citations.definitions[0], full = context.citations.definitions[0]
        #expect(scan.definition.text.isEmpty && scan.definition.fields.url == nil && scan.definition.fields.title == nil
                && full.definition.fields.url != nil && !full.definition.text.isEmpty)
        #expect(scan.url == full.url && scan.definition.labelRange == full.definition.labelRange && scan.definition.range == full.definition.range)
    }
}
