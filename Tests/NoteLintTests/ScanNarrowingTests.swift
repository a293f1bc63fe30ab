import Foundation
import NoteLint
import NoteParser
import Testing

/// Issue 18: a lint run parses each note for only the scans its reported, enabled rules read
/// (`Linter.reporting`, `RuleDescription.reads`), and reports what a run parsing every note whole does.
@Suite struct ScanNarrowingTests {
    static let note = """
        ---
        title: Tides
        ---
        A claim.[^a1b2c3] See [[Slack Water]]. %%aside%%

        > [!info] **Perplexity Query** (2025-08-17)
        > **Question:**
        > Why?

        [^a1b2c3]: 2025, Apr 10. [Source](https://example.com/a).

        """

    /// A configuration with every rule on: every style's preset, `suppression/unused` on.
    static func everyRuleOn() -> Configuration {
        var config = Configuration()
        config.root = "."
        for style in Preset.styles where !config.presets.contains(style) { config.presets.append(style) }
        config.rules[SuppressionUnusedRule.description.id] = .warning
        return config
    }

    static func linter(_ reporting: RuleSelection?) -> Linter {
        var linter = Linter()
        linter.reporting = reporting
        return linter
    }

    @Test func aScanIsNotRunWhenTheRulesReadingItAreOff() throws {
        let config = Configuration()
        #expect(Self.linter(nil).scans(for: config) == .all)
        // Nothing reads bare URLs.
        #expect(Self.linter(RuleSelection()).scans(for: config) == [.citations, .wikilinks, .comments, .callouts, .queryCallouts])
        #expect(Self.linter(RuleSelection(select: ["frontmatter"])).scans(for: config) == .comments)
        #expect(Self.linter(RuleSelection(ignore: ["citation", "callout"])).scans(for: config) == [.wikilinks, .comments])
        #expect(Self.linter(RuleSelection(select: ["callout/empty"])).scans(for: config) == [.comments, .callouts])
        var off = config
        for id in RuleRegistry.ids where id.hasPrefix("citation/") { off.rules[id] = .off }
        #expect(!Self.linter(RuleSelection()).scans(for: off).contains(.citations))
        // `suppression/unused` reports what every rule on suppressed: their scans are run.
        var unused = config
        unused.rules["suppression/unused"] = .warning
        #expect(Self.linter(RuleSelection(select: ["frontmatter", "suppression/unused"])).scans(for: unused).contains(.citations))
        #expect(Self.linter(RuleSelection(select: ["frontmatter"])).scans(for: unused) == .comments)

        // The notes a run keeps were parsed without the scans not asked for.
        let input = Linter.Input(path: "n.md", bytes: Array(Self.note.utf8))
        let full = Linter().lint([input], vaultFiles: ["n.md"]) { _ in config }.notes[0]
        #expect(!full.footnoteDefinitions.isEmpty && !full.wikilinks.isEmpty && !full.queryCallouts.isEmpty)
        let light = Self.linter(RuleSelection(select: ["frontmatter"])).lint([input], vaultFiles: ["n.md"]) { _ in config }.notes[0]
        #expect(light.footnoteReferences.isEmpty && light.footnoteDefinitions.isEmpty && light.wikilinks.isEmpty)
        #expect(light.callouts.isEmpty && light.queryCallouts.isEmpty && light.bareURLs.isEmpty)
        #expect(light.comments == full.comments)
    }

    /// Every rule example's files, as one vault (each example in its own folder).
    static func exampleVault() -> [Linter.Input] {
        var inputs: [Linter.Input] = []
        for (index, type) in RuleRegistry.ruleTypes.enumerated() {
            let description = type.description
            let files = (description.triggering + description.nonTriggering).map(\.files)
                + description.corrections.map { [(path: "note.md", text: $0.before)] }
            for (example, exampleFiles) in files.enumerated() {
                for file in exampleFiles {
                    let text = ExampleRunner.stripMarkers(file.text).text
                    inputs.append(Linter.Input(path: "r\(index)/e\(example)/\(file.path)", bytes: Array(text.utf8)))
                }
            }
        }
        return inputs
    }

