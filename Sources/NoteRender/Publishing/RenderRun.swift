import Foundation
import NoteParser

/// One `notekit render` run: parses notes, gives each a unique slug, resolves wikilinks over
/// the vault as lint does, renders every note, copies the vault files they show or link into
/// the output's asset folder and, for folders, writes an index.
public struct RenderRun: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case md, html
    }

    /// What a run did.
    public struct Report: Sendable {
        /// Files written, in order.
        public var written: [URL] = []
        /// The rendered note, when a single note was rendered without an output folder.
        public var standardOutput: String?
        /// `path: message` for each note that failed.
        public var errors: [String] = []
        /// Things the cleaning dropped, in note order.
        public var warnings: [RenderWarning] = []
    }

    public let options: RenderOptions
    public let format: Format
    /// Required for HTML.
    public let templates: PageTemplates?
    public let unsafe: Bool
    /// The vault root wikilinks are resolved under and assets are copied from; without one,
    /// wikilinks lead only to the notes rendered together and nothing is copied.
    public let vaultRoot: String?
    /// Told of each note rendered, for a progress bar.
    public var progress: (any ProgressObserver)?

    public init(options: RenderOptions = RenderOptions(), format: Format, templates: PageTemplates?, unsafe: Bool = false,
                vaultRoot: String? = nil) {
        self.options = options
        self.format = format
        self.templates = templates
        self.unsafe = unsafe
        self.vaultRoot = vaultRoot
    }

    /// Renders `files` into `output`, or to `Report.standardOutput` when `output` is nil
    /// (one file only). `index` adds an index page listing the notes.
    public func render(files: [String], output: OutputFolder?, index: Bool) -> Report {
        var report = Report()
        var notes: [Note] = []
        for result in NoteParser().parse(files: files) {
            switch result {
            case .success(let note): notes.append(note)
            case .failure(let error): report.errors.append(error.description)
            }
        }
        let titles = notes.map(NoteRenderer.title)
        let slugs = Slug.unique(titles, reserved: index ? ["index"] : [])
        let vaultPaths = notes.map { note in vaultRoot.map { VaultPath.relative(note.path, to: $0) } ?? note.path }
        let pages = zip(vaultPaths, slugs).map { path, slug in
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
            return PublishedLinks.Page(vaultPath: path, slug: slug, collection: Slug.make(folder, fallback: ""))
        }
        let resolver = WikilinkResolver(files: vaultRoot.map(NoteFiles.vaultFiles) ?? [], notes: Array(zip(vaultPaths, notes)))
        let links = PublishedLinks(resolver: resolver, pages: pages, pattern: options.wikilinkPattern,
                                   fileExtension: format.rawValue, copiesAssets: output != nil && vaultRoot != nil)
        // Notes are cleaned, rendered and written on all cores; the report keeps their order.
        progress?.begin(total: notes.count)
        let rendered = Array(notes.indices).concurrentMap { [notes] index in
            defer { progress?.advance() }
            let (text, warnings, files) = render(notes[index], vaultPath: vaultPaths[index], links: links)
            var part = Report()
            part.warnings = warnings
            if let output {
                write(text, slug: slugs[index], to: output, path: notes[index].path, report: &part)
            } else {
                part.standardOutput = text
            }
            return (part: part, assets: files)
        }
        for part in rendered.map(\.part) {
            report.warnings += part.warnings
            report.written += part.written
            report.errors += part.errors
            if part.standardOutput != nil { report.standardOutput = part.standardOutput }
        }
        if let output, let vaultRoot {
            var seen = Set<String>()
            for (note, files) in zip(notes, rendered.map(\.assets)) {
                for asset in files where seen.insert(asset).inserted { copy(asset, from: vaultRoot, to: output, note: note.path, report: &report) }
            }
        }
        if index, let output {
            let entries = zip(titles, slugs).map { (title: $0, file: "\($1).\(format.rawValue)") }
            let text = format == .html ? renderer(links: links)?.indexHTML(entries: entries) ?? ""
                : NoteRenderer.indexMarkdown(entries: entries)
            write(text, slug: "index", to: output, path: "index", report: &report)
        }
        return report
    }

    private func renderer(links: PublishedLinks) -> NoteRenderer? {
        templates.map { NoteRenderer(options: options, templates: $0, links: links, unsafe: unsafe) }
    }

    /// The rendered text of a note, its cleaning warnings (`path: message`) and its assets.
    private func render(_ note: Note, vaultPath: String, links: PublishedLinks) -> (text: String, warnings: [RenderWarning], assets: [String]) {
        let cleaned = NoteCleaner(note: note, vaultPath: vaultPath, options: options, links: links).clean()
        let warnings = cleaned.warnings
        guard format == .html, let renderer = renderer(links: links) else { return (cleaned.markdown, warnings, cleaned.assets) }
        return (renderer.html(cleaned), warnings, cleaned.assets)
    }

    /// Copies the vault file `asset` into the output's asset folder.
    private func copy(_ asset: String, from vaultRoot: String, to output: OutputFolder, note: String, report: inout Report) {
        do {
            report.written.append(try output.copy(asset, from: vaultRoot, into: PublishedLinks.assetFolder))
        } catch {
            report.errors.append("\(note): \(error)")
        }
    }

    private func write(_ text: String, slug: String, to output: OutputFolder, path: String, report: inout Report) {
        do {
            report.written.append(try output.write(text, slug: slug, fileExtension: format.rawValue))
        } catch {
            report.errors.append("\(path): \(error)")
        }
    }
}
