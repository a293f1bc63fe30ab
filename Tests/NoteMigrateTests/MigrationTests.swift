import Foundation
import NoteFix
import NoteParser
import Testing
@testable import NoteMigrate

/// Plans run over folders of notes: filters, steps together, idempotence, writing.
@Suite struct MigrationTests {
    func plan(_ text: String) throws -> MigrationPlan { try MigrationPlan.parse(text, path: "plan.yml") }

    /// The result of each changed note, by vault-relative path.
    func results(_ run: Migration.Run, root: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: run.rewrites.filter(\.isChanged).map {
            (String($0.path.dropFirst(root.count + 1)), String(decoding: $0.result, as: UTF8.self))
        })
    }

    @Test func pathsAndWhereChooseTheNotes() throws {
        let vault = try TemporaryFolder()
        try vault.write("essays/a.md", "---\nstatus: Draft\n---\n")
        try vault.write("essays/b.md", "---\nstatus: Final\n---\n")
        try vault.write("essays/c.md", "---\ntags: [x, Draft]\n---\n")
        try vault.write("notes/d.md", "---\nstatus: Draft\n---\n")
        let run = Migration(plan: try plan("""
            steps:
              - set: {key: review, value: due}
                paths: ["essays/**"]
                where: {status: Draft}
              - set: {key: tagged, value: 'yes'}
                where: {tags: Draft}
            """), vaultRoot: vault.root).run([vault.root])
        #expect(results(run, root: vault.root) == [
            "essays/a.md": "---\nstatus: Draft\nreview: due\n---\n",
            "essays/c.md": "---\ntags: [x, Draft]\ntagged: 'yes'\n---\n",
        ])
    }

    /// The single edit of `source` after `plan`, with the summaries of its edits.
    func migrated(_ source: String, _ planText: String) throws -> (text: String, summaries: [String]) {
        let vault = try TemporaryFolder()
        try vault.write("n.md", source)
        let migration = Migration(plan: try plan(planText), vaultRoot: vault.root)
        let rewrite = try #require(migration.run([vault.root]).rewrites.first)
        #expect(rewrite.conflicts.isEmpty && rewrite.refused.isEmpty)
        #expect(RewriteWriter(mode: .write).commit([rewrite]).errors.isEmpty)
        #expect(migration.run([vault.root]).rewrites.isEmpty, "a second run makes no edits")
        return (String(decoding: rewrite.result, as: UTF8.self), rewrite.applied.map(\.summary))
    }

    @Test func stepsSeeTheNoteAsEarlierStepsLeaveIt() throws {
        let renamed = try migrated("---\nstate: WIP\n---\n", "steps:\n  - rename: {from: state, to: status}\n  - map: {key: status, values: {WIP: Draft}}\n")
        #expect(renamed.text == "---\nstatus: Draft\n---\n")
        #expect(renamed.summaries == ["rename state → status", "map status WIP → Draft"])
        let filtered = try migrated("---\nstatus: wip\n---\n", "steps:\n  - map: {key: status, values: {wip: Draft}}\n  - set: {key: review, value: due}\n    where: {status: Draft}\n")
        #expect(filtered.text == "---\nstatus: Draft\nreview: due\n---\n")
        let merged = try migrated("---\nstatus: 'WIP'\n---\n", "steps:\n  - convert: quotes\n  - map: {key: status, values: {WIP: Draft}}\n")
        #expect(merged.text == "---\nstatus: Draft\n---\n")
        #expect(merged.summaries == ["map status WIP → Draft (with: write status without quotes)"])
    }

    @Test func editsAtOnePointKeepTheirOrder() throws {
        let sets = try migrated("---\nx: 1\n---\n", "steps:\n  - set: {key: a, value: '1'}\n  - set: {key: b, value: '2'}\n")
        #expect(sets.text == "---\nx: 1\na: '1'\nb: '2'\n---\n")
        #expect(sets.summaries == ["set a", "set b"])
        let again = try migrated("---\nk: 1\nz: 2\n---\n", "steps:\n  - delete: k\n  - set: {key: k, value: v}\n  - delete: z\n")
        #expect(again.text == "---\nk: v\n---\n")
        #expect(again.summaries == ["delete k", "delete z", "set k"] || again.summaries == ["delete k", "set k", "delete z"])
    }

    @Test func anUndoneChangeIsNoEdit() throws {
        let vault = try TemporaryFolder()
        try vault.write("n.md", "---\nx: 1\n---\n")
        let run = Migration(plan: try plan("steps:\n  - set: {key: a, value: v}\n  - delete: a\n"), vaultRoot: vault.root).run([vault.root])
        #expect(run.rewrites.isEmpty)
    }

    @Test func reorderOrdersEntriesAsEarlierStepsLeaveThem() throws {
        let vault = try TemporaryFolder()
        let source = "---\ntags: [b, a]\nstate: \"x\"\n# keep\ncf: 1\ntitle: \"T\"\n---\nBody\n"
        try vault.write("n.md", source)
        let migration = Migration(plan: try plan("""
            steps:
              - rename: {from: state, to: status}
              - delete: cf
              - convert: tags
              - convert: quotes
              - set: {key: site_uuid, value: fixed}
              - reorder: [title, status, site_uuid]
            """), vaultRoot: vault.root)
        let run = migration.run([vault.root])
        let rewrite = try #require(run.rewrites.first)
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "---\ntitle: T\nstatus: x\n# keep\nsite_uuid: fixed\ntags:\n  - b\n  - a\n---\nBody\n")
        #expect(rewrite.conflicts.isEmpty && rewrite.refused.isEmpty)
        #expect(rewrite.applied.map(\.summary) == ["reorder keys (with: write tags as a block list; rename state → status; "
                                                   + "write status without quotes; delete cf; write title without quotes; set site_uuid)"])
        #expect(RewriteWriter(mode: .write).commit(run.rewrites).errors.isEmpty)
        #expect(migration.run([vault.root]).rewrites.isEmpty)
    }

    @Test func editsOutsideTheMovedEntriesStaySeparate() throws {
        let vault = try TemporaryFolder()
        try vault.write("n.md", "---\nb: 2\na: 1\ntitle: \"T\"\n---\n")
        let run = Migration(plan: try plan("steps:\n  - convert: quotes\n  - reorder: [a]\n"), vaultRoot: vault.root).run([vault.root])
        let rewrite = try #require(run.rewrites.first)
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "---\na: 1\nb: 2\ntitle: T\n---\n")
        #expect(rewrite.applied.map(\.summary) == ["reorder keys", "write title without quotes"])
    }

    /// A plan whose result would parse with a new problem (here: deleting the anchor a later
    /// alias uses) leaves the note unchanged and refuses its edits, as `fix` does.
    @Test func aRewriteThatBreaksTheYAMLIsRefused() throws {
        let vault = try TemporaryFolder()
        try vault.write("a.md", "---\nbase: &b hello\nother: *b\n---\nText.\n")
        let run = Migration(plan: try plan("steps:\n  - delete: base\n"), vaultRoot: vault.root).run([vault.root])
        let rewrite = try #require(run.rewrites.first)
        #expect(!rewrite.isChanged)
        #expect(rewrite.refused.count == 1)
        #expect(rewrite.refused.first?.reason.contains("new problem") == true)
    }

    @Test func refusalsAndNoticesAreReported() throws {
        let vault = try TemporaryFolder()
        try vault.write("broken.md", "---\nstate: [a\n---\n")
        try vault.write("both.md", "---\nstate: a\nstatus: b\n---\n")
        let run = Migration(plan: try plan("steps:\n  - rename: {from: state, to: status}\n"), vaultRoot: vault.root).run([vault.root])
        #expect(run.notices == ["\(vault.root)/both.md: rename state → status: 'status' exists (overwrite: true replaces it)"])
        #expect(run.rewrites.map { $0.refused.count } == [1])
        #expect(run.rewrites.allSatisfy { !$0.isChanged })
    }

    @Test func writesAndASecondRunMakesNoEdits() throws {
        let vault = try TemporaryFolder()
        try vault.write("a.md", "---\r\nstatus: wip\r\ntags: [One, Two]\r\n---\r\nBody\r\n")
        try vault.write("b.md", "# No front matter\n")
        let migration = Migration(plan: try plan("""
            steps:
              - map: {key: status, values: {WIP: Draft}, caseInsensitive: true}
              - convert: tags
              - set: {key: title, value: "{{title}}"}
            """), vaultRoot: vault.root)
        let outcome = RewriteWriter(mode: .write).commit(migration.run([vault.root]).rewrites)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.written.count == 2)
        #expect(try vault.read("a.md") == "---\r\nstatus: Draft\r\ntags:\r\n  - One\r\n  - Two\r\ntitle: a\r\n---\r\nBody\r\n")
        #expect(try vault.read("b.md") == "---\ntitle: No front matter\n---\n# No front matter\n")
        #expect(migration.run([vault.root]).rewrites.isEmpty)
    }

    /// Set values read back with the type the template means: text placeholders stay strings
    /// even when they look like dates, numbers or booleans; date placeholders, literal days and
    /// keys named `date…` are dates. Each note is read back by notekit's parser.
    @Test func setValuesReadBackTyped() throws {
        let vault = try TemporaryFolder()
        try vault.write("2024-01-01.md", "# 2024-01-01\n")
        try vault.write("true.md", "---\ntitle: '1.5'\n---\n")
        var migration = Migration(plan: try plan("""
            steps:
              - set: {key: title, value: "{{title}}"}
              - set: {key: name, value: "{{filename}}"}
              - set: {key: date_created, value: "{{filename}}"}
              - set: {key: reviewed, value: "{{today}}"}
              - set: {key: since, value: "2023-05-06"}
            """), vaultRoot: vault.root)
        migration.today = "2026-02-03"
        #expect(RewriteWriter(mode: .write).commit(migration.run([vault.root]).rewrites).errors.isEmpty)
        func values(_ path: String) throws -> [String: YAMLValue] {
            let note = try NoteParser().parse(contentsOf: vault.root + "/" + path)
            return Dictionary(uniqueKeysWithValues: try #require(note.frontMatter).entries.map { ($0.key, $0.value ?? .null) })
        }
        let daily = try values("2024-01-01.md")
        #expect(daily["title"] == .string("2024-01-01"))
        #expect(daily["name"] == .string("2024-01-01"))
        #expect(daily["date_created"] == .date("2024-01-01"))
        #expect(daily["reviewed"] == .date("2026-02-03"))
        #expect(daily["since"] == .date("2023-05-06"))
        let named = try values("true.md")
        #expect(named["title"] == .string("1.5"))
        #expect(named["name"] == .string("true"))
        #expect(named["date_created"] == .string("true"))
        #expect(try vault.read("2024-01-01.md").hasPrefix("---\ntitle: '2024-01-01'\nname: '2024-01-01'\ndate_created: 2024-01-01\n"))
    }
}
