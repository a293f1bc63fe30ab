import Foundation
import NoteLint
import NoteParser
import Testing
@testable import NoteFix

/// `NoteFixer`: passes to a fixed point, whole fixes, refusals, opt-in and selected rules.
@Suite struct NoteFixerTests {
    func fix(_ texts: [String: String], rules: [any Rule] = RuleRegistry.rules,
             options: NoteFixer.Options = .init(today: "2030-01-02")) -> NoteFixer.Result {
        let inputs = texts.keys.sorted().map { Linter.Input(path: $0, bytes: Array(texts[$0]!.utf8)) }
        return NoteFixer(linter: Linter(rules: rules), options: options).fix(inputs) { _ in Support.everyStyle }
    }

    func text(_ rewrite: NoteRewrite?) -> String? { rewrite.map { String(decoding: $0.result, as: UTF8.self) } }

    @Test func overlappingFixWaitsForTheNextPass() {
        let result = fix(["n.md": "abc abc\n"], rules: [ABRule(), BCRule()])
        let rewrite = result.rewrites.first
        // Pass 1 takes `ab` (first by position) and defers `bc`; pass 2 finds the second `ab`,
        // after which no `bc` is left.
        #expect(text(rewrite) == "XYc XYc\n")
        #expect(rewrite?.passes.map { $0.map(\.origin) } == [["test/ab"], ["test/ab"]])
        #expect(rewrite?.conflicts.isEmpty == true)
    }

    @Test func fixesReachAFixedPointAcrossRules() {
        let note = "Text.[^a1b2c3]\n\n[^zz9999]: [Old](https://example.com/old)\n\n[^a1b2c3] [Source](https://example.com)\n"
        let rules = ["citation/missing-colon", "citation/unused"]
        let safe = fix(["n.md": note], options: .init(rules: RuleSelection(select: rules)))
        #expect(text(safe.rewrites.first) == "Text.[^a1b2c3]\n\n[^zz9999]: [Old](https://example.com/old)\n\n[^a1b2c3]: [Source](https://example.com)\n")
        let unsafe = fix(["n.md": note], options: .init(rules: RuleSelection(select: rules), unsafeFixes: true))
        #expect(text(unsafe.rewrites.first) == "Text.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com)\n")
        #expect(unsafe.rewrites.first?.passes.map { Set($0.map(\.origin)) } == [["citation/missing-colon", "citation/unused"]])
    }

    @Test func unsafeFixesApplyOnlyWhenAsked() {
        // Without a citation the repaired definition would vanish from the rendered note.
        let note = "Text.\n\n[^a1b2c3] [Source](https://example.com)\n"
        #expect(!fix(["n.md": note]).rewrites[0].isChanged)
        let unsafe = fix(["n.md": note], options: .init(unsafeFixes: true))
        #expect(text(unsafe.rewrites.first) == "Text.\n")
        #expect(unsafe.rewrites.first?.passes.map { $0.map(\.origin) } == [["citation/missing-colon"], ["citation/unused"]])
    }

    @Test func selectLimitsTheRules() {
        let note = "---\ntags: [a]\n---\nText.[^a1]\n\n[^a1] x\n"
        let onlyCitations = fix(["n.md": note], options: .init(rules: RuleSelection(select: ["citation"])))
        #expect(text(onlyCitations.rewrites.first) == "---\ntags: [a]\n---\nText.[^a1]\n\n[^a1]: x\n")
        let onlyTags = fix(["n.md": note], options: .init(rules: RuleSelection(select: ["frontmatter/tags-style"])))
        #expect(text(onlyTags.rewrites.first) == "---\ntags:\n  - a\n---\nText.[^a1]\n\n[^a1] x\n")
        // --ignore wins over --select; comma-separated values and a trailing slash name the same rules.
        let ignored = fix(["n.md": note], options: .init(rules: RuleSelection(select: ["citation/,frontmatter"], ignore: ["citation"])))
        #expect(text(ignored.rewrites.first) == text(onlyTags.rewrites.first))
    }

    @Test func aRewriteWithANewParseProblemIsRefusedWhole() {
        let result = fix(["n.md": "---\ntitle: a\n---\nabc\n"], rules: [ABRule(), BreakYAMLRule()])
        let rewrite = result.rewrites.first
        #expect(rewrite?.isChanged == false)
        #expect(rewrite?.applied.isEmpty == true)
        #expect(Set(rewrite?.refused.map(\.edit.origin) ?? []) == ["test/ab", "test/break-yaml"])
        #expect(rewrite?.refused.allSatisfy { $0.reason.contains("new problem") } == true)
    }

