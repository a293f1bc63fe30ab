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
            vault files the pages show or link are copied to OUTPUT/assets. \
            --site builds a linked static site of the notes the configuration publishes (docs/site.md).
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

    @Flag(help: "List each file written (by default one summary line).")
    var verbose = false

    @OptionGroup var site: SiteOptions
    @OptionGroup var config: ConfigOptions
    @OptionGroup var input: InputOptions

    /// Usage errors, found while parsing so that they print render's usage.
    func validate() throws {
        if site.site {
            guard output != nil else { throw ValidationError("--site needs --output DIR") }
            guard format == .html else { throw ValidationError("--site renders HTML only") }
        } else if site.strict || site.noCache {
            throw ValidationError("--\(site.strict ? "strict" : "no-cache") applies to --site")
        }
        if output == nil, hasFolder || NoteFiles.collect(input.paths).files.count > 1 {
            throw ValidationError("--output is required to render a folder or several notes")
        }
    }

    func run() throws {
        let (files, missing) = NoteFiles.collect(input.paths)
        let pageTemplates = format == .html ? try loadTemplates() : nil
        let configuration = try self.configuration(for: files.first)
        if site.site, let output, let pageTemplates {
            for message in missing.map(\.description) { Output.error(message) }
            let failed = try site.build(files: files, output: output, options: try renderOptions(configuration), templates: pageTemplates,
                                        configuration: configuration, unsafe: unsafe, verbose: verbose)
            if failed || !missing.isEmpty { throw ExitCode(1) }
            return
        }
        // Wikilinks resolve over the vault root lint uses.
        var run = RenderRun(options: try renderOptions(configuration), format: format, templates: pageTemplates, unsafe: unsafe,
                            vaultRoot: configuration.root)
        let progress = ProgressBar("rendering")
        run.progress = progress
        let report = run.render(files: files, output: output.map(OutputFolder.init), index: hasFolder)
        progress.finish()
        for message in missing.map(\.description) + report.errors { Output.error(message) }
        for warning in report.warnings { Output.error(warning.description) }
        if let text = report.standardOutput { FileHandle.standardOutput.write(Data(text.utf8)) }
        if verbose { for file in report.written { Output.error("wrote \(file.path)") } }
        if let output {
            let notes = files.count - report.errors.count
            Output.error("rendered \(notes) \(notes == 1 ? "note" : "notes"): wrote \(report.written.count) "
                         + "\(report.written.count == 1 ? "file" : "files") to \(output)")
        }
        if !missing.isEmpty || !report.errors.isEmpty { throw ExitCode(1) }
    }

    /// True when a path is a folder (rendered with an index page).
    private var hasFolder: Bool {
        input.paths.contains { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
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

    /// The `render:` section of `configuration`'s file; the defaults without one. A mistake
    /// is reported as configuration errors are, at its line and column, with "did you mean".
    private func renderOptions(_ configuration: Configuration) throws -> RenderOptions {
        guard let path = configuration.path else { return RenderOptions() }
        do {
            // The loader has read and checked the file: its top level is a map with string keys.
            return try RenderOptions(configuration: try String(contentsOfFile: path, encoding: .utf8))
        } catch let mistake as RenderOptions.Mistake {
            let suggestion = mistake.unknownKey.flatMap { Suggestion.closest(to: $0, among: RenderOptions.keys) }
            throw Output.failure(ConfigurationError(path: path, line: mistake.line, column: mistake.column,
                                                    message: mistake.message + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")).description)
        } catch {
            throw Output.failure("\(path): error: \(error)")
        }
    }

    private func loadTemplates() throws -> PageTemplates {
        do {
            return try PageTemplates(TemplateSource(directory: templates), site: site.site)
        } catch {
            Output.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}

extension RenderRun.Format: ExpressibleByArgument {}
