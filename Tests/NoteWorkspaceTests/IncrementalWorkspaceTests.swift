import Foundation
import NoteLint
import NoteParser
@testable import NoteWorkspace
import Testing

/// Issue 14: a change runs again only the vault rules that read something that changed, merges
/// again only the notes whose findings may change, and still reports what a batch run does.
@Suite struct IncrementalWorkspaceTests {
    static let uuid = WorkspaceTests.uuid

    /// The findings (fixes compared by what they say) of a batch run over the vault at `root`,
    /// with the notes of `edited` holding the bytes given instead of those on disk.
    static func batchFindings(_ root: String, edited: [String: [UInt8]] = [:]) throws -> [Finding] {
        let loader = try ConfigurationLoader(defaultRoot: root)
        let inputs = NoteFiles.collect([root]).files.map { path in
            edited[VaultPath.relative(path, to: root)].map { Linter.Input(path: path, bytes: $0) } ?? Linter.Input(path: path)
        }
        return try Linter().lint(inputs, vaultRoot: root) { try loader.configuration(for: $0) }.findings
    }

    @Test func onlyTheRulesAndNotesAChangeTouchesRunAgain() throws {
        let root = try WorkspaceTests.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = try WorkspaceTests.workspace(root)
        #expect(workspace.lastRefresh.rulesRun.count == Linter().vaultRules.count)

        // Prose added after b.md's links: no vault rule reads anything that changed.
        let prose = "---\nsite_uuid: \(WorkspaceTests.otherUUID)\n---\nSee [[Tide Mills]] and [[a]].\n\nMore prose.\n"
        #expect(try workspace.update("b.md", bytes: Array(prose.utf8)).isEmpty)
        #expect(workspace.lastRefresh.rulesRun.isEmpty)
        #expect(workspace.lastRefresh.merged == ["b.md"])

        // b.md takes a.md's UUID (nothing else moves): only duplicate-uuid runs again, and only
        // b.md's findings change (a.md comes first in vault order).
        let copied = "---\nsite_uuid: \(Self.uuid)\n---\nSee [[Tide Mills]] and [[a]].\n\nMore prose.\n"
        #expect(try workspace.update("b.md", bytes: Array(copied.utf8)) == ["b.md"])
        #expect(workspace.lastRefresh.rulesRun == ["frontmatter/duplicate-uuid"])
        #expect(workspace.lastRefresh.merged == ["b.md"])
        // duplicate-uuid has keys (the UUIDs): it read b.md and a.md, which holds its new UUID, not c.md.
        #expect(workspace.lastRefresh.notesRead == ["frontmatter/duplicate-uuid": 2])
        #expect(WorkspaceTests.rules(workspace.findings(for: "b.md")).contains("frontmatter/duplicate-uuid"))

        // a.md cites another URL: the cross-note citation rules run again and c.md, which cited
        // the same source under another id, loses its finding without being edited.
        #expect(WorkspaceTests.rules(workspace.findings(for: "c.md")).contains("citation/same-source-several-ids"))
        let recited = "---\nsite_uuid: \(Self.uuid)\naliases: [Tide Mills]\n---\nA claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/other)\n"
        #expect(try workspace.update("a.md", bytes: Array(recited.utf8)) == ["c.md"])
        let run = Set(workspace.lastRefresh.rulesRun)
        #expect(run.isSuperset(of: ["citation/id-conflict", "citation/same-source-several-ids", "citation/legacy-numeric"]))
        #expect(run.isDisjoint(with: ["frontmatter/duplicate-uuid", "frontmatter/tag-variants", "link/unresolved-wikilink"]))
        #expect(workspace.lastRefresh.merged == ["a.md", "c.md"])
        // The citation rules with keys read the notes sharing an id or URL with a.md's old or new
        // definitions (c.md), not b.md; legacy-numeric, without keys, read the whole vault.
        #expect(workspace.lastRefresh.notesRead["citation/same-source-several-ids"] == 2)
        #expect(workspace.lastRefresh.notesRead["citation/id-conflict"] == 2)
        #expect(workspace.lastRefresh.notesRead["citation/legacy-numeric"] == 3)
        #expect(!WorkspaceTests.rules(workspace.findings(for: "c.md")).contains("citation/same-source-several-ids"))

        try WorkspaceTests.write(copied, root + "/b.md")
        try WorkspaceTests.write(recited, root + "/a.md")
        #expect(workspace.result.findings == (try Self.batchFindings(root)))
    }

