import NoteParser

/// A note cleaned for publishing: house-style Markdown with one numbered sources section.
public struct CleanedNote: Sendable {
    /// The source note's path.
    public let path: String
    /// See `NoteRenderer.title(of:)`.
    public let title: String
    /// The kept front-matter entries, in the note's order.
    public let frontMatter: [(key: String, value: YAMLValue)]
    /// Sources in citation order.
    public let sources: [Source]
    /// The cleaned Markdown, front matter and sources section included.
    public let markdown: String
    /// Things the cleaning dropped that the writer may want to know about.
    public let warnings: [RenderWarning]
    /// The vault files (vault-relative paths) its images and links point at, to be copied
    /// into the output's asset folder.
    public let assets: [String]
    /// The body's wikilinks and embeds written as text because they lead nowhere (unresolved,
    /// or to a note not rendered in the run), in source order.
    public var unlinked: [Wikilink] = []
    /// The body's relative Markdown links to notes written as text because the note is not
    /// rendered in the run (`NoteCleaner.linksNotes`), in source order.
    public var unlinkedNoteLinks: [MarkdownLink] = []
    /// Note embeds left as placeholders for the site to fill with the embedded text
    /// (`NoteCleaner.transcludes`), in placeholder order.
    var transclusions: [Transclusion] = []
}

/// A `![[note]]`, `![[note#heading]]` or `![[note#^block]]` embed, written into the cleaned
/// Markdown as the word `placeholder` for the site to replace with the embedded text.
struct Transclusion: Sendable {
    let link: Wikilink
    /// The embedded note's vault path.
    let target: String
    /// The embedded note's page URL (with the heading's or block's anchor).
    let url: String
    let placeholder: String
}
