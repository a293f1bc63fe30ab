import ArgumentParser
import Foundation
import NoteLint
import NoteLintReporters
import NoteParser
import NoteWatch

/// `notekit watch`: re-checks notes when they are saved, and with `--fix` applies the safe fixes
/// the `watch:` configuration allows, without loops or date churn (docs/watch.md).
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-check notes when they are saved (and fix them with --fix).",
        discussion: """
        Lints the vault once, then watches it (every folder below the root; hidden folders skipped, \
        symbolic links to folders followed once, by real path; with inotify on Linux, FSEvents on \
        macOS, or by polling with --poll or elsewhere) and, once changes have settled \
        (--debounce), prints the findings of the notes that changed and of the other notes whose \
        vault-wide findings changed. A changed .notekit.yml reloads the configuration (a broken one \
        is reported and the old one kept). With --fix, the safe fixes of the \
        rules listed under `watch: fix:` in .notekit.yml are written to the notes a person edited \
        (not to notes a git checkout or pull wrote), only if the file still holds the bytes that \
        were read, never twice for the same content, and never when only a date would change. \
        Ctrl-C or SIGTERM ends it (exit 0). See docs/watch.md.
        """
    )

    @Argument(help: "The vault folder to watch.")
    var path = "."

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "How findings are printed: text, json, jsonl (one JSON object per finding per line, and one per batch), sarif, github, junit or gitlab.",
        valueName: "format"))
    var format = FormatSpec(.text)

    @Flag(help: "Write the safe fixes the watch: section of .notekit.yml allows to notes when they are saved.")
    var fix = false

    @Option(help: ArgumentHelp("Seconds without a new event before changes are handled.", valueName: "seconds"))
    var debounce = 1.5

    @Option(name: .customLong("poll"), defaultAsFlag: FileWatchers.defaultPollInterval, parsing: .next, help: ArgumentHelp(
        "Look for changes every so many seconds (2 when no value is given) instead of using inotify or FSEvents: for network drives, WSL's /mnt and containers.",
        valueName: "seconds"))
    var poll: Double? = nil

    @Flag(help: .hidden)
    var timings = false

    @OptionGroup var rules: RuleOptions

    @OptionGroup var config: ConfigOptions

    func validate() throws {
        if format.path != nil { throw ValidationError("watch prints to standard output; give --format without a :path.") }
        if !(debounce >= 0 && debounce <= 3600) { throw ValidationError("--debounce must be between 0 and 3600 seconds.") }
        if let poll, !(poll >= 0.05 && poll <= 3600) { throw ValidationError("--poll must be between 0.05 and 3600 seconds.") }
    }

    func run() throws {
        let loader = try config.loader(for: [path])
        let stop = StopSignal.install()
        let session: WatchSession
        let watcher: any FileWatcher
        do {
            let root = try loader.configuration(for: path + "/" + ConfigurationLoader.fileName).root
            // Watching first: a save made while the vault loads is seen.
            watcher = try FileWatchers.start(root: root, poll: poll)
            // A change to a .notekit.yml reads every configuration file again, with a new loader.
            let (file, defaultRoot) = (config.config, VaultRoot.of([path]))
            session = try WatchSession(root: root, fix: fix) {
                let current = try ConfigurationLoader(path: file, defaultRoot: defaultRoot)
                return { try current.configuration(for: $0) }
            }
        } catch let error as ConfigurationError {
            throw Output.failure(error.description)
        } catch let error as WatchFailure {
            throw Output.failure("error: \(error.description)")
        }
        let reporter = format.format.reporter(colors: Output.colorsOnStandardOutput, documentation: ReportOutput.documentationURL)
        let start = LintReport(session.workspace.result).filter { rules.selection.includes($0.ruleID) }
        let initial = reporter.report(start)
        if !initial.isEmpty { Output.print(initial) }
        let how = (watcher as? PollingWatcher).map { " (polling every \($0.interval) s)" } ?? ""
        Output.error("notekit watch: watching \(session.notePaths.count) notes in \(watcher.folderCount) folders of \(session.root)\(how)"
                     + (fix ? ", fixing on save" : "") + "; Ctrl-C to stop")
        var batches = 0, quiet = 0, written = 0
        while let batch = watcher.next(debounce: debounce, stop: stop) {
            let settled = DispatchTime.now()
            defer {
                // `make bench` (scripts/watch_bench.py): settled → findings printed, in milliseconds.
                if timings {
                    let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - settled.uptimeNanoseconds) / 1e6
                    Output.error("notekit watch: timing: \(batch.paths.count) paths handled and printed in \(String(format: "%.2f", milliseconds)) ms after settling")
                }
            }
            let outcome = session.handle(batch)
            outcome.problems.forEach { Output.error($0) }
            guard !outcome.checked.isEmpty || !outcome.written.isEmpty else {
                quiet += 1
                continue
            }
            batches += 1
            written += outcome.written.count
            print(outcome, number: batches, session: session, reporter: reporter)
        }
        Output.error("notekit watch: stopped; \(batches) batches checked, \(written) notes written, "
                     + "\(quiet) batches with nothing new (notekit's own writes, unchanged files)")
    }

    /// Prints the findings of the notes a batch checked, as `lint` prints them; with `jsonl`, also
    /// one line for the batch: `{"batch", "checked", "written"}`.
    private func print(_ outcome: WatchSession.Outcome, number: Int, session: WatchSession, reporter: any Reporter) {
        let sources = outcome.checked.compactMap { path in session.bytes(of: path).map { (path: session.fullPath(path), source: SourceText(bytes: $0)) } }
        let findings = outcome.checked.flatMap { session.workspace.findings(for: $0) }.filter { rules.selection.includes($0.ruleID) }
        let text = reporter.report(LintReport(sources: sources, findings: findings))
        if format.format == .jsonl {
            struct BatchLine: Encodable { let batch: Int; let checked: [String]; let written: [String] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let line = BatchLine(batch: number, checked: outcome.checked.map(session.fullPath), written: outcome.written.map(session.fullPath))
            let batchLine = (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            Output.print(text.isEmpty ? batchLine : text + "\n" + batchLine)
        } else {
            let time = Date().formatted(.iso8601.time(includingFractionalSeconds: false))
            let wrote = outcome.written.isEmpty ? "" : "; wrote \(outcome.written.joined(separator: ", "))"
            if format.format == .text { Output.print("[\(time)] checked \(outcome.checked.joined(separator: ", "))\(wrote)") }
            if !text.isEmpty { Output.print(text) }
        }
    }
}
