import ArgumentParser
import Foundation
import NoteFix
import NoteMigrate
import NoteParser

/// `notekit migrate`: a declarative front-matter migration over a vault.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Rename, delete, set, map, convert and reorder front-matter keys as a plan says.",
        discussion: """
            The plan format is documented in docs/migrate.md; migrations/ holds examples. \
            Dry run by default: prints each note's changes and a summary. --diff shows unified \
            diffs, --write applies the changes atomically. A second run makes no edits.
            """
    )

    @Argument(help: "The migration plan (YAML).")
    var plan: String

    @OptionGroup var input: InputOptions

    @Flag(help: "Show the changes as unified diffs.")
    var diff = false

    @Flag(help: "Write the changes.")
    var write = false

    @Option(name: .customLong("report"), help: "Also write the summary as Markdown to this file.")
    var reportPath: String?

    func validate() throws {
        if diff && write { throw ValidationError("--diff and --write cannot be combined") }
    }

    func run() throws {
        let migrationPlan: MigrationPlan
        do { migrationPlan = try MigrationPlan.read(plan) } catch { throw Output.failure(error.description) }
        let root = VaultRoot.of(input.paths)
        let run = Migration(plan: migrationPlan, vaultRoot: root).run(input.paths)
        for error in run.errors { Output.error(error) }
        let mode: RewriteMode = write ? .write : diff ? .diff : .dryRun
        let outcome = RewriteWriter(mode: mode).commit(run.rewrites)
        outcome.sameFile.forEach { Output.error($0) }
        if diff {
            Output.write(outcome.diff)
        } else {
            for rewrite in run.rewrites {
                for planned in rewrite.applied { Output.print("\(rewrite.path): \(write ? "" : "would ")\(planned.summary)") }
                for conflict in rewrite.conflicts {
                    Output.print("\(rewrite.path): dropped \(conflict.dropped.summary): overlaps \(conflict.kept.summary)")
                }
            }
        }
        for notice in run.notices { Output.print("skipped \(notice)") }
        let summary = RewriteSummary(outcome.effective(run.rewrites, mode: mode))
        Output.print(summary.text)
        if let reportPath {
            do { try Data(summary.markdown(vaultRoot: root, title: "notekit migrate").utf8).write(to: URL(fileURLWithPath: reportPath)) } catch {
                throw Output.failure("\(reportPath): cannot write the report: \(error.localizedDescription)")
            }
        }
        for error in outcome.errors { Output.error(error) }
        if !outcome.errors.isEmpty { throw ExitCode(2) }
        if !run.errors.isEmpty || run.rewrites.contains(where: { !$0.conflicts.isEmpty || !$0.refused.isEmpty }) { throw ExitCode(1) }
    }
}
