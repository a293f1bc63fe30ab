import Foundation
import NoteParser

/// Renders notes for publishing: cleaned Markdown, and HTML pages from it.
public struct NoteRenderer: Sendable {
    public let options: RenderOptions
    public let templates: PageTemplates
    public let links: PublishedLinks
    /// Let raw HTML from notes through (links that run script never pass).
    public let unsafe: Bool

    public init(options: RenderOptions = RenderOptions(), templates: PageTemplates, links: PublishedLinks, unsafe: Bool = false) {
        self.options = options
        self.templates = templates
        self.links = links
        self.unsafe = unsafe
    }

    /// The note cleaned: house-style Markdown that re-parses without citation problems.
    /// - Parameter vaultPath: the note's path relative to the vault root; its path when nil.
    public func clean(_ note: Note, vaultPath: String? = nil) -> CleanedNote {
        NoteCleaner(note: note, vaultPath: vaultPath ?? note.path, options: options, links: links).clean()
    }

    /// The HTML page of a cleaned note.
    public func html(_ note: CleanedNote) -> String {
        page.render(title: note.title, frontMatter: note.frontMatter, sources: note.sources, markdown: note.markdown)
    }

    /// Front-matter `title`, else the first level-1 heading that does not open a citation
    /// section (`# Footnotes`, `# Sources`...), else the file name.
    public static func title(of note: Note) -> String {
        if let title = note.frontMatter?.value("title")?.scalarText, !isBlank(title) {
            return title
        }
        if let heading = note.headings.first(where: { $0.level == 1 && !$0.isCitationSection && !$0.text.isBlank }) {
            return heading.text
        }
        return URL(fileURLWithPath: note.path).deletingPathExtension().lastPathComponent
    }

    /// True when `text` holds only `CharacterSet.whitespaces` (spaces and tabs): an ASCII byte
    /// other than those answers on the bytes, else Foundation decides.
    private static func isBlank(_ text: String) -> Bool {
        !text.utf8.contains { $0 < 0x80 && $0 != Byte.space && $0 != Byte.tab } && text.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// A Markdown index listing notes by title, linked to their files.
    public static func indexMarkdown(title: String = "Index", entries: [(title: String, file: String)]) -> String {
        "# \(MarkdownText.escape(title))\n\n" + list(entries)
    }

    /// An HTML index page listing notes by title, linked to their files.
    public func indexHTML(title: String = "Index", entries: [(title: String, file: String)]) -> String {
        page.render(title: title, frontMatter: [], sources: [], markdown: Self.list(entries))
    }

    private static func list(_ entries: [(title: String, file: String)]) -> String {
        entries.map { "- " + MarkdownText.link($0.title, url: $0.file) }.joined(separator: "\n") + "\n"
    }

    private var page: HTMLPage { HTMLPage(templates: templates, options: options, unsafe: unsafe) }
}
