import Foundation
import NoteCitations
import NoteLint
import NoteParser
import Testing

/// What notekit writes passes notekit's own lint: registry notes under the vault's configuration,
/// and `notekit init`'s configuration, which adds no errors to a vault but its outliers. Run on
/// copies of the example vault `Notes/` and of the corpus `../shared/corpus` (skipped when absent).
@Suite struct DogfoodTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let notes = package.appendingPathComponent("Notes").path
    static let corpus = package.appendingPathComponent("../shared/corpus").standardizedFileURL.path
    static let hasCorpus = FileManager.default.fileExists(atPath: corpus)

    @Test func registryNotesOfTheExampleVaultPassItsLint() throws {
        let count = try checkRegistry(of: Self.notes, dir: "Citations")
        #expect(count == 16)
    }

    @Test(.enabled(if: hasCorpus, "reference corpus ../shared/corpus is absent"))
    func registryNotesOfTheCorpusPassLint() throws {
        let count = try checkRegistry(of: Self.corpus, dir: "Registry")
        #expect(count > 5000)
    }

    @Test func inferredConfigurationOfTheExampleVaultAddsOnlyOutliers() throws {
        try checkInference(of: Self.notes)
    }

    @Test(.enabled(if: hasCorpus, "reference corpus ../shared/corpus is absent"))
    func inferredConfigurationOfTheCorpusAddsOnlyOutliers() throws {
        let inference = try checkInference(of: Self.corpus)
        let keys = inference.collections.flatMap { $0.keys.map(\.key) }
        #expect(!keys.contains("https") && !keys.contains("http"))
        let concepts = try #require(inference.collections.first { $0.name == "concepts" })
        #expect(concepts.keys.first { $0.key == "aliases" }?.schema.type == .list)
        #expect(concepts.keys.first { $0.key == "date_created" }?.schema.type == .datetime)
    }

    /// Syncs a registry into `dir` of a copy of `source` and lints the registry notes with the
    /// configuration in force there: no findings but unresolved wikilinks copied from a reference
    /// that its own note has too. Returns the number of registry notes.
    private func checkRegistry(of source: String, dir: String) throws -> Int {
        let root = try Self.copy(source)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sync = RegistrySync(root: root, directory: try RegistryFolder.resolve(dir, root: root))
        let (index, _) = sync.index(paths: [root])
        try sync.plan(for: index).apply()
        let registry = NoteFiles.collect([sync.directory]).files
        #expect(!registry.contains { IndexedDefinition.isNoteLocal(URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent) })
        let vaultFiles = NoteFiles.collect([root]).files.map { VaultPath.relative($0, to: root) }
        let loader = try ConfigurationLoader(defaultRoot: root)
        let findings = try Linter().lint(registry.map { Linter.Input(path: $0) }, vaultFiles: vaultFiles) { try loader.configuration(for: $0) }.findings
        let copied = findings.filter { $0.ruleID == "link/unresolved-wikilink" }
        #expect(findings.filter { $0.ruleID != "link/unresolved-wikilink" }.map { "\($0.path): \($0.ruleID): \($0.message)" } == [])
        // Each copied broken link is broken in a note the reference comes from.
        let sources = Set(copied.flatMap { finding -> [String] in
            let note = try? NoteParser().parse(contentsOf: finding.path)
            guard case .list(let files)? = note?.frontMatter?.value("filesUsedIn") else { return [] }
            return files.compactMap(\.scalarText).map { root + "/" + $0 }
        })
        let wikilinks = RuleRegistry.rules.filter { type(of: $0).description.id == "link/unresolved-wikilink" }
        let inSources = Set(try Linter(rules: wikilinks).lint(sources.sorted().map { Linter.Input(path: $0) }, vaultFiles: vaultFiles) {
            try loader.configuration(for: $0)
        }.findings.map(\.message))
        #expect(copied.filter { !inSources.contains($0.message) }.map(\.message) == [])
        return registry.count
    }

    /// Infers a configuration for a copy of `source` (its own `.notekit.yml` removed), reads it
    /// back, and lints the vault's front matter and callouts with and without it. The errors it
    /// adds are only type errors of the values that do not fit their key's type (at most half of
    /// the notes with the key, as the type is the majority's) and required keys missing from
    /// at most 10% of a collection's notes.
    @discardableResult
    private func checkInference(of source: String) throws -> ConfigurationInference {
        let root = try Self.copy(source)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/" + ConfigurationLoader.fileName
        try? FileManager.default.removeItem(atPath: file)
        let inference = ConfigurationInference(vaultAt: root)
        try Data(inference.yaml.utf8).write(to: URL(fileURLWithPath: file))
        let inferred = try ConfigurationLoader.read(file)
        var defaults = Configuration()
        defaults.root = root
        let rules = RuleRegistry.rules.filter {
            let id = type(of: $0).description.id
            return id.hasPrefix("frontmatter/") || id.hasPrefix("callout/")
        }
        let inputs = NoteFiles.collect([root]).files.map { Linter.Input(path: $0) }
        func errors(_ configuration: Configuration) -> [Finding] {
            Linter(rules: rules).lint(inputs) { _ in configuration }.findings.filter { $0.severity == .error }
        }
        func place(_ finding: Finding) -> String { "\(finding.path):\(finding.range.start.line):\(finding.ruleID)" }
        let before = Set(errors(defaults).map(place))
        let added = errors(inferred).filter { !before.contains(place($0)) }
        #expect(added.filter { !["frontmatter/type", "frontmatter/required"].contains($0.ruleID) }.map(\.message) == [])
        for collection in inference.collections {
            let mine = added.filter { VaultPath.relative($0.path, to: root).hasPrefix(collection.name + "/") }
            for key in collection.keys {
                let typeErrors = mine.filter { $0.ruleID == "frontmatter/type" && $0.message.hasPrefix(key.key + ":") }.count
                #expect(typeErrors * 2 <= key.count, "\(collection.name): \(key.key) is \(key.schema.type) but \(typeErrors) of \(key.count) values are not")
            }
            let missing = mine.filter { $0.ruleID == "frontmatter/required" }.count
            #expect(Double(missing) <= 0.1 * Double(collection.noteCount * collection.required.count), "\(collection.name)")
        }
        return inference
    }

    /// A copy of `folder` in a new temporary folder.
    private static func copy(_ folder: String) throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-dogfood-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: folder, toPath: copy)
        return copy
    }
}
