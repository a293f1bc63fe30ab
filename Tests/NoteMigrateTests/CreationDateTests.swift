import Foundation
import Testing
@testable import NoteMigrate

/// `{{git.created}}`: the first commit of a file, renames followed, else the file's own dates.
@Suite struct CreationDateTests {
    @Test func firstCommitDateFollowsRenames() throws {
        let repo = try TemporaryFolder()
        try repo.git("init", "-q")
        let body = (1...20).map { "Line \($0) of a note long enough for git to see the rename." }.joined(separator: "\n")
        try repo.write("a.md", "---\ntitle: A\n---\n" + body)
        try repo.git("add", "a.md")
        try repo.git("commit", "-q", "-m", "add", date: "2021-03-04T12:00:00Z")
        try repo.git("mv", "a.md", "b.md")
        try repo.write("b.md", "---\ntitle: B\n---\n" + body)
        try repo.git("commit", "-qam", "rename", date: "2023-06-07T12:00:00Z")
        #expect(CreationDate.of(repo.path("b.md")) == "2021-03-04")
    }

    @Test func untrackedFilesUseTheirOwnDates() throws {
        let folder = try TemporaryFolder()
        try folder.write("n.md", "x\n")
        let path = folder.path("n.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_577_966_400)], ofItemAtPath: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let expected = CreationDate.day(of: (attributes[.creationDate] ?? attributes[.modificationDate]) as! Date)
        #expect(CreationDate.of(path) == expected)
        #expect(CreationDate.of(folder.path("missing.md")) == nil)
    }

    @Test func setUsesIt() throws {
        let repo = try TemporaryFolder()
        try repo.git("init", "-q")
        try repo.write("n.md", "---\ntitle: N\n---\nBody\n")
        try repo.git("add", "n.md")
        try repo.git("commit", "-q", "-m", "add", date: "2022-11-30T08:00:00Z")
        let plan = try MigrationPlan.parse("steps:\n  - set: {key: date_created, value: '{{git.created}}'}\n", path: "plan.yml")
        let run = Migration(plan: plan, vaultRoot: repo.root).run([repo.root])
        #expect(run.rewrites.map { String(decoding: $0.result, as: UTF8.self) } == ["---\ntitle: N\ndate_created: 2022-11-30\n---\nBody\n"])
    }
}
