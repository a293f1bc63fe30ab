import ArgumentParser
import CitationReports
import Foundation
import NoteCitations
import NoteParser
import NoteTemplates

/// `notekit citations report`: every source, note, domain and problem of the citations.
struct CitationsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise every citation: sources by use, notes, domains, years and problems.",
        discussion: """
            JSON is documented in docs/citations-json.md. HTML is rendered with the built-in \
            citations-report.mustache, or the one in --templates DIR.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, json, csv, html }

    @Option(help: "Output format: md, json, csv or html.")
    var format: Format = .md

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "The folder holding citations-report.mustache (html only; default: the built-in one).")
    var templates: String?

    @OptionGroup var input: InputOptions

    func run() throws {
        let root = VaultRoot.of(input.paths)
        let (index, errors) = CitationIndex.build(paths: input.paths, root: root)
        for error in errors { Output.error(error.description) }
        let report = CitationReport(index: index, root: root)
        let text: String
        do {
            text = try render(report)
        } catch {
            Output.error("error: \(error)")
            throw ExitCode(2)
        }
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Output.error("error: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }

    private func render(_ report: CitationReport) throws -> String {
        switch format {
        case .md: return MarkdownReport.render(report)
        case .csv: return CSVReport.render(report)
        case .json: return String(decoding: report.json, as: UTF8.self) + "\n"
        case .html:
            return try HTMLReport.render(report, templates: TemplateSource(directory: templates))
        }
    }
}
