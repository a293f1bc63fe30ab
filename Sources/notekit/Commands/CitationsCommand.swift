import ArgumentParser

/// `notekit citations`: the vault's citations as one library.
struct CitationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citations",
        abstract: "Report on and export the vault's citations and keep its citation registry in step.",
        subcommands: [CitationsReportCommand.self, CitationsExportCommand.self, CitationsRegistryCommand.self]
    )
}
