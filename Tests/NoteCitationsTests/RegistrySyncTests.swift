import Foundation
import NoteCitations
import NoteParser
import Testing

@Suite struct RegistrySyncTests {
    static let userNotes = "## Notes\n\nMy own words.  \n\n- keep [[links]]\ttabs\n\nno final newline"
    static let existing = """
        ---
        hexId: "src1"
        title: Alpha Article
        url: "https://example.com/alpha"
        created: "2025-07-20T17:43:17.341Z"
        lastModified: "2025-07-20T17:47:27.970Z"
        usageCount: "9"
        filesUsedIn:
          - old.md
        ---

        # Alpha Article

        ## Reference

        Alpha.

        ## Usage

        This citation has been used 9 time(s).

        ## Source

        [https://example.com/alpha](https://example.com/alpha)


        """ + userNotes

    let now = Date(timeIntervalSince1970: 1_760_000_000)

    func vault() throws -> String {
        var files = Fixtures.vault
        files["Citations/src1.md"] = Self.existing
        files["Citations/gone42.md"] = "---\nhexId: gone42\nusageCount: 1\n---\n\n# Citation gone42\n"
        files["Citations/Viewer.md"] = "```dataview\nTABLE title FROM \"Citations\"\n```\n"
        return try Fixtures.directory(files)
    }

    func plan(_ root: String) -> RegistryPlan {
        let sync = RegistrySync(root: root, directory: root + "/Citations")
        return sync.plan(for: sync.index(paths: [root]).index, now: now)
    }

    @Test func createsUpdatesAndReportsOrphans() throws {
        let root = try vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let plan = plan(root)
        #expect(plan.changes.map { "\($0.action.rawValue) \($0.id)" } == ["update src1", "create src2", "create alpha"])
        #expect(plan.orphans == [root + "/Citations/gone42.md"])
        #expect(plan.hasDrift)
        #expect(!FileManager.default.fileExists(atPath: root + "/Citations/src2.md"), "planning writes nothing")
    }

    @Test func writesTheVaultFormat() throws {
        let root = try vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try plan(root).apply()
        let created = try String(contentsOfFile: root + "/Citations/src2.md", encoding: .utf8)
        #expect(created == """
            ---
            hexId: src2
            title: Beta | Page
            url: https://beta.org/b
            usageCount: 1
            filesUsedIn:
              - a.md
            created: 2025-10-09T08:53:20.000Z
            lastModified: 2025-10-09T08:53:20.000Z
            ---

            # Beta | Page

            ## Reference

            [Beta | Page](https://beta.org/b)

            ## Usage

            This citation has been used 1 time(s).

            ## Source

            [https://beta.org/b](https://beta.org/b)

            ## Notes

            Add your notes about this citation here.

            """)
        let updated = try String(contentsOfFile: root + "/Citations/src1.md", encoding: .utf8)
        #expect(updated.contains("usageCount: 2\nfilesUsedIn:\n  - a.md\n---"))
        #expect(updated.contains("lastModified: 2025-10-09T08:53:20.000Z"))
        #expect(updated.contains("created: \"2025-07-20T17:43:17.341Z\""))
        #expect(updated.contains("## Usage\n\nThis citation has been used 2 time(s).\n\n## Source"))
    }

    @Test func keepsTheNotesSectionBytes() throws {
        let root = try vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try plan(root).apply()
        let updated = try Data(contentsOf: URL(fileURLWithPath: root + "/Citations/src1.md"))
        #expect(updated.suffix(Self.userNotes.utf8.count) == Data(Self.userNotes.utf8))
    }

    @Test func secondRunWritesNothing() throws {
        let root = try vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try plan(root).apply()
        let second = plan(root)
        #expect(second.changes.isEmpty)
        #expect(!second.hasDrift)
        #expect(second.orphans.count == 1)
    }

    @Test func keepsFileModeAndRefusesChangedFiles() throws {
        let root = try vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/Citations/src1.md"
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        try AtomicFile.write(Data("new".utf8), to: path, expectedOriginal: original)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(Data("again".utf8), to: path, expectedOriginal: original)
        }
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(Data("x".utf8), to: path, expectedOriginal: nil)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    /// Numeric labels are numbered per note: `[^1]` of two notes is two citations, never one registry note.
    /// A day (not a year or month) is written as a date; footnote markers in copied text cite nothing.
    @Test func registersVaultWideIdsOnlyAndWritesTypedValues() throws {
        let root = try Fixtures.directory([
            "a.md": "One[^1] and[^k9] and[^y2].\n\n[^1]: [First](https://one.org)\n[^k9]: 2024, Mar 5. [Kay [^1] `[^x]`](https://k.org/a?b=c#d)\n[^y2]: 2024, Mar. [2024-03-05](https://y.org)\n",
            "b.md": "Two[^1].\n\n[^1]: [Second](https://two.org)\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let plan = plan(root)
        #expect(plan.changes.map(\.id) == ["k9", "y2"])
        try plan.apply()
        let k9 = try String(contentsOfFile: root + "/Citations/k9.md", encoding: .utf8)
        #expect(k9.contains("\ntitle: Kay [^1] `[^x]`\nurl: https://k.org/a?b=c#d\ndate: 2024-03-05\n"), "\(k9)")
        #expect(k9.contains("\n# Kay [\\^1] `[^x]`\n"))
        #expect(k9.contains("\n2024, Mar 5. [Kay [\\^1] `[^x]`](https://k.org/a?b=c#d)\n"))
        let note = Fixtures.note("k9.md", k9)
        #expect(note.footnoteReferences.isEmpty)
        #expect(note.frontMatter?.value("date") == .date("2024-03-05"))
        #expect(note.frontMatter?.value("created") == .datetime("2025-10-09T08:53:20.000Z"))
        let y2 = Fixtures.note("y2.md", try String(contentsOfFile: root + "/Citations/y2.md", encoding: .utf8))
        #expect(y2.frontMatter?.value("date") == nil, "a month is no day")
        #expect(y2.frontMatter?.value("title") == .string("2024-03-05"))
    }

    /// `--dir` must name a folder inside the vault, whatever `..`, absolute path or symbolic link it uses.
    @Test func registryFolderStaysInsideTheVault() throws {
        let root = try Fixtures.directory(["vault/a.md": "A\n", "outside/b.md": "B\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let vault = root + "/vault"
        try FileManager.default.createSymbolicLink(atPath: vault + "/Linked", withDestinationPath: root + "/outside")
        #expect(try RegistryFolder.resolve("Citations", root: vault) == vault + "/Citations")
        #expect(try RegistryFolder.resolve("./x/../Refs/New", root: vault) == vault + "/Refs/New")
        #expect(try RegistryFolder.resolve(vault + "/Refs", root: vault) == vault + "/Refs")
        for dir in ["../outside", "x/../../outside", root + "/outside", "/tmp", "Linked", "Linked/new", "."] {
            #expect(throws: RegistryFolder.OutsideVault.self, "\(dir)") { try RegistryFolder.resolve(dir, root: vault) }
        }
    }
}