    @Test func brokenFrontMatterRefusesItsFixesAndKeepsTheOthers() {
        let result = fix(["n.md": "---\ntitle: [ab\n---\nab\n"], rules: [ABRule()])
        // Each pass flags the first `ab`, inside the broken front matter: refused, nothing else applies.
        #expect(result.rewrites.first?.isChanged == false)
        #expect(result.rewrites.first?.refused.first?.reason.contains("YAML error") == true)
    }

    @Test func endlessFixesStopAfterTenPasses() {
        let result = fix(["n.md": "grow\n", "m.md": "still\n"], rules: [GrowRule()])
        #expect(text(result.rewrites.first { $0.path == "n.md" }) == "grow\n" + String(repeating: "!", count: NoteFixer.maxPasses))
        #expect(result.unsettled == ["n.md"])
    }

    @Test func onlyNotesWithFixesLeftAreUnsettled() {
        // m.md's only fix touches its broken front matter: refused every pass, nothing left to do.
        let result = fix(["n.md": "grow\n", "m.md": "---\ntitle: [ab\n---\nText.\n"], rules: [GrowRule(), ABRule()])
        #expect(result.rewrites.first { $0.path == "m.md" }?.refused.isEmpty == false)
        #expect(result.unsettled == ["n.md"])
    }

    /// A pass applies every fix that does not clash, however many findings a note has and
    /// whatever `limits.maxFindingsPerFile` lets a report show.
    @Test(arguments: [1_000, 5]) func thousandsOfDashRulesAreFixedInOnePass(reportCap: Int) throws {
        let note = "Text.\n\n" + String(repeating: "---\n\nA paragraph.\n\n", count: 3_000)
        var capped = Configuration()
        capped.presets = Preset.names  // body/dash-rule is a research-vault style rule
        capped.limits.maxFindingsPerFile = reportCap
        let configuration = capped
        let result = NoteFixer().fix([Linter.Input(path: "n.md", bytes: Array(note.utf8))]) { _ in configuration }
        let rewrite = try #require(result.rewrites.first)
        #expect(result.unsettled.isEmpty)
        #expect(rewrite.passes.count == 1)
        #expect(rewrite.passes.first?.count == 3_000)
        #expect(text(rewrite) == "Text.\n\n" + String(repeating: "***\n\nA paragraph.\n\n", count: 3_000))
    }

    @Test func aThousandSecondBlocksAreFixedInOnePass() throws {
        let note = "---\ntitle: A note\n---\n" + String(repeating: "---\nkey: value\n---\n", count: 1_000)
        let result = fix(["n.md": note])
        let rewrite = try #require(result.rewrites.first)
        #expect(result.unsettled.isEmpty)
        #expect(rewrite.isChanged && rewrite.passes.count == 1)
        let again = fix(["n.md": try #require(text(rewrite))]).rewrites.first
        #expect(again?.isChanged == false)
    }

    @Test func touchModifiedUpdatesChangedNotesThatHaveTheKey() {
        let result = fix([
            "changed.md": "---\ndate_modified: 2020-01-01\n---\n[^a1] x\n",
            "empty.md": "---\ndate_modified:\n---\n[^a1] x\n",
            "nokey.md": "---\ntitle: x\n---\n[^a1] x\n",
            "clean.md": "---\ndate_modified: 2020-01-01\n---\nText.\n",
        ], options: .init(rules: RuleSelection(select: ["citation/missing-colon"]), unsafeFixes: true, touchModified: true, today: "2030-01-02"))
        let byPath = Dictionary(uniqueKeysWithValues: result.rewrites.map { ($0.path, $0) })
        #expect(text(byPath["changed.md"]) == "---\ndate_modified: 2030-01-02\n---\n[^a1]: x\n")
        #expect(byPath["changed.md"]?.passes.last?.map(\.origin) == [NoteFixer.touchOrigin])
        #expect(text(byPath["empty.md"]) == "---\ndate_modified: 2030-01-02\n---\n[^a1]: x\n")
        #expect(text(byPath["nokey.md"]) == "---\ntitle: x\n---\n[^a1]: x\n")
        #expect(byPath["clean.md"]?.isChanged == false)
    }

    @Test func todayIsADate() {
        let parts = NoteFixer.today().split(separator: "-")
        #expect(parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil })
    }
}
