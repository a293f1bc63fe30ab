import ArgumentParser
import Foundation
import NoteLint

/// `notekit init`: writes a `.notekit.yml` inferred from the vault in the current folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .notekit.yml inferred from the notes in the current folder.",
        discussion: """
        Top-level folders with at least 3 notes become collections; keys in at least 90% of a \
        folder's notes are required; a key's type is the one most of its values have (the \
        others stay findings); YAML accidents such as the `https:` of a split URL are left \
        out; callout types used at least 3 times that Obsidian does not know are accepted. \
        The research-vault style is extended when at least 80% of the notes with tags, thematic \
        breaks or citations already follow it.
        """
    )

    @Flag(help: "Overwrite an existing .notekit.yml.")
    var force = false

    @Flag(help: "Print the configuration instead of writing it.")
    var stdout = false

    func run() throws {
        let yaml = ConfigurationInference(vaultAt: FileManager.default.currentDirectoryPath).yaml
        guard !stdout else { return Output.write(yaml) }
        let path = ConfigurationLoader.fileName
        if FileManager.default.fileExists(atPath: path) && !force {
            throw Output.failure("error: \(path) exists; use --force to overwrite it or --stdout to print")
        }
        do {
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw Output.failure("error: cannot write \(path): \(error.localizedDescription)")
        }
        Output.print("wrote \(path)")
    }
}
