import Foundation
import NoteLint
import NoteParser
import Testing
@testable import NoteFix

/// A fix may never remove or hide anything a reader sees: for every note `fix --write` (safe
/// fixes) changes, cmark-gfm renders afterwards every link target and every word it rendered
/// before (`RenderedContent`, the cmark-gfm command as the oracle). Also the cases of issue 12.
@Suite struct NothingHiddenTests {
    static var canRender: Bool { RenderedContent.isAvailable }

    @Test(.enabled(if: Support.hasCorpus && canRender, "needs ../shared/corpus beside the package and the cmark-gfm command"))
    func safeFixesOfTheCorpusHideNothing() throws {
        let directory = try Support.corpusCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let changed = try Support.fix(directory).result.rewrites.filter(\.isChanged)
        #expect(changed.count > 100, "the corpus has many fixable notes; \(changed.count) changed")
        try expectNothingLost(changed)
    }

    @Test(.enabled(if: canRender, "needs the cmark-gfm command"))
    func safeFixesOfTheDemoVaultHideNothing() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let vault = directory.appendingPathComponent("Notes")
        try FileManager.default.copyItem(at: Support.packageRoot.appendingPathComponent("Notes"), to: vault)
        try expectNothingLost(try Support.fix(vault).result.rewrites.filter(\.isChanged))
    }

    private func expectNothingLost(_ rewrites: [NoteRewrite]) throws {
        var failures: [String] = []
        for rewrite in rewrites {
            let losses = try RenderedContent.losses(before: rewrite.original, after: rewrite.result)
            if !losses.isEmpty {
                failures.append("\(rewrite.path) (\(Set(rewrite.applied.map(\.origin)).sorted())): lost \(losses.prefix(5))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) notes lost what a reader saw: \(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test(.enabled(if: canRender, "needs the cmark-gfm command"))
    func theOracleCatchesLostLinksAndWordsAndToleratesMarkers() throws {
        func losses(_ before: String, _ after: String) throws -> [String] {
            try RenderedContent.losses(before: Array(before.utf8), after: Array(after.utf8))
        }
        #expect(try losses("A [b](https://example.com/b) c.\n", "A b c.\n") == ["link https://example.com/b"])
        #expect(try losses("Claim.[^a]\n\n[^a]: Source words.\n", "Claim.[^a]\n\n[^b]: Source words.\n") == ["word 'Source'", "word 'words'"])
        #expect(try losses("One. One.\n", "One.\n") == ["word 'One'"])
        #expect(try losses("---\ntitle: A\n---\nText.\n", "---\ntitle: B\n---\nText.\n").isEmpty)
        #expect(try losses("Claim.[^x6ezn4]\n\n[^x6ezn4]6ezn4]: Words.\n", "Claim.[^x6ezn4]\n\n[^x6ezn4]: Words.\n").isEmpty)
        #expect(try losses("Claim.[^x6ezn4]\n\n[^x6ezn4]abc]: Words.\n", "Claim.[^x6ezn4]\n\n[^x6ezn4]: Words.\n") == ["word 'abc'"])
        #expect(try losses("Claim.[^a]\n\n[^a] [S](https://example.com/s)\n", "Claim.[^a]\n\n[^a]: [S](https://example.com/s)\n").isEmpty)
        #expect(try losses("Claim[1].\n\n[1]: [A source](https://example.com/s)\n",
                           "Claim.[^x1y2z3]\n\n[^x1y2z3]: [A source](https://example.com/s)\n").isEmpty)
    }

    // MARK: Issue 12

    /// Safe (and, when `unsafe`, also unsafe) fixes of one note.
    private func fixed(_ text: String, unsafe: Bool = false) -> (text: String, rewrite: NoteRewrite) {
        let result = NoteFixer(options: .init(unsafeFixes: unsafe)).fix([Linter.Input(path: "n.md", bytes: Array(text.utf8))]) { _ in Support.everyStyle }
        return (String(decoding: result.rewrites[0].result, as: UTF8.self), result.rewrites[0])
    }

    private func findings(_ text: String, rule: String) -> [Finding] {
        Linter().lint([Linter.Input(path: "n.md", bytes: Array(text.utf8))]) { _ in Support.everyStyle }.findings.filter { $0.ruleID == rule }
    }

    @Test func referenceLinkDefinitionsAreNeitherReportedNorRewritten() throws {
        let note = "See [the spec][1] and [another][2].\n\n[1]: https://example.com/dns\n[2]: https://example.com/two\n"
        #expect(findings(note, rule: "citation/legacy-numeric").isEmpty)
        #expect(fixed(note, unsafe: true).text == note)
        let shortcut = "See [1], [Spec][ 2 ] and [1][].\n\n[1]: <https://example.com/dns>\n[2]: https://example.com/two \"Two\"\n"
        #expect(findings(shortcut, rule: "citation/legacy-numeric").isEmpty)
        #expect(fixed(shortcut, unsafe: true).text == shortcut)
    }

    @Test func anUncitedLegacyDefinitionStaysVisible() throws {
        let note = "A claim.\n\n[28]: [Storm Surge Report](https://example.com/surge)\n"
        #expect(findings(note, rule: "citation/legacy-numeric").map { $0.fix?.applicability } == [.unsafe])
        #expect(!fixed(note).rewrite.isChanged)
        if Self.canRender {
            #expect(try RenderedContent.targets(RenderedContent.html(Array(note.utf8))) == ["https://example.com/surge"])
        }
        // Only the first `[28]:` is what the inline `[28]` cites; the second stays a visible line.
        let twice = "A claim[28].\n\n[28]: [Storm Surge Report](https://example.com/surge)\n\n[28]: [Tide Table](https://example.com/tide)\n"
        let once = fixed(twice).text
        #expect(once.hasSuffix("\n\n[28]: [Tide Table](https://example.com/tide)\n") && !once.contains("[28]: [Storm"))
        let cited = "A claim[28].\n\n[28]: [Storm Surge Report](https://example.com/surge)\n"
        let converted = fixed(cited).text
        #expect(converted.contains("[^") && converted.contains("]: [Storm Surge Report](https://example.com/surge)"))
        if Self.canRender {
            #expect(try RenderedContent.losses(before: Array(cited.utf8), after: Array(converted.utf8)).isEmpty)
        }
    }

    @Test func aCorruptedLabelDoesNotShadowTheRealDefinition() throws {
        let note = "Investors.[^a1b2c3]\n\n[^a1b2c3]b2c3]: [^zzz]\n\n[^a1b2c3]: [Scratchpad](https://example.com/s)\n"
        let corrupted = findings(note, rule: "citation/corrupted-label")
        #expect(corrupted.count == 1 && corrupted[0].fix == nil)
        #expect(fixed(note, unsafe: true).text == note)
        if Self.canRender {
            #expect(try RenderedContent.targets(RenderedContent.html(Array(note.utf8))).contains("https://example.com/s"))
        }
    }

    @Test func mergingIDsOfOneSourceIsUnsafeAndLeavesNoRepeatedMarker() throws {
        let note = "Claim. [^a1b2c3] [^wr0r12] More. [^wr0r12]\n\n[^a1b2c3]: [Source](https://example.com/a)\n\n[^wr0r12]: [Same](https://example.com/a/)\n\n[^z9y8x7]: [Other](https://example.com/other)\n"
        #expect(!fixed(note).rewrite.isChanged)
        #expect(fixed(note, unsafe: true).text
                == "Claim. [^a1b2c3] More. [^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com/a)\n")
        let conflicting = "One.[^a1b2c3] Two.[^d4e5f6]\n\n[^a1b2c3]: [A](https://example.com/a)\n\n[^d4e5f6]: [D](https://example.com/a)\n\n[^a1b2c3]: [B](https://example.com/b)\n"
        let merge = findings(conflicting, rule: "citation/same-source-several-ids")
        #expect(!merge.isEmpty && merge.allSatisfy { $0.fix == nil })
    }
}
