import Foundation
import NoteLint
import NoteLintReporters
import NoteParser
import NoteWorkspace
import Testing

/// Issue 14: a vault in memory, re-checked one note at a time, reports what a batch run does.
@Suite struct WorkspaceTests {
    static let uuid = "0f8fad5b-d9cb-469f-a165-70867728950e"
    static let otherUUID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
    static let notes: [(String, String)] = [
        ("a.md", "---\nsite_uuid: \(uuid)\naliases: [Tide Mills]\n---\nA claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n"),
        ("b.md", "---\nsite_uuid: \(otherUUID)\n---\nSee [[Tide Mills]] and [[a]].\n"),
        ("c.md", "Other claim.[^d4e5f6]\n\n[^d4e5f6]: [A](https://example.com/a)\n"),
        ("img/photo.png", "not really a picture"),
    ]

    /// A fresh vault (marked by `.obsidian/`) holding `notes`.
    static func vault(_ notes: [(String, String)] = notes) throws -> String {
        let root = NSTemporaryDirectory() + "notekit-workspace-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.obsidian", withIntermediateDirectories: true)
        for (path, text) in notes { try write(text, root + "/" + path) }
        return root
    }

    static func write(_ text: String, _ path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func workspace(_ root: String) throws -> Workspace {
        let loader = try ConfigurationLoader(defaultRoot: root)
        return try Workspace(root: root) { try loader.configuration(for: $0) }
    }

    /// The JSON report of `notekit lint ROOT` (the batch run) on the vault as it is on disk.
    static func batchReport(_ root: String) throws -> String {
        let loader = try ConfigurationLoader(defaultRoot: root)
        let files = NoteFiles.collect([root]).files
        let result = try Linter().lint(files.map(Linter.Input.init(path:)), vaultRoot: root) { try loader.configuration(for: $0) }
        return JSONReporter().report(LintReport(result))
    }

    static func report(_ workspace: Workspace) -> String { JSONReporter().report(LintReport(workspace.result)) }

    static func rules(_ findings: [Finding]) -> [String] { findings.map(\.ruleID) }

    @Test func loadedVaultReportsWhatABatchRunDoes() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = try Self.workspace(root)
        #expect(Self.report(workspace) == (try Self.batchReport(root)))
        #expect(Self.rules(workspace.findings(for: "c.md")).contains("citation/same-source-several-ids"))
    }

    @Test func updateReportsOtherNotesWhoseFindingsChanged() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = try Self.workspace(root)
        #expect(!Self.rules(workspace.findings(for: "b.md")).contains("frontmatter/duplicate-uuid"))
        // c.md takes a.md's UUID: c is the second note with it, so c gets the finding; a does not change.
        let text = "---\nsite_uuid: \(Self.uuid)\n---\nOther claim.[^d4e5f6]\n\n[^d4e5f6]: [A](https://example.com/a)\n"
        let changed = try workspace.update("c.md", bytes: Array(text.utf8))
        #expect(changed == ["c.md"])
        #expect(Self.rules(workspace.findings(for: "c.md")).contains("frontmatter/duplicate-uuid"))
        // a.md drops its alias: b's link to it resolves to nothing now; b is reported as changed.
        let plain = "---\nsite_uuid: \(Self.uuid)\n---\nA claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n"
        let changedByAlias = try workspace.update("a.md", bytes: Array(plain.utf8))
        #expect(changedByAlias.contains("b.md"))
        #expect(Self.rules(workspace.findings(for: "b.md")).contains("link/unresolved-wikilink"))
        try Self.write(text, root + "/c.md")
        try Self.write(plain, root + "/a.md")
        #expect(Self.report(workspace) == (try Self.batchReport(root)))
    }

    @Test func removeAndRenameChangeLinksAndUUIDsOfOtherNotes() throws {
        let root = try Self.vault(Self.notes + [("d.md", "---\nsite_uuid: \(Self.otherUUID)\n---\nEmbeds ![[photo.png]].\n")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = try Self.workspace(root)
        #expect(Self.rules(workspace.findings(for: "d.md")).contains("frontmatter/duplicate-uuid"))
        // b.md (no findings of its own) goes: d.md is the only note with its UUID now.
        #expect(workspace.findings(for: "b.md").isEmpty)
        let removed = workspace.remove("b.md")
        #expect(removed == ["d.md"])
        #expect(workspace.findings(for: "b.md").isEmpty)
        #expect(!Self.rules(workspace.findings(for: "d.md")).contains("frontmatter/duplicate-uuid"))
        try FileManager.default.removeItem(atPath: root + "/b.md")
        #expect(Self.report(workspace) == (try Self.batchReport(root)))
        // The picture is renamed: d.md's embed resolves to nothing.
        let renamed = try workspace.rename(from: "img/photo.png", to: "img/picture.png")
        #expect(renamed == ["d.md"])
        #expect(Self.rules(workspace.findings(for: "d.md")).contains("link/missing-embed"))
        try FileManager.default.moveItem(atPath: root + "/img/photo.png", toPath: root + "/img/picture.png")
        // a.md is renamed after c.md in vault order: c.md now cites the source first, so the
        // same-source finding moves from c.md to the renamed note.
        #expect(Self.rules(workspace.findings(for: "c.md")).contains("citation/same-source-several-ids"))
        let movedNote = try workspace.rename(from: "a.md", to: "notes/a.md")
        #expect(movedNote == ["c.md", "notes/a.md"])
        #expect(Self.rules(workspace.findings(for: "notes/a.md")).contains("citation/same-source-several-ids"))
        #expect(workspace.findings(for: "a.md").isEmpty)
        try FileManager.default.createDirectory(atPath: root + "/notes", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: root + "/a.md", toPath: root + "/notes/a.md")
        #expect(Self.report(workspace) == (try Self.batchReport(root)))
    }

    @Test func aNoteThatCannotBeLintedIsOneErrorFinding() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = try Self.workspace(root)
        let changed = try workspace.update("c.md", bytes: [0x61, 0x00, 0x62])
        #expect(changed == ["c.md"])
        #expect(Self.rules(workspace.findings(for: "c.md")) == [FileRule.unreadable])
        try Data([0x61, 0x00, 0x62]).write(to: URL(fileURLWithPath: root + "/c.md"))
        #expect(Self.report(workspace) == (try Self.batchReport(root)))
        // Renamed, it is read again under its new name: still the one error finding.
        try FileManager.default.moveItem(atPath: root + "/c.md", toPath: root + "/e.md")
        #expect(try workspace.rename(from: "c.md", to: "e.md") == ["c.md", "e.md"])
        #expect(Self.rules(workspace.findings(for: "e.md")) == [FileRule.unreadable])
        #expect(Self.report(workspace) == (try Self.batchReport(root)))
    }

    /// `Notes/` next to the package root (this file is `Tests/NoteWorkspaceTests/…`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let corpus = URL(fileURLWithPath: packageRoot).appendingPathComponent("../shared/corpus").standardizedFileURL.path

    @Test func demoVaultReportIsByteIdenticalToTheBatchRun() throws {
        let root = Self.packageRoot + "/Notes"
        let loader = try ConfigurationLoader(defaultRoot: root)
        let workspace = try Workspace(root: root) { try loader.configuration(for: $0) }
        #expect(Self.report(workspace) == (try Self.batchReport(root)))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus), "reference corpus ../shared/corpus is absent"))
    func corpusReportIsByteIdenticalToTheBatchRun() throws {
        let workspace = try Self.workspace(Self.corpus)
        let report = Self.report(workspace)
        #expect(report == (try Self.batchReport(Self.corpus)))
        #expect(workspace.result.findings.count > 1000)
    }
}
