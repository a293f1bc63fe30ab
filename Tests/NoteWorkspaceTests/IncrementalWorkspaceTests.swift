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

    /// Issue 15: the link rules have keys (the names links look up, the aliases and paths notes
    /// and files are found by): a link added, a target note created, renamed or deleted, an
    /// alias changed, a picture added, re-check only the notes sharing a name with the change,
    /// and the workspace still reports what a batch run does.
    @Test func linkChangesReadOnlyTheNotesSharingATarget() throws {
        let root = try WorkspaceTests.vault([
            ("a.md", "---\naliases: [Tide Mills]\n---\nA.\n"),
            ("b.md", "See [[Tide Mills]] and [[c]].\n"),
            ("c.md", "Plain.\n"),
            ("d.md", "Links [[e]] and ![[pic.png]].\n"),
            ("f.md", "Unrelated [[a]].\n"),
            ("g.md", "Unrelated prose.\n"),
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = try WorkspaceTests.workspace(root)
        let linkRules = ["link/unresolved-wikilink", "link/ambiguous-wikilink", "link/missing-embed"]
        /// Applies a change on disk and to the workspace; returns the notes it reported.
        func change(_ what: String, disk: () throws -> Void, workspace update: () throws -> [String]) throws -> [String] {
            try disk()
            let reported = try update()
            #expect(workspace.result.findings == (try Self.batchFindings(root)), "after \(what)")
            return reported
        }
        func unresolved(_ path: String) -> [String] {
            workspace.findings(for: path).filter { $0.ruleID.hasPrefix("link/") }.map(\.message)
        }

        // b.md links to e too: the link rules read b.md and a.md (its alias is looked up), not d.md
        // (which looks up e as well) nor the unrelated notes.
        let linked = "See [[Tide Mills]], [[c]] and [[e]].\n"
        #expect(try change("adding a link", disk: { try WorkspaceTests.write(linked, root + "/b.md") },
                           workspace: { try workspace.update("b.md", bytes: Array(linked.utf8)) }) == ["b.md"])
        #expect(Set(workspace.lastRefresh.rulesRun) == Set(linkRules))
        #expect(workspace.lastRefresh.notesRead["link/unresolved-wikilink"] == 2)
        #expect(unresolved("b.md") == ["wikilink [[e]] resolves to no file"])

        // e.md is created: the two notes linking to it change; a.md, c.md, f.md and g.md are not read.
        #expect(try change("creating the target", disk: { try WorkspaceTests.write("E.\n", root + "/e.md") },
                           workspace: { try workspace.update("e.md", bytes: Array("E.\n".utf8)) }) == ["b.md", "d.md"])
        #expect(workspace.lastRefresh.notesRead["link/unresolved-wikilink"] == 4, "e.md, b.md, d.md and a.md (b.md's alias)")
        #expect(unresolved("b.md").isEmpty)

        // Renamed away, then the rename undone: the links break and resolve again.
        #expect(try change("renaming the target", disk: {
            try FileManager.default.createDirectory(atPath: root + "/notes", withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: root + "/e.md", toPath: root + "/notes/e2.md")
        }, workspace: { try workspace.rename(from: "e.md", to: "notes/e2.md") }) == ["b.md", "d.md"])
        #expect(try change("renaming it back into a folder", disk: {
            try FileManager.default.moveItem(atPath: root + "/notes/e2.md", toPath: root + "/notes/e.md")
        }, workspace: { try workspace.rename(from: "notes/e2.md", to: "notes/e.md") }) == ["b.md", "d.md"])

        // c.md is deleted: b.md's [[c]] breaks.
        #expect(try change("deleting a target", disk: { try FileManager.default.removeItem(atPath: root + "/c.md") },
                           workspace: { workspace.remove("c.md") }) == ["b.md"])
        #expect(unresolved("b.md") == ["wikilink [[c]] resolves to no file"])

        // a.md's alias changes: b.md's [[Tide Mills]] breaks; h.md takes the alias c: [[c]] resolves.
        let renamedAlias = "---\naliases: [Tidal Mills]\n---\nA.\n"
        #expect(try change("changing an alias", disk: { try WorkspaceTests.write(renamedAlias, root + "/a.md") },
                           workspace: { try workspace.update("a.md", bytes: Array(renamedAlias.utf8)) }) == ["b.md"])
        #expect(workspace.lastRefresh.notesRead["link/unresolved-wikilink"] == 2, "a.md and b.md")
        let h = "---\naliases: [c]\n---\nH.\n"
        #expect(try change("an alias added by a new note", disk: { try WorkspaceTests.write(h, root + "/h.md") },
                           workspace: { try workspace.update("h.md", bytes: Array(h.utf8)) }) == ["b.md"])
        #expect(unresolved("b.md") == ["wikilink [[Tide Mills]] resolves to no file"])

        // Two notes named c: [[c]] is ambiguous (a path wins over an alias).
        for folder in ["x", "y"] {
            _ = try change("a second note named c", disk: { try WorkspaceTests.write("C.\n", root + "/\(folder)/c.md") },
                           workspace: { try workspace.update("\(folder)/c.md", bytes: Array("C.\n".utf8)) })
        }
        #expect(workspace.findings(for: "b.md").map(\.ruleID).contains("link/ambiguous-wikilink"))

        // The picture d.md embeds is added (a file, not a note): only d.md is read and changes.
        #expect(try change("adding a picture", disk: { try WorkspaceTests.write("png", root + "/img/pic.png") },
                           workspace: { try workspace.update("img/pic.png", bytes: []) }) == ["d.md"])
        #expect(Set(linkRules).isSubset(of: workspace.lastRefresh.rulesRun))
        #expect(workspace.lastRefresh.notesRead["link/missing-embed"] == 1)
        #expect(unresolved("d.md").isEmpty)
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
        // A link to another note (by its name) and one to nothing added: the link rules read the
        // notes sharing a name with them, not the vault.
        let target = try #require(notes.first { $0.0 != cited.0 }).0
        let name = String(target.split(separator: "/").last!.dropLast(3))
        let linked = cited.1 + Array("\n\nSee [[\(name)]] and [[Nowhere at all zz]].\n".utf8)
        try workspace.update(cited.0, bytes: linked)
        edited[cited.0] = linked
        #expect(workspace.result.findings == (try Self.batchFindings(root, edited: edited)), "after adding links")
        #expect(workspace.lastRefresh.rulesRun.contains("link/unresolved-wikilink"))
        #expect(try #require(workspace.lastRefresh.notesRead["link/unresolved-wikilink"]) < notes.count / 10)
        #expect(workspace.findings(for: cited.0).contains { $0.message == "wikilink [[Nowhere at all zz]] resolves to no file" })
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

    /// The contract of `Rule.vaultKeys` and `Rule.vaultLookups` on real notes: a keyed rule's
    /// findings about a note over that note and the notes holding a key it looks up (and the
    /// vault's files) are those of the whole vault.
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
                                                                    "citation/id-conflict", "citation/same-source-several-ids",
                                                                    "link/unresolved-wikilink", "link/ambiguous-wikilink", "link/missing-embed"])
        for rule in keyed {
            // In report order: tag-variants finds in the order of a dictionary's groups.
            let all = Dictionary(grouping: Finding.inReportOrder(rule.check(vault: whole))) { ExactPath($0.path) }
            var holders: [String: [Int]] = [:]
            for (index, context) in contexts.enumerated() { for key in rule.vaultKeys(context)! { holders[key, default: []].append(index) } }
            let lookups = contexts.map { rule.vaultLookups($0) ?? rule.vaultKeys($0)! }
            // Every note with findings or looking up a key another note holds, and every 7th note.
            for (index, context) in contexts.enumerated()
            where all[ExactPath(context.note.path)] != nil || index % 7 == 0 || lookups[index].contains(where: { (holders[$0]?.count ?? 0) > 1 }) {
                let sharers = Set(lookups[index].flatMap { holders[$0] ?? [] } + [index]).sorted().map { contexts[$0] }
                let found = Finding.inReportOrder(rule.check(vault: VaultContext(notes: sharers, files: files, linted: [context])))
                    .filter { ExactPath.same($0.path, context.note.path) }
                #expect(found == all[ExactPath(context.note.path)] ?? [], "\(type(of: rule).description.id): \(context.vaultPath)")
            }
        }
    }
}
