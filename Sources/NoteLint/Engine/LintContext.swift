import NoteCitations
import NoteParser

/// What a note rule sees: the parsed note and the configuration that applies to it.
/// A class, so that the findings and vault structures that refer to it share it.
public final class NoteContext: Sendable {
    public let note: Note
    /// The note's path relative to the vault root, with `/` separators.
    public let vaultPath: String
    public let configuration: Configuration
    /// The collection whose glob matches this note, if any.
    public let collection: NoteCollection?
    /// The note's citations and citation problems, scanned once here for all citation
    /// rules and the vault pass (the same detection the citations report uses).
    public let citations: NoteCitationScan
    /// The note's `notekit-disable` directives.
    let suppressions: Suppressions
    /// Whether `note` is a vault view cut after its front matter (`vaultView(legacyCitations:bodyOnDisk:)`).
    let isCut: Bool

    public init(note: Note, vaultPath: String, configuration: Configuration) {
        self.note = note
        self.vaultPath = vaultPath
        self.configuration = configuration
        self.collection = configuration.collection(for: vaultPath)
        self.citations = NoteCitationScan(note: note, displayPath: vaultPath)
        self.suppressions = Suppressions(note: note)
        self.isCut = false
    }

    private init(note: Note, citations: NoteCitationScan, isCut: Bool, of context: NoteContext) {
        self.note = note
        self.vaultPath = context.vaultPath
        self.configuration = context.configuration
        self.collection = context.collection
        self.citations = citations
        self.suppressions = context.suppressions
        self.isCut = isCut
    }

    /// The context with the note's `vaultView`: what the vault rules and the merge of a run's
    /// findings read, once the note rules are done (its suppressions are this context's; its
    /// citation scan is this one's `vaultView`). Kept are the front matter keys the vault rules
    /// read (UUIDs, tags, aliases), and the body where a vault rule's fix may edit it: a legacy
    /// definition whose fix may delete it (a URL the note already defines, or none), and two ids
    /// for one URL (`same-source-several-ids`) unless the note is `bodyOnDisk` (read from its
    /// file: that fix reads it again when its edits are asked for). With `legacyCitations` false
    /// (`citation/legacy-numeric` does not run), the legacy citations, their problems and the body
    /// their fixes edit are not kept.
    func vaultView(legacyCitations: Bool, bodyOnDisk: Bool) -> NoteContext {
        // The cited URLs decide only a legacy definition's deletion and a merge in a body not on disk.
        var keepingBody = false
        if legacyCitations || !bodyOnDisk {
            var urls = Set<String>()
            var mergesSources = false
            for indexed in citations.definitions where indexed.definition.form == .proper {
                guard let url = indexed.url else { continue }
                if !urls.insert(url).inserted && !indexed.definition.isDuplicate { mergesSources = true }
            }
            let deletesLegacy = legacyCitations && note.legacyDefinitions.contains { definition in
                guard let url = definition.fields.url.map(URLNormalizer.normalize) else { return true }
                return !urls.insert(url).inserted
            }
            keepingBody = deletesLegacy || (mergesSources && !bodyOnDisk)
        }
        let view = note.vaultView(keepingBody: keepingBody, keepingLegacy: legacyCitations) { key in
            key == "aliases" || FrontMatterValues.isUUIDKey(key, in: self) || FrontMatterValues.isTagsKey(key, in: self)
        }
        return NoteContext(note: view, citations: citations.vaultView(keeping: legacyCitations ? [CitationLegacyNumericRule.kind] : []),
                           isCut: !keepingBody, of: self)
    }

    /// The value of one of `rule`'s options in this note's configuration.
    public func option<R: Rule, Value>(_ option: RuleOption<Value>, of rule: R) -> Value {
        configuration.option(option, ofRule: R.description.id)
    }

    /// A finding of rule `R` at `range`, with the rule's default severity.
    public func finding<R: Rule>(_ rule: R, _ range: SourceRange, _ message: String, fix: Fix? = nil) -> Finding {
        Finding(path: note.path, range: range, ruleID: R.description.id, severity: R.description.severity,
                message: message, fix: fix)
    }

