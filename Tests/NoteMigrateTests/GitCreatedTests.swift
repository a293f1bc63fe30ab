import Foundation
import Testing
@testable import NoteMigrate

/// `{{git.created}}` (NoteLint's `FileDates.created`): the first commit of a file, renames followed.
@Suite struct GitCreatedTests {
    @Test func setWritesTheFirstCommitDay() throws {
        let repo = try TemporaryFolder()
        try repo.git("init", "-q")
        let body = (1...20).map { "Line \($0) of a note long enough for git to see the rename." }.joined(separator: "\n")
        try repo.write("a.md", "---\ntitle: N\n---\n" + body)
        try repo.git("add", "a.md")
        try repo.git("commit", "-q", "-m", "add", date: "2022-11-30T08:00:00Z")
        try repo.git("mv", "a.md", "n.md")
        try repo.git("commit", "-q", "-m", "rename", date: "2023-06-07T12:00:00Z")
        let plan = try MigrationPlan.parse("steps:\n  - set: {key: date_created, value: '{{git.created}}'}\n", path: "plan.yml")
        let run = Migration(plan: plan, vaultRoot: repo.root).run([repo.root])
        #expect(run.rewrites.map { String(decoding: $0.result, as: UTF8.self) } == ["---\ntitle: N\ndate_created: 2022-11-30\n---\n" + body])
    }
}
