import ArgumentParser
import Foundation
import NoteLint
import NoteLintReporters
import NoteRender

/// `render --site`: build a linked static site of the published notes.
struct SiteOptions: ParsableArguments {
    @Flag(help: "Build a static site of the notes the configuration publishes (publish: true, site: collections) into --output.")
    var site = false

    @Flag(help: "With --site: exit 1 when a published page has a broken link.")
    var strict = false

    @Flag(help: "With --site: neither read nor write the cache of note facts (site.cache beside the lint cache); parse every note.")
    var noCache = false

    /// Builds the site, reports what it wrote and its broken links (`path:line:col: target (reason)`)
    /// on standard error; true when a note failed, or a link is broken under `--strict`.
    func build(files: [String], output: String, options: RenderOptions, templates: PageTemplates, configuration: Configuration,
               unsafe: Bool, verbose: Bool) throws -> Bool {
        var run = SiteRun(options: options, settings: configuration.site, templates: templates, unsafe: unsafe,
                          vaultRoot: configuration.root, generator: NotekitTool.versionLine)
        let progress = ProgressBar("building site")
        run.progress = progress
        run.cacheFile = noCache ? nil : SiteCache.file(forVault: configuration.root)
        let report = run.build(files: files, output: OutputFolder(path: output))
        progress.finish()
        Output.error(lines: report.errors + report.warnings.map(\.description) + (verbose ? report.written.map { "wrote \($0.path)" } : [])
                     + report.broken.map(\.description))
        Output.error("site: \(report.pages) \(report.pages == 1 ? "page" : "pages") (\(report.rendered) rendered), "
                     + "wrote \(report.written.count) \(report.written.count == 1 ? "file" : "files")"
                     + (report.removed.isEmpty ? "" : ", removed \(report.removed.count)")
                     + ", \(report.broken.count) broken \(report.broken.count == 1 ? "link" : "links") to \(output)")
        return !report.errors.isEmpty || (strict && !report.broken.isEmpty)
    }
}