    @Test func selectionsReportWhatTheWholeParseReports() {
        let inputs = Self.exampleVault()
        let files = inputs.map(\.path)
        let config = Self.everyRuleOn()
        let whole = Linter().lint(inputs, vaultFiles: files) { _ in config }.findings
        #expect(whole.count > 100)
        let categories = Set(RuleRegistry.ids.map { String($0.split(separator: "/")[0]) }).sorted()
        let selections = RuleRegistry.ids.map { RuleSelection(select: [$0]) }
            + categories.map { RuleSelection(select: [$0]) } + categories.map { RuleSelection(ignore: [$0]) }
            + [RuleSelection(select: ["frontmatter", "suppression/unused"]), RuleSelection()]
        for selection in selections {
            let narrowed = Self.linter(selection).lint(inputs, vaultFiles: files) { _ in config }.findings
            #expect(narrowed.filter { selection.includes($0.ruleID) } == whole.filter { selection.includes($0.ruleID) },
                    "\(selection)")
        }
    }

    @Test func configurationsTurningRulesOffReportWhatTheWholeParseReports() {
        let inputs = Self.exampleVault()
        let files = inputs.map(\.path)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<16 {
            var generated = Self.everyRuleOn()
            for id in RuleRegistry.ids {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Each rule off with a chance that grows with the round: from most rules on to most off.
                if Int(state >> 33) % 16 < round { generated.rules[id] = .off }
            }
            let config = generated
            let narrowed = Self.linter(RuleSelection()).lint(inputs, vaultFiles: files) { _ in config }.findings
            let whole = Linter().lint(inputs, vaultFiles: files) { _ in config }.findings
            #expect(narrowed == whole, "round \(round): off \(config.rules.keys.sorted())")
        }
    }

    @Test func theCapCountsTheFindingsReported() {
        var config = Self.everyRuleOn()
        config.limits.maxFindingsPerFile = 2
        let input = Linter.Input(path: "n.md", bytes: Array("See [[a]], [[b]] and [[c]].\n".utf8))
        let all = Self.linter(RuleSelection()).lint([input], vaultFiles: ["n.md"]) { [config] _ in config }.findings
        #expect(all.count == 3 && all[0].ruleID == "file/too-many-findings")
        let frontMatter = RuleSelection(select: ["frontmatter"])
        let selected = Self.linter(frontMatter).lint([input], vaultFiles: ["n.md"]) { [config] _ in config }.findings
        #expect(selected.map(\.ruleID) == ["frontmatter/missing"])
    }

    @Test func aCachedRunOfFewerRulesIsNotReusedForMore() throws {
        let root = NSTemporaryDirectory() + "notekit-scans-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.obsidian", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data(Self.note.utf8).write(to: URL(fileURLWithPath: root + "/n.md"))
        try Data("Other [[n]] and [[gone]]. A claim.[^zz9999]\n".utf8).write(to: URL(fileURLWithPath: root + "/o.md"))
        let loader = try ConfigurationLoader(defaultRoot: root)
        let inputs = NoteFiles.collect([root]).files.map(Linter.Input.init(path:))
        func lint(_ selection: RuleSelection, cache: Bool) throws -> [Finding] {
            let lintCache = cache ? LintCache(path: root + "/.notekit_cache/lint.cache", version: "test") : nil
            var linter = Self.linter(selection)
            linter.keepsNotes = false
            let result = try linter.lint(inputs, vaultRoot: root, cache: lintCache) { try loader.configuration(for: $0) }
            lintCache?.save()
            return result.findings.filter { selection.includes($0.ruleID) }
        }
        let frontMatter = RuleSelection(select: ["frontmatter"])
        #expect(try lint(frontMatter, cache: true) == lint(frontMatter, cache: false))
        let all = try lint(RuleSelection(), cache: false)
        #expect(all.contains { $0.ruleID.hasPrefix("citation/") } && all.contains { $0.ruleID.hasPrefix("link/") })
        #expect(try lint(RuleSelection(), cache: true) == all)
        #expect(try lint(RuleSelection(), cache: true) == all)
        #expect(try lint(frontMatter, cache: true) == lint(frontMatter, cache: false))
    }
}