    /// A finding at a byte range of the note.
    public func finding<R: Rule>(_ rule: R, bytes: Range<Int>, _ message: String, fix: Fix? = nil) -> Finding {
        finding(rule, note.source.range(bytes), message, fix: fix)
    }
}

/// What a vault rule sees: every note of the vault (those linted and those only read for
/// context, in vault order), and every file path of the vault.
public struct VaultContext: Sendable {
    public let notes: [NoteContext]
    /// Paths of the files under the vault root (relative, `/` separators), for link resolution:
    /// all of them, or (a workspace rerun of a rule with `Rule.vaultFileKeys`) those holding a key
    /// the linted notes look up.
    public let files: [String]
    /// Cross-note citation problems of the linted notes, from their scans.
    public let citations: VaultCitationProblems
    /// Every wikilink and embed of the linted notes with its resolution, resolved once for
    /// all link rules; links inside `%%comments%%` are skipped, as Obsidian does.
    public let wikilinks: [ResolvedWikilink]

    /// `linted` are the notes reported about, when not all of `notes` are: only their links
    /// are resolved (against all of `notes`, their aliases included).
    public init(notes: [NoteContext], files: [String], linted: [NoteContext]? = nil) {
        self.notes = notes
        self.files = files
        self.citations = VaultCitationProblems(scans: notes.map(\.citations))
        let linking = linted ?? notes
        // Built only when there is a link to resolve: it indexes every file of the vault.
        guard linking.contains(where: { !$0.note.wikilinks.isEmpty }) else {
            self.wikilinks = []
            return
        }
        let resolver = WikilinkResolver(files: files, notes: notes.map { ($0.vaultPath, $0.note) })
        // A target that leads to the same place from every note
        // (`WikilinkResolver.leadsAlikeFromEveryNote`) is resolved once, found again by its bytes.
        let count = linking.reduce(0) { $0 + $1.note.wikilinks.count }
        var resolved: [ExactPath: WikilinkResolver.Resolution] = [:]
        resolved.reserveCapacity(count)
        var wikilinks: [ResolvedWikilink] = []
        wikilinks.reserveCapacity(count)
        for context in linking {
            let links = context.note.wikilinks
            for index in context.resolvableWikilinkIndices {
                let target = links[index].target
                let resolution: WikilinkResolver.Resolution
                if WikilinkResolver.leadsAlikeFromEveryNote(target) {
                    // Looked up and, the first time, stored in one access.
                    func resolveOnce(_ known: inout WikilinkResolver.Resolution?) -> WikilinkResolver.Resolution {
                        if let known { return known }
                        let resolution = resolver.resolve(target, from: context.vaultPath)
                        known = resolution
                        return resolution
                    }
                    resolution = resolveOnce(&resolved[ExactPath(target)])
                } else {
                    resolution = resolver.resolve(target, from: context.vaultPath)
                }
                wikilinks.append(ResolvedWikilink(context: context, index: index, resolution: resolution))
            }
        }
        self.wikilinks = wikilinks
    }
}

extension NoteContext {
    /// The note's wikilinks and embeds outside `%%comments%%`: those the link rules resolve.
    var resolvableWikilinks: [Wikilink] { resolvableWikilinkIndices.map { note.wikilinks[$0] } }

    /// Their indices in `note.wikilinks`.
    var resolvableWikilinkIndices: [Int] {
        let links = note.wikilinks
        // Most notes hold no comment: then every link is.
        guard !note.comments.isEmpty else { return Array(links.indices) }
        let comments = note.comments.map(\.bytes)
        return links.indices.filter { !comments.sortedContains(links[$0].range.start.offset) }
    }
}

/// A wikilink of a linted note and where it leads.
public struct ResolvedWikilink: Sendable {
    public let context: NoteContext
    /// The link's index in the note's wikilinks (a vault holds many: the link is not copied).
    let index: Int
    public let resolution: WikilinkResolver.Resolution

    public var link: Wikilink { context.note.wikilinks[index] }
}
