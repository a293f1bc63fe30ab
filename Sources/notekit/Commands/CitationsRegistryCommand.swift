import ArgumentParser
import Foundation
import NoteCitations
import NoteParser

/// `notekit citations registry`: the folder of one note per citation id.
struct CitationsRegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Manage the citation registry notes.",
        subcommands: [Sync.self]
    )

    /// `notekit citations registry sync`.
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Create and update registry notes (one per citation id) from the vault.",
            discussion: """
                Dry run by default: prints what would change. --write applies the changes \
                atomically; --check exits 1 when the registry is out of date. Never deletes: \
                registry notes no citation uses are listed as orphans. The ## Notes section \
                is never touched. Numeric labels ([^1]) are numbered per note and never \
                registered. The folder must lie inside the vault (exit 2 otherwise).
                """
        )

        @Option(help: "The registry folder, relative to the vault root (the first PATH when it is a folder); it must lie inside the vault.")
        var dir = "Citations"

        @Flag(help: "Write the changes.")
        var write = false

        @Flag(help: "Exit 1 when the registry is out of date.")
        var check = false

        @Flag(help: "List each change and orphan (by default one summary line).")
        var verbose = false

        @OptionGroup var input: InputOptions

        func validate() throws {
            if write && check { throw ValidationError("--write and --check cannot be combined") }
        }

        func run() throws {
            let root = VaultRoot.of(input.paths)
            let directory: String
            do { directory = try RegistryFolder.resolve(dir, root: root) } catch { throw Output.failure("error: \(error)") }
            let sync = RegistrySync(root: root, directory: directory)
            let (index, errors) = sync.index(paths: input.paths)
            for error in errors { Output.error(error.description) }
            let plan = sync.plan(for: index)
            if verbose {
                for change in plan.changes {
                    Output.print("\(write ? "" : "would ")\(change.action.rawValue) \(change.path): \(change.changed.joined(separator: ", "))")
                }
                for orphan in plan.orphans { Output.print("orphan \(orphan): no note defines its id") }
            }
            for skipped in plan.skipped { Output.error("skipped \(skipped)") }
            if write {
                let progress = ProgressBar("writing the registry")
                defer { progress.finish() }
                do { try plan.apply(progress: progress) } catch {
                    progress.finish()
                    Output.error("\(error)")
                    throw ExitCode(2)
                }
            }
            Output.print("\(plan.changes.count) change(s), \(plan.orphans.count) orphan(s)")
            if check && plan.hasDrift || !errors.isEmpty { throw ExitCode(1) }
        }
    }
}
