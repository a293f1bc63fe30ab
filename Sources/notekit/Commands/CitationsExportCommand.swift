import ArgumentParser
import CitationReports
import Foundation
import NoteCitations
import NoteParser

/// `notekit citations export`: every source of the vault as a bibliography other tools read.
struct CitationsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every cited source as CSL-JSON, BibTeX or RIS.",
        discussion: """
            One entry per source (normalised URL), keyed by a citation id of the vault. \
            See docs/citations-export.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case cslJSON = "csl-json", bibtex, ris
    }

    @Option(help: "Output format: csl-json, bibtex or ris.")
    var format: Format = .cslJSON

    @Option(help: "Write the export to this file instead of standard output.")
    var output: String?

    @OptionGroup var input: InputOptions

    func run() throws {
        let root = VaultRoot.of(input.paths)
        let (index, errors) = CitationIndex.build(paths: input.paths, root: root)
        for error in errors { Output.error(error.description) }
        let export = CitationExport(index: index)
        let text: String
        switch format {
        case .cslJSON:
            do { text = try CSLJSONExport.render(export) } catch { throw Output.failure("error: \(error)") }
        case .bibtex: text = BibTeXExport.render(export)
        case .ris: text = RISExport.render(export)
        }
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw Output.failure("error: cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            Output.write(text)
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }
}
