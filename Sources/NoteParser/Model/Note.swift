/// The typed model of one note: front matter, body tree, and every element with its source range.
///
/// Immutable; a class, so that the contexts, scans and findings that refer to a note share it.
public final class Note: Sendable {
    /// The path the note was read from, as given.
    public let path: String
    public let source: SourceText
    public let frontMatter: FrontMatter?
    /// The first line of the body (after the front matter).
    public let bodyStartLine: Int
    /// The cmark-gfm tree of the body.
    public let body: MarkdownNode
    public let code: CodeRanges
    public let headings: [Heading]
    public let thematicBreaks: [ThematicBreak]
    public let callouts: [Callout]
    public let queryCallouts: [QueryCallout]
    public let footnoteReferences: [FootnoteReference]
    public let footnoteDefinitions: [FootnoteDefinition]
    public let legacyDefinitions: [LegacyDefinition]
    public let legacyReferences: [LegacyReference]
    public let wikilinks: [Wikilink]
    public let links: [MarkdownLink]
    public let bareURLs: [BareURL]
    public let comments: [SourceRange]
    /// Byte ranges of tables.
    public let tables: [SourceRange]
    /// Problems met while parsing: YAML errors, limits.
    public let diagnostics: [ParseDiagnostic]

    init(path: String, source: SourceText, frontMatter: FrontMatter?, bodyStartLine: Int, body: MarkdownNode,
         code: CodeRanges, headings: [Heading], thematicBreaks: [ThematicBreak], callouts: [Callout],
         queryCallouts: [QueryCallout], footnoteReferences: [FootnoteReference],
         footnoteDefinitions: [FootnoteDefinition], legacyDefinitions: [LegacyDefinition],
         legacyReferences: [LegacyReference], wikilinks: [Wikilink], links: [MarkdownLink], bareURLs: [BareURL],
         comments: [SourceRange], tables: [SourceRange], diagnostics: [ParseDiagnostic]) {
        self.path = path
        self.source = source
        self.frontMatter = frontMatter
        self.bodyStartLine = bodyStartLine
        self.body = body
        self.code = code
        self.headings = headings
        self.thematicBreaks = thematicBreaks
        self.callouts = callouts
        self.queryCallouts = queryCallouts
        self.footnoteReferences = footnoteReferences
        self.footnoteDefinitions = footnoteDefinitions
        self.legacyDefinitions = legacyDefinitions
        self.legacyReferences = legacyReferences
        self.wikilinks = wikilinks
        self.links = links
        self.bareURLs = bareURLs
        self.comments = comments
        self.tables = tables
        self.diagnostics = diagnostics
    }

    /// Headings that open a citation section.
    public var citationSections: [Heading] { headings.filter(\.isCitationSection) }

    /// The text of a range.
    public func text(_ range: SourceRange) -> String { source.string(range) }
}
