import Foundation
import NoteConfiguration
import NoteParser

/// What a site build needs of one note besides its page, kept between builds (`SiteCache`) so
/// that a rebuild parses and cleans only the notes that changed. The first part is read from
/// the note (its bytes, vault path and the `site:` settings); the second is what cleaning it
/// found, which also depends on where the site's links lead (`cleaning`, the key it was made with).
struct SiteNote: Sendable {
    /// The note's path, as given.
    let path: String
    let vaultPath: String
    /// The hash of its bytes.
    let content: UInt64
    let isPublished: Bool
    /// See `NoteRenderer.title(of:)`.
    let title: String
    /// The site collection it belongs to, else its folder (empty at the top).
    let collection: String
    let tags: [String]
    /// `date_published`, else `date_created`, else `date`; `date_modified`, else that.
    let published: String?
    let modified: String?
    let lede: String?
    /// Front-matter `site_uuid`, the id of its feed entry.
    let uuid: String?
    /// Front-matter `aliases`, for the vault's resolver.
    let aliases: [String]
    /// The body's wikilinks and embeds, in source order.
    let links: [SiteLink]
    /// The slugs of its headings and the `^id` texts ending its lines, sorted: what
    /// `[[note#heading]]` and `[[note#^id]]` can land on.
    let headingSlugs: [String]
    let blocks: [String]

    /// The key the facts below were cleaned with; nil when the note has not been cleaned.
    var cleaning: UInt64?
    /// Its numbered sources.
    var sources: [SiteSource] = []
    /// The start of its cleaned text as searchable words (`SearchIndex.plain`).
    var searchText = ""
    var warnings: [RenderWarning] = []
    /// The vault files its images and links show.
    var assets: [String] = []
    /// Its wikilinks and relative Markdown links to notes written as text because they lead to no page.
    var unlinked: [SiteLink] = []

    /// Reads the facts of `note` (with the hash `content` of its bytes).
    init(note: Note, vaultPath: String, content: UInt64, settings: SiteSettings) {
        path = note.path
        self.vaultPath = vaultPath
        self.content = content
        let folder = (vaultPath as NSString).deletingLastPathComponent
        let date = ["date_published", "date_created", "date"].lazy.compactMap { Self.text(note, $0) }.first
        isPublished = Self.isPublished(note, vaultPath: vaultPath, settings: settings)
        title = NoteRenderer.title(of: note)
        collection = settings.collection(for: vaultPath)?.name ?? folder
        tags = Self.tags(of: note)
        published = date
        modified = Self.text(note, "date_modified") ?? date
        lede = Self.text(note, "lede")
        uuid = note.frontMatter?.value("site_uuid")?.scalarText
        aliases = WikilinkResolver.aliases(of: note)
        links = note.wikilinks.map(SiteLink.init)
        headingSlugs = Array(Set(note.headings.map { Slug.make($0.text, fallback: "") })).sorted()
        blocks = Self.blocks(in: note.source)
    }

    /// Facts read back from the cache.
    init(path: String, vaultPath: String, content: UInt64, isPublished: Bool, title: String, collection: String, tags: [String],
         published: String?, modified: String?, lede: String?, uuid: String?, aliases: [String], links: [SiteLink],
         headingSlugs: [String], blocks: [String]) {
        (self.path, self.vaultPath, self.content, self.isPublished, self.title, self.collection) =
            (path, vaultPath, content, isPublished, title, collection)
        (self.tags, self.published, self.modified, self.lede, self.uuid, self.aliases, self.links) =
            (tags, published, modified, lede, uuid, aliases, links)
        (self.headingSlugs, self.blocks) = (headingSlugs, blocks)
    }

    /// Keeps what cleaning the note found, made with the key `cleaning`.
    mutating func record(_ cleaned: CleanedNote, cleaning: UInt64) {
        self.cleaning = cleaning
        sources = cleaned.sources.map(SiteSource.init)
        // The text without the placeholders of its embeds.
        searchText = SearchIndex.plain(cleaned.transclusions.reduce(cleaned.markdown) { $0.replacingOccurrences(of: $1.placeholder, with: " ") })
        warnings = cleaned.warnings
        assets = cleaned.assets
        unlinked = (cleaned.unlinked.map(SiteLink.init) + cleaned.unlinkedNoteLinks.map(SiteLink.init)).sorted { $0.start.offset < $1.start.offset }
    }

    /// True when a `[[note#^id]]` link's `heading` (`^id`) lands on a block of the note; else on one of its headings.
    func has(_ heading: String) -> Bool {
        heading.hasPrefix("^") ? blocks.contains(heading) : headingSlugs.contains(Slug.make(heading, fallback: ""))
    }

