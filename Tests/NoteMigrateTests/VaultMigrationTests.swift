import Foundation
import NoteFix
import NoteParser
import Testing
@testable import NoteMigrate

/// Plans over real vaults: the example plans on Notes/, and a plan over a copy of the corpus.
@Suite struct VaultMigrationTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let corpus = packageRoot + "/../shared/corpus"

    /// A copy of `folder` in a fresh temporary folder.
    func copy(_ folder: String) throws -> TemporaryFolder {
        let copy = try TemporaryFolder()
        try FileManager.default.removeItem(atPath: copy.root)
        try FileManager.default.copyItem(atPath: folder, toPath: copy.root)
        return copy
    }

    @Test(arguments: ["normalize-status.yml", "house-style-front-matter.yml", "add-site-uuid.yml"])
    func examplePlansRunOnTheExampleVault(name: String) throws {
        let plan = try MigrationPlan.read(Self.packageRoot + "/migrations/" + name)
        let vault = try copy(Self.packageRoot + "/Notes")
        let migration = Migration(plan: plan, vaultRoot: vault.root)
        let planned = migration.run([vault.root])
        #expect(planned.errors.isEmpty)
        #expect(planned.rewrites.allSatisfy { $0.conflicts.isEmpty })
        // Only notes whose front matter has a YAML error refuse edits.
        for rewrite in planned.rewrites where !rewrite.refused.isEmpty {
            #expect(try NoteParser().parse(bytes: rewrite.original, path: rewrite.path).frontMatter?.error != nil)
        }
        for rewrite in planned.rewrites where rewrite.isChanged {
            #expect(try NoteParser().parse(bytes: rewrite.result, path: rewrite.path).frontMatter?.error == nil, "\(rewrite.path)")
        }
        #expect(RewriteWriter(mode: .write).commit(planned.rewrites).errors.isEmpty)
        #expect(migration.run([vault.root]).rewrites.filter(\.isChanged).isEmpty)
    }

    /// Notes whose edits shift the bytes of later steps' edits.
    func shiftingVault() throws -> TemporaryFolder {
        let vault = try copy(Self.packageRoot + "/Notes")
        try vault.write("shift/a.md", "---\ntitle: \"Quoted\"\ntags: [a, b]\nstate: WIP\ncf_last_run: x\ndate: '2024-05-01'\nz: \"q\"\n---\nBody\n")
        try vault.write("shift/b.md", "---\r\ncf_last_run: 1\r\nstate: \"done\"\r\ntags: one\r\nlede: \"L\"\r\n---\r\nBody\r\n")
        try vault.write("shift/c.md", "# Only a heading\n")
        try vault.write("shift/d.md", "---\ndate_last_updated: '2024-01-01'\n# note\nstatus: \"resolved\"\ncf_last_run_model: m\nx: 'y'\n---\n")
        return vault
    }

    /// One run of a plan writes what running its steps one by one, writing after each, writes:
    /// the edits kept in the coordinates of the note as read land where the steps meant them.
    @Test(arguments: [true, false])
    func onePassEqualsStepByStep(reorder: Bool) throws {
        var text = Self.corpusPlan.replacingOccurrences(of: "{{uuid}}", with: "{{filename}}")
            .replacingOccurrences(of: "rename: {from: date_last_updated", with: "rename: {from: state, to: status}\n  - rename: {from: date_last_updated")
        if !reorder { text = text.components(separatedBy: "\n").filter { !$0.contains("reorder") }.joined(separator: "\n") }
        let plan = try MigrationPlan.parse(text, path: "plan.yml")
        let together = try shiftingVault(), apart = try shiftingVault()
        let run = Migration(plan: plan, vaultRoot: together.root).run([together.root])
        #expect(run.rewrites.contains { $0.applied.contains { $0.summary.contains("(with: ") } } == reorder)
        #expect(RewriteWriter(mode: .write).commit(run.rewrites).errors.isEmpty)
        for step in plan.steps {
            let single = Migration(plan: MigrationPlan(steps: [step]), vaultRoot: apart.root).run([apart.root])
            #expect(RewriteWriter(mode: .write).commit(single.rewrites).errors.isEmpty)
        }
        let (files, _) = NoteFiles.collect([together.root])
        #expect(files.count == 19)
        for file in files {
            let relative = String(file.dropFirst(together.root.count + 1))
            #expect(try together.read(relative) == apart.read(relative), "\(relative)")
        }
        #expect(try together.read("shift/b.md") == (reorder
            ? "---\r\ntags:\r\n  - one\r\nstatus: done\r\nlede: L\r\nsite_uuid: b\r\n---\r\nBody\r\n"
            : "---\r\nstatus: done\r\ntags:\r\n  - one\r\nlede: L\r\nsite_uuid: b\r\n---\r\nBody\r\n"))
    }

    static let corpusPlan = """
        steps:
          - rename: {from: date_last_updated, to: date_updated}
          - delete: [cf_last_run, cf_last_run_model]
          - set: {key: site_uuid, value: "{{uuid}}"}
          - map: {key: status, caseInsensitive: true, values: {resolved: Complete, implemented: Complete, complete: Complete}}
          - convert: tags
          - convert: dates
          - convert: quotes
          - reorder: [title, date_created, date_modified, tags]
        """

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus), "../shared/corpus is absent"))
    func corpusChangesOnlyWhatThePlanSays() throws {
        let vault = try copy(Self.corpus)
        let migration = Migration(plan: try MigrationPlan.parse(Self.corpusPlan, path: "plan.yml"), vaultRoot: vault.root)
        let planned = migration.run([vault.root])
        #expect(planned.errors.isEmpty)
        #expect(planned.rewrites.allSatisfy { $0.conflicts.isEmpty })
        let outcome = RewriteWriter(mode: .write).commit(planned.rewrites)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.written.count > 100)

        let (files, _) = NoteFiles.collect([vault.root])
        #expect(files.count == 1399)
        for file in files {
            let relative = String(file.dropFirst(vault.root.count + 1))
            let before = try NoteParser().parse(contentsOf: Self.corpus + "/" + relative)
            let after = try NoteParser().parse(contentsOf: file)
            try checkMigrated(before, after, relative)
        }
        #expect(migration.run([vault.root]).rewrites.filter(\.isChanged).isEmpty)
    }

    /// The body keeps its bytes; every key keeps its value except those the plan changes.
    func checkMigrated(_ before: Note, _ after: Note, _ path: String) throws {
        let old = before.source.bytes, new = after.source.bytes
        guard let frontMatter = before.frontMatter else {
            #expect(new.count > old.count && Array(new.suffix(old.count)) == old && after.frontMatter?.value("site_uuid") != nil, "\(path)")
            return
        }
        guard frontMatter.error == nil, frontMatter.closingDelimiter != nil else {
            #expect(new == old, "\(path): a broken front matter was changed")
            return
        }
        let newFrontMatter = try #require(after.frontMatter, "\(path)")
        #expect(newFrontMatter.error == nil, "\(path)")
        #expect(old[frontMatter.range.end.offset...] == new[newFrontMatter.range.end.offset...], "\(path): the body changed")
        var expected = frontMatter.entries.map(\.key).filter { !["cf_last_run", "cf_last_run_model"].contains($0) }
        if let index = expected.firstIndex(of: "date_last_updated"), !expected.contains("date_updated") { expected[index] = "date_updated" }
        if !expected.contains("site_uuid") { expected.append("site_uuid") }
        #expect(Set(newFrontMatter.entries.map(\.key)) == Set(expected), "\(path)")
        for entry in frontMatter.entries {
            let key = entry.key == "date_last_updated" && newFrontMatter.entry("date_updated") != nil ? "date_updated" : entry.key
            let was = entry.value, now = newFrontMatter.value(key)
            switch key {
            case "cf_last_run", "cf_last_run_model":
                continue
            case "site_uuid" where was?.isEmpty == true:
                #expect(now?.scalarText?.count == 36, "\(path)")
            case "status":
                let canonical = ["resolved", "implemented", "complete"].contains(was?.scalarText?.lowercased() ?? "")
                #expect(canonical ? now == .string("Complete") : now == was, "\(path)")
            case "tags":
                #expect(now.flatMap(texts) == was.flatMap(texts), "\(path)")
            default:
                if case .string(let text)? = was, DateText.isCalendarDate(text), entry.style != .plain {
                    #expect(now == .date(text), "\(path): \(key)")
                } else {
                    #expect(now == was, "\(path): \(key)")
                }
            }
        }
    }

    /// A list's item texts, or a scalar as a one-item list.
    func texts(_ value: YAMLValue) -> [String]? {
        if case .list(let items) = value { return items.map { $0.scalarText ?? "" } }
        return value.scalarText.map { [$0] }
    }
}
