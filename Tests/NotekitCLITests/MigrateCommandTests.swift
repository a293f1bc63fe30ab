import Foundation
import Testing

/// `notekit migrate` end to end: plan errors, dry run, report, write, and a second run.
@Suite struct MigrateCommandTests {
    static let enabled = FileManager.default.isExecutableFile(atPath: DemoVaultTests.binary)

    /// A copy of the example vault in a fresh temporary folder.
    func vaultCopy() throws -> String {
        let folder = NSTemporaryDirectory() + "notekit-migrate-cli-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: DemoVaultTests.root.appendingPathComponent("Notes").path, toPath: folder)
        return folder
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func aPlanErrorExits2() throws {
        let plan = NSTemporaryDirectory() + "notekit-plan-" + UUID().uuidString + ".yml"
        try Data("steps:\n  - renam: {from: a, to: b}\n".utf8).write(to: URL(fileURLWithPath: plan))
        defer { try? FileManager.default.removeItem(atPath: plan) }
        let (status, output) = try DemoVaultTests.notekit(["migrate", plan, "Notes"])
        #expect(status == 2)
        #expect(output.isEmpty)
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func dryRunReportWriteAndASecondRun() throws {
        let vault = try vaultCopy()
        defer { try? FileManager.default.removeItem(atPath: vault) }
        let plan = "migrations/house-style-front-matter.yml", note = vault + "/concepts/Slack Water.md", report = vault + "/report.md"
        let before = try String(contentsOfFile: note, encoding: .utf8)

        let dryRun = try DemoVaultTests.notekit(["migrate", plan, "--report", report, vault])
        #expect(dryRun.status == 1, "the note with broken YAML refuses its edits")
        #expect(dryRun.output.contains("\(note): would write title without quotes\n"))
        // faults/Template Leftovers.md is refused too: its unquoted `{{title}}` is a map used as a key.
        #expect(dryRun.output.contains("\nmigrate/reorder: 12 edits in 12 files\n"))
        #expect(dryRun.output.contains("Template Leftovers.md: refused migrate/reorder: the front matter has a YAML error"))
        #expect(try String(contentsOfFile: note, encoding: .utf8) == before)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("- [[concepts/Slack Water]]: `migrate/convert` ×2, `migrate/reorder` ×1"))

        let diff = try DemoVaultTests.notekit(["migrate", plan, "--diff", vault])
        #expect(diff.output.contains("\n-title: 'Slack Water'\n") && diff.output.contains("\n+title: Slack Water\n"))

        _ = try DemoVaultTests.notekit(["migrate", plan, "--write", vault])
        #expect(try String(contentsOfFile: note, encoding: .utf8).hasPrefix("---\ntitle: Slack Water\nlede: The still moment between flood and ebb.\n"))
        let again = try DemoVaultTests.notekit(["migrate", plan, vault])
        #expect(again.output.contains("\n0 edits in 0 files\n") || again.output.hasPrefix("0 edits in 0 files\n"))
    }
}