    /// Edits that each touch one kind of fact a vault rule reads (aliases, links, tags, UUIDs,
    /// citation definitions and their places, legacy citations and their fixes, suppressions):
    /// after each, the workspace reports what a batch run does, fixes included.
    @Test func everyKindOfEditReportsWhatABatchRunDoes() throws {
        let root = try WorkspaceTests.vault([
            ("a.md", "---\nsite_uuid: \(Self.uuid)\ntags: [Data-Centers]\naliases: [Tide Mills]\n---\nA claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n"),
            ("b.md", "---\ntags: [data_centers]\n---\nSee [[Tide Mills]], [[c]] and ![[photo.png]].\n\nOld claim [1].\n\n[1]: [A](https://example.com/a)\n"),
            ("c.md", "Other claim.[^d4e5f6] Again.[^g7h8i9]\n\n[^d4e5f6]: [A](https://example.com/a)\n\n[^g7h8i9]: [A](https://example.com/a/)\n"),
            ("d.md", "Legacy [2].\n\n[2]: [B](https://example.com/b)\n"),
            ("img/photo.png", "not really a picture"),
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = try WorkspaceTests.workspace(root)
        #expect(workspace.result.findings == (try Self.batchFindings(root)))
        var edited: [String: [UInt8]] = [:]
        let edits: [(String, String)] = [
            // A line above c.md's definitions: their places (and b.md's messages about them) move.
            ("c.md", "Moved.\n\nOther claim.[^d4e5f6] Again.[^g7h8i9]\n\n[^d4e5f6]: [A](https://example.com/a)\n\n[^g7h8i9]: [A](https://example.com/a/)\n"),
            // a.md's alias goes, its tag is spelt another way, its UUID stays.
            ("a.md", "---\nsite_uuid: \(Self.uuid)\ntags: [Data Centers]\n---\nA claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n"),
            // d.md defines b.md's source under a footnote id: b.md's legacy fix reuses it.
            ("d.md", "Legacy [2] and [^zz9zz9].\n\n[2]: [B](https://example.com/b)\n\n[^zz9zz9]: [A](https://example.com/a)\n"),
            // b.md suppresses a rule on its link line and gains a second legacy citation.
            ("b.md", "---\ntags: [data_centers]\n---\nSee [[Tide Mills]], [[c]] and ![[photo.png]]. <!-- notekit-disable-line link/unresolved-wikilink -->\n\nOld claim [1] and [2].\n\n[1]: [A](https://example.com/a)\n\n[2]: [B](https://example.com/b)\n"),
            // c.md takes a.md's UUID and drops its second id for the source.
            ("c.md", "---\nsite_uuid: \(Self.uuid)\n---\nOther claim.[^d4e5f6]\n\n[^d4e5f6]: [A](https://example.com/a)\n"),
        ]
        for (path, text) in edits {
            try workspace.update(path, bytes: Array(text.utf8))
            edited[path] = Array(text.utf8)
            #expect(workspace.result.findings == (try Self.batchFindings(root, edited: edited)), "after editing \(path)")
        }
        workspace.remove("img/photo.png")
        try FileManager.default.removeItem(atPath: root + "/img/photo.png")
        #expect(workspace.result.findings == (try Self.batchFindings(root, edited: edited)), "after removing the picture")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: WorkspaceTests.corpus), "reference corpus ../shared/corpus is absent"))
    func corpusEditsReportWhatABatchRunDoes() throws {
        let root = WorkspaceTests.corpus
        let workspace = try WorkspaceTests.workspace(root)
        let notes = workspace.result.notes.map { (VaultPath.relative($0.path, to: root), $0.source.bytes) }
        let cited = try #require(notes.filter { note in String(decoding: note.1, as: UTF8.self).contains("[^") }.max { $0.1.count < $1.1.count })
        let uuid = try #require(notes.lazy.compactMap { note -> String? in
            let text = String(decoding: note.1, as: UTF8.self)
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("site_uuid: ") }) else { return nil }
            return String(line.dropFirst("site_uuid: ".count))
        }.first)
        var edited: [String: [UInt8]] = [:]
        // Prose appended, then a line inserted above everything the note cites, then the note
        // replaced by a copy of another note's UUID.
        let edits: [(String, [UInt8])] = [
            (cited.0, cited.1 + Array("\n\nAn edit, citing [^zzedit].\n".utf8)),
            (cited.0, Array("An edit above everything.\n\n".utf8) + cited.1),
            (cited.0, Array("---\nsite_uuid: \(uuid)\n---\nNothing else.\n".utf8)),
        ]
        for (path, bytes) in edits {
            try workspace.update(path, bytes: bytes)
            edited[path] = bytes
            #expect(workspace.result.findings == (try Self.batchFindings(root, edited: edited)), "after editing \(path)")
        }
        // The UUID copied: duplicate-uuid read the two notes holding it, not the vault.
        #expect(workspace.lastRefresh.notesRead["frontmatter/duplicate-uuid"] == 2)
    }

    /// The contract of `Rule.vaultKeys` on real notes: a keyed rule's findings about a note over
    /// that note and the notes sharing a key with it are those of the whole vault.
    @Test(arguments: ["Notes", "corpus"])
    func keyedRulesFindOverKeySharersWhatTheyFindOverTheVault(_ vault: String) throws {
        let root = vault == "Notes" ? WorkspaceTests.packageRoot + "/Notes" : WorkspaceTests.corpus
        guard FileManager.default.fileExists(atPath: root) else {
            print("skipped: \(root) is absent")
            return
        }
        let workspace = try WorkspaceTests.workspace(root)
        let contexts = workspace.result.contexts
        let files = NoteFiles.vaultFiles(under: root)
        let whole = Linter.vault(contexts, vaultFiles: files)
        let keyed = Linter().vaultRules.filter { rule in contexts.allSatisfy { rule.vaultKeys($0) != nil } }
        #expect(Set(keyed.map { type(of: $0).description.id }) == ["frontmatter/duplicate-uuid", "frontmatter/tag-variants",
                                                                    "citation/id-conflict", "citation/same-source-several-ids"])
        for rule in keyed {
            // In report order: tag-variants finds in the order of a dictionary's groups.
            let all = Dictionary(grouping: Finding.inReportOrder(rule.check(vault: whole))) { ExactPath($0.path) }
            var holders: [String: [Int]] = [:]
            let keys = contexts.map { rule.vaultKeys($0)! }
            for (index, noteKeys) in keys.enumerated() { for key in noteKeys { holders[key, default: []].append(index) } }
            // Every note with findings or keys shared with another, and every 7th note.
            for (index, context) in contexts.enumerated()
            where all[ExactPath(context.note.path)] != nil || index % 7 == 0 || keys[index].contains(where: { holders[$0]!.count > 1 }) {
                let sharers = Set(keys[index].flatMap { holders[$0]! } + [index]).sorted().map { contexts[$0] }
                let found = Finding.inReportOrder(rule.check(vault: VaultContext(notes: sharers, files: files, linted: [])))
                    .filter { ExactPath.same($0.path, context.note.path) }
                #expect(found == all[ExactPath(context.note.path)] ?? [], "\(type(of: rule).description.id): \(context.vaultPath)")
            }
        }
    }
}
