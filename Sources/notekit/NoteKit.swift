import ArgumentParser
import Foundation
import NoteLintReporters

/// The `notekit` command: parse, lint, fix and render Obsidian-style research notes.
@main
struct NoteKit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notekit",
        abstract: "Parse, lint and clean Obsidian-style research notes.",
        version: NotekitTool.versionLine,
        subcommands: [ParseCommand.self, LintCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self,
                      HookCommand.self, FixCommand.self, MigrateCommand.self, RenderCommand.self, CitationsCommand.self,
                      WatchCommand.self, LSPCommand.self, BenchWorkspaceCommand.self, BenchLSPCommand.self]
    )

    /// Bare `notekit`: the help on standard error, and exit code 2 (as ruff does).
    func run() throws {
        Output.error(Self.helpMessage())
        throw ExitCode(2)
    }

    /// Exit codes: 0 success, 1 findings or file errors, 2 usage, configuration or I/O failure.
    static func main() {
        MemoryTuning.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(2)
        }
    }
}
