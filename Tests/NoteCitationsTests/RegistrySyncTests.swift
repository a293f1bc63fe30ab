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
            hexId: "src2"
            title: "Beta | Page"
            url: "https://beta.org/b"
            usageCount: 1
            filesUsedIn:
              - "a.md"
            created: "2025-10-09T08:53:20.000Z"
            lastModified: "2025-10-09T08:53:20.000Z"
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
        #expect(updated.contains("usageCount: 2\nfilesUsedIn:\n  - \"a.md\"\n---"))
        #expect(updated.contains("lastModified: \"2025-10-09T08:53:20.000Z\""))
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
}