    /// `publish: true`, or a collection's glob without `publish: false`.
    static func isPublished(_ note: Note, vaultPath: String, settings: SiteSettings) -> Bool {
        switch note.frontMatter?.value("publish") {
        case .bool(let flag)?: return flag
        case .string(let text)? where ["true", "yes"].contains(text.lowercased()): return true
        case .string(let text)? where ["false", "no"].contains(text.lowercased()): return false
        default: return settings.collection(for: vaultPath) != nil
        }
    }

    /// The front-matter `tags`: a list, or one string of tags separated by commas or spaces; `#` dropped.
    static func tags(of note: Note) -> [String] {
        let written: [String]
        switch note.frontMatter?.value("tags") {
        case .list(let items)?: written = items.compactMap(\.scalarText)
        case let value?: written = value.scalarText.map { $0.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) } ?? []
        case nil: written = []
        }
        var seen = Set<String>()
        return written.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "# ")) }
            .filter { !$0.isEmpty && seen.insert(Slug.make($0, fallback: "")).inserted }
    }

    private static func text(_ note: Note, _ key: String) -> String? {
        guard let value = note.frontMatter?.value(key), case let text? = value.scalarText, !text.isBlank else { return nil }
        return text
    }

    /// Each ` ^…` of the text, from its `^` to the end of its line: a block id a link can name (sorted).
    static func blocks(in source: SourceText) -> [String] {
        var blocks = Set<String>()
        let bytes = source.bytes
        // Each `^` found by a byte search, kept when a space is before it.
        var caret = bytes.count > 1 ? source.find([Byte.caret], in: 1..<bytes.count) : nil
        while let found = caret {
            if bytes[found - 1] == Byte.space {
                var end = found
                while end < bytes.count, bytes[end] != Byte.newline, bytes[end] != Byte.carriageReturn { end += 1 }
                blocks.insert(String(decoding: bytes[found..<end], as: UTF8.self))
            }
            caret = source.find([Byte.caret], in: (found + 1)..<bytes.count)
        }
        return blocks.sorted()
    }
}

/// A wikilink or embed as the site needs it once the note is parsed: what it names and where.
struct SiteLink: Sendable, Equatable {
    let target: String
    let heading: String?
    let isEmbed: Bool
    let start: SourcePosition

    init(_ link: Wikilink) {
        (target, heading, isEmbed, start) = (link.target, link.heading, link.isEmbed, link.range.start)
    }

    /// A relative Markdown link to a note: its destination as written is its target.
    init(_ link: MarkdownLink) {
        (target, heading, isEmbed, start) = (link.destination, nil, false, link.range.start)
    }

    init(target: String, heading: String?, isEmbed: Bool, start: SourcePosition) {
        (self.target, self.heading, self.isEmbed, self.start) = (target, heading, isEmbed, start)
    }

    /// The link as a reader wrote it: target, `#heading`.
    var written: String { target + (heading.map { "#" + $0 } ?? "") }
}

/// A numbered source of a page as the sources pages need it.
struct SiteSource: Sendable, Equatable {
    let number: Int
    /// Sources with the same key are one (`SourcesPages.key(of:)`).
    let key: String
    /// What names its page: the citation id, else its title, URL or text.
    let name: String
    let title: String
    /// The body of its page above "Cited by": the source as written, its URL and dates.
    let markdown: String

    init(number: Int, key: String, name: String, title: String, markdown: String) {
        (self.number, self.key, self.name, self.title, self.markdown) = (number, key, name, title, markdown)
    }

    init(_ source: Source) {
        number = source.number
        key = SourcesPages.key(of: source)
        let fields = source.fields
        name = source.labels.first { $0.contains { !$0.isNumber } } ?? fields.title ?? fields.url ?? source.text
        title = fields.title ?? fields.url ?? Self.plain(source.text)
        var lines = [source.text.isEmpty ? MarkdownText.escape(title) : source.text]
        var facts: [String] = []
        if let url = fields.url { facts.append("- URL: " + MarkdownText.link(url, url: url)) }
        if let date = fields.prefixDate { facts.append("- Date: " + SourceView.format(date)) }
        if let published = fields.published { facts.append("- Published: " + MarkdownText.escape(SourceView.format(published))) }
        if let updated = fields.updated { facts.append("- Updated: " + MarkdownText.escape(SourceView.format(updated))) }
        if !facts.isEmpty { lines.append(facts.joined(separator: "\n")) }
        markdown = lines.joined(separator: "\n\n")
    }

    /// The first line of `text`, at most 120 characters.
    private static func plain(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.count > 120 ? String(line.prefix(119)) + "…" : line.isEmpty ? "Source" : line
    }
}
