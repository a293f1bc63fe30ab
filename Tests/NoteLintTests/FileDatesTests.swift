import Foundation
import NoteFix
@testable import NoteLint
import NoteParser
import Testing

/// `FileDates.created` in a temporary git repository: the day of the commit that added the
/// file (through a rename), else the file system's date, and the `frontmatter/required` fix built on it.
@Suite struct FileDatesTests {
    static let hasGit = FileManager.default.isExecutableFile(atPath: "/usr/bin/git")

    /// Runs git in `folder` with a fixed author date.
    @discardableResult
    func git(_ arguments: [String], in folder: URL, date: String = "2021-03-04T12:00:00+00:00") throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        process.environment = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "PATH": "/usr/bin:/bin", "HOME": folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filedates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: hasGit, "git is not installed"))
    func firstCommitDateFollowsRenames() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(try git(["init", "-q"], in: folder) == 0)
        try "---\ntitle: A note\n---\nText that stays the same.\n".write(to: folder.appendingPathComponent("old.md"), atomically: true, encoding: .utf8)
        try git(["add", "old.md"], in: folder)
        try #require(try git(["commit", "-q", "-m", "add"], in: folder) == 0)
        try git(["mv", "old.md", "new.md"], in: folder, date: "2023-08-09T12:00:00+00:00")
        try #require(try git(["commit", "-q", "-m", "rename"], in: folder, date: "2023-08-09T12:00:00+00:00") == 0)

        let path = folder.appendingPathComponent("new.md").path
        #expect(FileDates.created(path) == "2021-03-04")

        let note = try NoteParser().parse(contentsOf: path)
        var configuration = try ConfigurationLoader.parse("collections:\n  essays:\n    paths: [\"**\"]\n    required: [title, date_created]\n")
        configuration.root = folder.path
        let finding = try #require(FrontMatterRequiredRule().check(NoteContext(note: note, vaultPath: "new.md", configuration: configuration)).first)
        #expect(finding.fix?.edits == [Edit(range: 18..<18, replacement: "date_created: 2021-03-04\n")])
    }

    @Test func untrackedFileFallsBackToTheFileSystem() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("note.md")
        try "Text.\n".write(to: file, atomically: true, encoding: .utf8)
        let modified = try #require(Calendar(identifier: .gregorian).date(from: DateComponents(year: 2019, month: 7, day: 20, hour: 12)))
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        // Where the file system keeps a birth time, that is today's creation of this file.
        let day = DateFormatter()
        day.dateFormat = "yyyy-MM-dd"
        let expected = (attributes[.creationDate] as? Date).map(day.string) ?? "2019-07-20"
        #expect(FileDates.created(file.path) == expected)
        #expect(FileDates.created(folder.appendingPathComponent("absent.md").path) == nil)
    }

    /// Counts the creation dates asked for.
    final class DateRequests: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var made: Int { lock.withLock { count } }
        func date(_ path: String) -> String? {
            lock.withLock { count += 1 }
            return "2021-03-04"
        }
    }

    /// A lint run offers the `frontmatter/required` fix without looking the date up (in real
    /// runs a `git log`); `fix` looks it up once, when it applies the fix.
    @Test func onlyFixLooksUpTheCreationDate() throws {
        let requests = DateRequests()
        var configuration = try ConfigurationLoader.parse("collections:\n  essays:\n    paths: [\"**\"]\n    required: [title, date_created]\n")
        configuration.root = "."
        configuration.generated = GeneratedValues(uuid: GeneratedValues.examples.uuid, dateCreated: { requests.date($0) })
        let text = "---\ntitle: A note\n---\nText.\n"
        let note = try NoteParser().parse(bytes: Array(text.utf8), path: "n.md")
        let findings = Linter().lint([NoteContext(note: note, vaultPath: "n.md", configuration: configuration)], vaultFiles: ["n.md"])
        let finding = try #require(findings.first { $0.ruleID == "frontmatter/required" })
        #expect(finding.isFixable && finding.fix?.summary == "add date_created")
        #expect(requests.made == 0)

        let fixed = configuration
        let result = NoteFixer().fix([Linter.Input(path: "n.md", bytes: Array(text.utf8))]) { _ in fixed }
        #expect(result.rewrites.first.map { String(decoding: $0.result, as: UTF8.self) } == "---\ntitle: A note\ndate_created: 2021-03-04\n---\nText.\n")
        #expect(requests.made == 1)
    }

    @Test func systemUUIDsAreRandomVersion4() {
        let first = GeneratedValues.system.uuid("a.md"), second = GeneratedValues.system.uuid("a.md")
        #expect(FrontMatterValues.isV4UUID(first) && FrontMatterValues.isV4UUID(second))
        #expect(first != second)
        #expect(FrontMatterValues.isV4UUID(GeneratedValues.examples.uuid("note.md")))
    }
}
