import ArgumentParser
import NoteLint
import NoteParser

/// Which `.notekit.yml` applies.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Use this configuration file for every note.",
        discussion: "By default each note uses the nearest .notekit.yml in its folder or above.",
        valueName: "file"))
    var config: String?

    /// The loader for these options; a configuration error exits with code 2. Notes no
    /// `.notekit.yml` applies to get the defaults, with the vault rooted at `VaultRoot.of(paths)`
    /// (an `.obsidian/` folder, the git work tree, else the first path's folder).
    func loader(for paths: [String]) throws -> ConfigurationLoader {
        do { return try ConfigurationLoader(path: config, defaultRoot: VaultRoot.of(paths)) } catch { throw Output.failure(error.description) }
    }
}
