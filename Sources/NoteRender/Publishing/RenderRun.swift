import Foundation
import NoteParser

/// One `notekit render` run: parses notes, gives each a unique slug, resolves wikilinks
/// between them, renders every note and, for folders, an index.
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
        /// `path: message` for things the cleaning dropped.
        public var warnings: [String] = []
    }

    public let options: RenderOptions
    public let format: Format
    /// Required for HTML.
    public let templates: PageTemplates?
    public let unsafe: Bool

    public init(options: RenderOptions = RenderOptions(), format: Format, templates: PageTemplates?, unsafe: Bool = false) {
        self.options = options
        self.format = format
        self.templates = templates
        self.unsafe = unsafe
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
        let targets = zip(notes, slugs).map { note, slug in
            let file = URL(fileURLWithPath: note.path).deletingPathExtension()
            let folder = file.deletingLastPathComponent().lastPathComponent
            return PublishedLinks.Target(names: [file.lastPathComponent, folder + "/" + file.lastPathComponent,
                                                   NoteRenderer.title(of: note)],
                                           slug: slug, collection: Slug.make(folder, fallback: ""))
        }
        let links = PublishedLinks(targets: targets, pattern: options.wikilinkPattern, fileExtension: format.rawValue)
        // Notes are cleaned, rendered and written on all cores; the report keeps their order.
        let results = UnsafeMutableBufferPointer<Report>.allocate(capacity: notes.count)
        results.initialize(repeating: Report())
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: notes.count) { index in
            let (text, warnings) = render(notes[index], links: links)
            var part = Report()
            part.warnings = warnings
            if let output {
                write(text, slug: slugs[index], to: output, path: notes[index].path, report: &part)
            } else {
                part.standardOutput = text
            }
            results[index] = part
        }
        for part in results {
            report.warnings += part.warnings
            report.written += part.written
            report.errors += part.errors
            if part.standardOutput != nil { report.standardOutput = part.standardOutput }
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

    /// The rendered text of a note and its cleaning warnings (`path: message`).
    private func render(_ note: Note, links: PublishedLinks) -> (text: String, warnings: [String]) {
        let cleaned = NoteCleaner(note: note, options: options, links: links).clean()
        let warnings = cleaned.warnings.map { "\(note.path): \($0)" }
        guard format == .html, let renderer = renderer(links: links) else { return (cleaned.markdown, warnings) }
        return (renderer.html(cleaned), warnings)
    }

    private func write(_ text: String, slug: String, to output: OutputFolder, path: String, report: inout Report) {
        do {
            report.written.append(try output.write(text, slug: slug, fileExtension: format.rawValue))
        } catch {
            report.errors.append("\(path): \(error)")
        }
    }
}
