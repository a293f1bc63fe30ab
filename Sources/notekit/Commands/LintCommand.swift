import ArgumentParser
import Foundation
import NoteLint
import NoteLintReporters
import NoteParser

/// `notekit lint`: checks notes against the rules and reports findings.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check notes against the rules.",
        discussion: """
        Notes are linted as part of their vault (the nearest folder with .notekit.yml, else \
        .obsidian/, else the git work tree, else the first path's folder): its other notes are \
        read for vault rules, so a note's findings do not depend on which notes are linted with it. \
        Exit codes: 0 no errors (warnings allowed), 1 errors (or warnings with --strict), \
        2 usage, configuration or I/O failure. `notekit rules` lists the rules; \
        `notekit explain RULE` shows one with examples.
        """
    )

    @Argument(help: "Markdown files, folders to search for *.md files, or - for standard input.")
    var paths: [String] = ["."]

    @Flag(help: "Lint the staged content of staged Markdown files instead of paths (for pre-commit hooks).")
    var staged = false

    @Option(help: ArgumentHelp("The path standard input stands for.", valueName: "name"))
    var stdinFilename = "stdin.md"

    @OptionGroup var config: ConfigOptions

    @Flag(help: "Fail on warnings as well as errors.")
    var strict = false

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Report format, optionally written to a file: text, json, jsonl, sarif, github, junit or gitlab. Repeatable; "
            + "at most one goes to standard output.",
        discussion: "Example: --format text --format sarif:notekit.sarif. SARIF helpUris use NOTEKIT_DOCS_URL.",
        valueName: "format[:path]"))
    var formats: [FormatSpec] = [FormatSpec(.text)]

    @Flag(help: "Report errors only; warnings are left out of the output but still counted.")
    var quiet = false

    @OptionGroup var rules: RuleOptions

    @Flag(help: ArgumentHelp(
        "Print one line per rule (count, fixable count, id, summary; most frequent first) instead of the text report.",
        discussion: "Reports given a :path are still written."))
    var statistics = false

    @Flag(help: ArgumentHelp(
        "Neither read nor write the cache of results (.notekit_cache/ in the vault, or $XDG_CACHE_HOME/notekit/).",
        discussion: "The cache is keyed by each note's bytes, its configuration and notekit's version and commit."))
    var noCache = false

    func validate() throws {
        if staged && paths != ["."] { throw ValidationError("--staged lints the staged files; give no paths.") }
        try ReportOutput.validate(formats)
        if statistics, formats.contains(where: { $0.path == nil && $0.format != .text }) {
            throw ValidationError("--statistics goes to standard output; give other formats a :path.")
        }
    }

    func run() throws {
        let saving = DispatchQueue(label: "notekit.lint-cache"), saved = DispatchGroup()
        defer { saved.wait() }
        let loader = try config.loader(for: paths.map { $0 == "-" ? stdinFilename : $0 })
        var walked: [String: [String]] = [:]
        let (inputs, missing) = try self.inputs(walked: &walked)
        var result: Linter.Result
        do {
            // The vault is rooted where the linted notes' configuration lives (else at `VaultRoot.of(paths)`);
            // its other notes are read as context, so that a note's findings do not depend on which others are linted.
            let root = try loader.configuration(for: inputs.first?.path ?? ConfigurationLoader.fileName).root
            let progress = ProgressBar("linting")
            defer { progress.finish() }
            var linter = Linter()
            linter.keepsNotes = false
            // Each note is parsed for what the rules reported read (the others' findings are filtered out below).
            linter.reporting = rules.selection
            linter.progress = progress
            let cache = noCache ? nil : LintCache(path: LintCache.file(forVault: root), version: NotekitTool.versionLine)
            result = try linter.lint(inputs, vaultRoot: root, vaultFiles: walked[VaultPath.absolute(root)], cache: cache) {
                try loader.configuration(for: $0)
            }
            // Quoted lines the cache holds damaged are found here, for the cache to be written anew.
            if formats.contains(where: \.format.readsSourceLines) { result.readSources() }
            // The cache is written while the report is made and written (on another core).
            if let cache { saving.async(group: saved) { cache.save() } }
        } catch let error as ConfigurationError {
            throw Output.failure(error.description)
        }
        let selection = rules.selection
        var report = LintReport(result, errors: missing)
        if !selection.select.isEmpty || !selection.ignore.isEmpty { report = report.filter { selection.includes($0.ruleID) } }
        result.findings.removeAll()  // the report holds them (this buffer, or its sorted or filtered copy): keep one
        try write(quiet ? report.withoutWarnings() : report)
        keptUntilExit = (result, report)
        if report.errorCount == 0, strict, quiet, report.warningCount > 0 { Output.error(ReportOutput.strictFailure(report)) }
        if report.errorCount > 0 || (strict && report.warningCount > 0) { throw ExitCode(1) }
    }

    /// Notes to lint (staged blobs, standard input, or files found under the paths) and
    /// the paths that do not exist; `walked` gets the files of the folders walked.
    private func inputs(walked: inout [String: [String]]) throws -> ([Linter.Input], missing: [NoteError]) {
        if staged {
            do {
                return (try Git.stagedNotes().map { Linter.Input(path: $0.path, bytes: $0.bytes) }, [])
            } catch let error as Git.Failure {
                throw Output.failure("error: \(error.description)")
            }
        }
        let (files, missing) = NoteFiles.collect(paths.filter { $0 != "-" }, walked: &walked)
        var inputs = files.map { Linter.Input(path: $0) }
        if paths.contains("-") {
            inputs.append(Linter.Input(path: stdinFilename, bytes: Array(FileHandle.standardInput.readDataToEndOfFile())))
        }
        return (inputs, missing)
    }

    /// Writes each requested format to standard output or its file (the statistics instead
    /// of the standard output report with `--statistics`).
    private func write(_ report: LintReport) throws {
        for spec in formats where spec.path != nil || !statistics {
            let bytes: (([UInt8]) -> Void) -> Void
            if spec.format == .json {
                // Streamed: a large vault's report is hundreds of MB.
                bytes = { output in
                    JSONReporter().write(report, to: output)
                    output([UInt8(ascii: "\n")])
                }
            } else {
                let text = spec.format.reporter(colors: spec.path == nil && Output.colorsOnStandardOutput,
                                                documentation: ReportOutput.documentationURL).report(report)
                if spec.path == nil, text.isEmpty { continue }
                bytes = { output in output(Array((text + "\n").utf8)) }
            }
            guard let path = spec.path else {
                bytes { Output.write($0) }
                continue
            }
            guard !Output.write(bytes, toFile: path) else { continue }
            // Written again as before, to explain what failed in Foundation's words.
            var whole: [UInt8] = []
            bytes { whole += $0 }
            do {
                try Data(whole).write(to: URL(fileURLWithPath: path))
            } catch {
                throw Output.failure("error: cannot write \(path): \(error.localizedDescription)")
            }
        }
        if statistics { Output.print(StatisticsReporter().report(report)) }
    }
}

/// The result and report of the run, never freed: the process ends right after `run()`, and
/// freeing every parsed note first would only cost time (as compilers skip freeing before exit).
/// Unsafe-nonisolated but safe: only `run()` touches it, once, and never reads it.
nonisolated(unsafe) private var keptUntilExit: (Linter.Result, LintReport)?
