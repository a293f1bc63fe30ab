import ArgumentParser
import Foundation

/// `notekit hook`: git hook management.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Manage the git pre-commit hook.",
        subcommands: [InstallHookCommand.self]
    )
}

/// `notekit hook install`: a pre-commit hook that runs `notekit lint --staged`.
struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install a git pre-commit hook that lints the staged notes.",
        discussion: "The hook runs `notekit lint --staged`, so notekit must be on the PATH (`make install`)."
    )

    /// Identifies hooks this command wrote, which it may replace.
    static let marker = "# installed by `notekit hook install`"

    static let script = """
        #!/bin/sh
        \(marker)
        # Lints the staged version of staged Markdown files; a finding of severity error stops the commit.
        exec notekit lint --staged
        
        """

    @Flag(help: "Replace an existing pre-commit hook that notekit did not install.")
    var force = false

    func run() throws {
        let path: String
        do {
            path = try Git.line(["rev-parse", "--git-path", "hooks/pre-commit"])
        } catch let error as Git.Failure {
            throw Output.failure("error: \(error.description)")
        }
        let manager = FileManager.default
        if let existing = manager.contents(atPath: path), !String(decoding: existing, as: UTF8.self).contains(Self.marker), !force {
            throw Output.failure("error: \(path) exists and was not installed by notekit; use --force to replace it")
        }
        do {
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(Self.script.utf8).write(to: URL(fileURLWithPath: path))
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        } catch {
            throw Output.failure("error: cannot write \(path): \(error.localizedDescription)")
        }
        Output.print("installed \(path): commits now run `notekit lint --staged`")
    }
}
