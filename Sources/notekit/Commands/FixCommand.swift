import ArgumentParser
import Foundation
import NoteFix
import NoteLint
import NoteParser

/// `notekit fix`: applies the fixes that lint findings offer, until none is left.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the fixes lint findings offer (dry run unless --diff or --write).",
        discussion: """
        Notes are linted as `notekit lint` lints them; the safe fixes of the findings are applied \
        (with --unsafe-fixes also the unsafe ones: removing definitions, merging sources, guessed \
        replacements), the \
        results re-parsed and re-linted, and that repeated (up to 10 passes) until no new fix \
        appears. Overlapping edits are never merged: the later one waits for the next pass. Edits \
        touching a front matter with a YAML error are refused, and so is a note's whole rewrite \
        when it would parse with a new problem. Exit codes: 0 nothing left to fix (or all \
        written), 1 changes to make (dry run, --diff) or files that failed, 2 usage, \
        configuration or I/O failure.
        """
    )

    @OptionGroup var input: InputOptions

    @Flag(help: "Print the changes as a unified diff; write nothing.")
    var diff = false

    @Flag(help: "Write the changes (atomically; a note changed meanwhile is left alone).")
    var write = false

    @OptionGroup var rules: RuleOptions

    @Flag(help: "Also apply unsafe fixes: those that delete text, merge sources or guess (review them with --diff).")
    var unsafeFixes = false

    @Flag(help: "Set date_modified to today in notes whose content changed (only where the key exists).")
    var touchModified = false

    @Flag(help: "List each changed note with its edits (by default only the totals).")
    var verbose = false

    @Option(help: ArgumentHelp("Also write a Markdown report with [[wikilinks]] to the changed notes.", valueName: "file.md"))
    var report: String?

    @OptionGroup var config: ConfigOptions

    func validate() throws {
        if diff && write { throw ValidationError("--diff shows the changes and --write makes them; give one.") }
    }

    func run() throws {
        let loader = try config.loader(for: input.paths)
        let (files, missing) = NoteFiles.collect(input.paths)
        let inputs = files.map { Linter.Input(path: $0) }
        let options = NoteFixer.Options(rules: rules.selection, unsafeFixes: unsafeFixes, touchModified: touchModified)
        let result: NoteFixer.Result
        let root: String
        do {
            root = try loader.configuration(for: inputs.first?.path ?? ConfigurationLoader.fileName).root
            let progress = ProgressBar("fixing")
            defer { progress.finish() }
            var linter = Linter()
            linter.progress = progress
            result = try NoteFixer(linter: linter, options: options).fix(inputs, vaultRoot: root) {
                try loader.configuration(for: $0)
            }
        } catch let error as ConfigurationError {
            throw Output.failure(error.description)
        }
        let mode: RewriteMode = write ? .write : diff ? .diff : .dryRun
        let outcome = RewriteWriter(mode: mode).commit(result.rewrites)
        if !outcome.diff.isEmpty { Output.write(outcome.diff) }
        outcome.sameFile.forEach { Output.error($0) }
        // What was written, when writing: a note that could not be written is not counted.
        let summary = RewriteSummary(outcome.effective(result.rewrites, mode: mode))
        let pending = !write && result.rewrites.contains(where: \.isChanged)
        let unsafe = result.unsafeLeft
        let text = (verbose ? summary.fileLines.map { $0 + "\n" }.joined() : "") + summary.text + (pending && !diff ? "\nrun with --write to apply, --diff to see the changes" : "")
            + (unsafe > 0 ? "\n\(unsafe) more \(unsafe == 1 ? "fix" : "fixes") with --unsafe-fixes (review them with --diff)" : "")
        if diff { Output.error(text) } else { Output.print(text) }
        let failures = (missing + result.errors).map(\.description) + outcome.errors
            + result.unsettled.map { "\($0): still had fixes after \(NoteFixer.maxPasses) passes" }
        failures.forEach { Output.error($0) }
        if let report {
            do {
                try Data(summary.markdown(vaultRoot: root).utf8).write(to: URL(fileURLWithPath: report))
            } catch {
                throw Output.failure("error: cannot write \(report): \(error.localizedDescription)")
            }
        }
        if pending || !failures.isEmpty { throw ExitCode(1) }
    }
}
