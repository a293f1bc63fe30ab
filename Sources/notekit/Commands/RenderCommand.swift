import ArgumentParser
import Foundation
import NoteLint
import NoteParser
import NoteRender
import NoteTemplates

/// `notekit render`: publishes notes as clean Markdown or HTML.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render notes as clean essays: Markdown or HTML with one numbered sources section.",
        discussion: """
            A folder renders every note in it and an index page. Without --output a single \
            note prints to standard output. The templates are compiled into notekit; \
            --templates DIR uses a folder's instead (a copy of the package's Templates/). \
            Wikilinks resolve as lint resolves them, over the same vault root (docs/vault.md); \
            vault files the pages show or link are copied to OUTPUT/assets.
            """
    )

    @Option(help: "Output format: md or html.")
    var format: RenderRun.Format = .html

    @Option(help: "Folder to write rendered files to (created if missing).")
    var output: String?

    @Option(help: "Folder with page, head, callout and sources .mustache templates and notekit.css (default: the built-in ones).")
    var templates: String?

    @Flag(help: "Keep raw HTML from notes (links that run script are still removed).")
    var unsafe = false

    @OptionGroup var config: ConfigOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        let (files, missing) = NoteFiles.collect(input.paths)
        let hasFolder = input.paths.contains { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if output == nil, hasFolder || files.count > 1 {
            throw ValidationError("--output is required to render a folder or several notes")
        }
        let pageTemplates = format == .html ? try loadTemplates() : nil
        let configuration = try self.configuration(for: files.first)
        // Wikilinks resolve over the vault root lint uses.
        let run = RenderRun(options: try renderOptions(configuration), format: format, templates: pageTemplates, unsafe: unsafe,
                            vaultRoot: configuration.root)
        let report = run.render(files: files, output: output.map(OutputFolder.init), index: hasFolder)
        for message in missing.map(\.description) + report.errors { Output.error(message) }
        for warning in report.warnings { Output.error("warning: " + warning) }
        if let text = report.standardOutput { FileHandle.standardOutput.write(Data(text.utf8)) }
        for file in report.written { Output.error("wrote \(file.path)") }
        if !missing.isEmpty || !report.errors.isEmpty { throw ExitCode(1) }
    }

    /// The configuration that applies to the notes: the nearest `.notekit.yml` above the
    /// first one, or `--config`; the defaults, rooted at the vault root, without one.
    private func configuration(for note: String?) throws -> Configuration {
        do {
            return try config.loader(for: input.paths).configuration(for: note ?? ConfigurationLoader.fileName)
        } catch {
            throw Output.failure("\(error)")
        }
    }

    /// The `render:` section of `configuration`; the defaults without one.
    private func renderOptions(_ configuration: Configuration) throws -> RenderOptions {
        do {
            return try RenderOptions(yaml: configuration.render ?? "")
        } catch {
            throw Output.failure("\(configuration.path ?? ConfigurationLoader.fileName): error: invalid render options: \(error)")
        }
    }

    private func loadTemplates() throws -> PageTemplates {
        do {
            return try PageTemplates(TemplateSource(directory: templates))
        } catch {
            Output.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}

extension RenderRun.Format: ExpressibleByArgument {}
