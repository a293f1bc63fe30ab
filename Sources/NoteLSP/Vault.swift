import NoteCitations
import NoteLint
import NoteParser
import NoteWorkspace

/// The vault the server serves: its `Workspace` (open notes with the editor's text), the parsed
/// notes, and the lookups the features share, kept up to date note by note.
///
/// The notes are taken from the workspace once, when it loads; after that a changed note is
/// parsed here again, as the workspace parses it (`Linter.parse` with its configuration), and
/// only its entries of the lookups change: asking the workspace for its whole `result`, or
/// rebuilding the vault's lookups, on every keystroke would cost more than the lint itself.
final class Vault {
    let root: String
    let loader: ConfigurationLoader
    let workspace: Workspace
    /// Every note that parsed and is not ignored, by vault path.
    private(set) var notes: [String: NoteContext] = [:]
    /// The notes sorted by vault path.
    private(set) var contexts: [NoteContext] = []
    /// The vault's footnote definitions by id (as footnotes match: ignoring case), with their notes' vault paths.
    private(set) var definitionsByKey: [String: [(path: String, indexed: IndexedDefinition)]] = [:]
    /// The vault's sources by normalised URL: the proper, first definitions citing each (not the
    /// whole `CitationIndex`, whose vault-wide problems a keystroke does not need).
    private(set) var sources: [String: CitedSource] = [:]
    private var cachedResolver: WikilinkResolver?
    private var cachedRanking: [String]?

    /// Loads the vault of `folder` (its `.notekit.yml`, or the defaults rooted at it).
    init(folder: String) throws {
        loader = try ConfigurationLoader(defaultRoot: folder)
        root = try loader.configuration(for: folder + "/" + ConfigurationLoader.fileName).root
        workspace = try Workspace(root: root) { [loader] in try loader.configuration(for: $0) }
        contexts = workspace.contexts
        for context in contexts {
            notes[context.vaultPath] = context
            index(context, adding: true)
        }
    }

    /// The note at `path` now holds `bytes`. Returns the notes whose findings changed.
    func update(_ path: String, bytes: [UInt8]) throws -> [String] {
        let result = try workspace.update(path, bytes: bytes)
        reparse(path, Linter.Input(path: fullPath(path), bytes: bytes))
        return result
    }

    /// The file at `path` is gone. Returns the notes whose findings changed.
    func remove(_ path: String) -> [String] {
        let result = workspace.remove(path)
        set(path, nil)
        return result
    }

    /// The file at `from` is now at `to`. Returns the notes whose findings changed.
    func rename(from: String, to: String) throws -> [String] {
        let bytes = notes[from]?.note.source.bytes
        let result = try workspace.rename(from: from, to: to)
        set(from, nil)
        reparse(to, bytes.map { Linter.Input(path: fullPath(to), bytes: $0) } ?? Linter.Input(path: fullPath(to)))
        return result
    }

    /// Parses the note at `path` again as the workspace does (gone when it does not parse or is ignored).
    private func reparse(_ path: String, _ input: Linter.Input) {
        var context: NoteContext?
        if NoteFiles.isMarkdown(path), let configuration = try? loader.configuration(for: input.path),
           case .success(let parsed) = Linter.parse(input, configuration: configuration), !configuration.isIgnored(parsed.vaultPath) {
            context = parsed
        }
        set(path, context)
    }

    /// Puts `context` at `path` (removes the note when nil) and updates the lookups for that note only.
    private func set(_ path: String, _ context: NoteContext?) {
        let old = notes[path]
        if let old { index(old, adding: false) }
        notes[path] = context
        if let context { index(context, adding: true) }
        let position = contexts.firstIndex { $0.vaultPath == path }
        switch (position, context) {
        case (let position?, let context?): contexts[position] = context
        case (let position?, nil): contexts.remove(at: position)
        case (nil, let context?):
            contexts.insert(context, at: contexts.firstIndex { !(ExactPath($0.vaultPath) < ExactPath(path)) } ?? contexts.endIndex)
        case (nil, nil): break
        }
        if old.map(Self.citing) != context.map(Self.citing) { cachedRanking = nil }
        if old == nil || context == nil || old.map({ WikilinkResolver.aliases(of: $0.note) }) != context.map({ WikilinkResolver.aliases(of: $0.note) }) {
            cachedResolver = nil
        }
    }

    /// What a note's definitions add to the ranking of sources: each one's id, URL and references.
    private static func citing(_ context: NoteContext) -> [String] {
        context.citations.definitions.map { "\($0.key) \($0.url ?? "") \($0.references) \($0.definition.form) \($0.definition.isDuplicate)" }
    }

    /// The sources' URLs, most cited first (then by URL).
    var ranking: [String] {
        if let cachedRanking { return cachedRanking }
        let ranking = sources.map { ($0.value.referenceCount, $0.key) }.sorted { ($1.0, $0.1) < ($0.0, $1.1) }.map(\.1)
        cachedRanking = ranking
        return ranking
    }

    /// Adds the definitions of `context` to the lookups, or takes them out.
    private func index(_ context: NoteContext, adding: Bool) {
        let path = context.vaultPath
        for definition in context.citations.definitions {
            let isSource = definition.definition.form == .proper && !definition.definition.isDuplicate
            if adding {
                definitionsByKey[definition.key, default: []].append((path, definition))
                if isSource, let url = definition.url { sources[url, default: CitedSource(url: url)].definitions.append((path, definition)) }
            } else {
                definitionsByKey[definition.key]?.removeAll { $0.path == path }
                if definitionsByKey[definition.key]?.isEmpty == true { definitionsByKey[definition.key] = nil }
                if isSource, let url = definition.url {
                    sources[url]?.definitions.removeAll { $0.path == path }
                    if sources[url]?.definitions.isEmpty == true { sources[url] = nil }
                }
            }
        }
    }

    /// Resolves wikilinks as lint and render do (against the notes, with their aliases).
    var resolver: WikilinkResolver {
        if let cachedResolver { return cachedResolver }
        let resolver = WikilinkResolver(files: [], notes: contexts.map { ($0.vaultPath, $0.note) })
        cachedResolver = resolver
        return resolver
    }

    /// The vault path of an absolute path, nil outside the vault.
    func vaultPath(of path: String) -> String? {
        let relative = VaultPath.relative(path, to: root)
        return relative == path && !VaultPath.isInside(path, directory: root) ? nil : relative
    }

    /// The path of a vault path as the workspace names it (the root joined with it).
    func fullPath(_ vaultPath: String) -> String {
        root == "." ? vaultPath : (root.hasSuffix("/") ? root : root + "/") + vaultPath
    }
}

/// The definitions of the vault citing one normalised URL, with their notes' vault paths.
struct CitedSource {
    let url: String
    var definitions: [(path: String, indexed: IndexedDefinition)] = []

    /// References to the source, in every note.
    var referenceCount: Int { definitions.reduce(0) { $0 + $1.indexed.references } }

    /// The notes citing it with their references, in vault order.
    var uses: [(path: String, references: Int)] {
        var order: [String] = [], counts: [String: Int] = [:]
        for (path, definition) in definitions {
            if counts[path] == nil { order.append(path) }
            counts[path, default: 0] += definition.references
        }
        return order.map { ($0, counts[$0]!) }
    }
}
