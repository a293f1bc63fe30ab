import NoteCitations
import NoteLint
import NoteParser
import NoteWorkspace

/// The vault the server serves: its `Workspace` (open notes with the editor's text), the parsed
/// notes, and the lookups the features share, rebuilt after a change only when asked for.
///
/// The notes are taken from the workspace once, when it loads; after that a changed note is
/// parsed here again, as the workspace parses it (`Linter.parse` with its configuration): asking
/// the workspace for its whole `result` on every keystroke would copy every finding of the vault.
final class Vault {
    let root: String
    let loader: ConfigurationLoader
    let workspace: Workspace
    /// Every note that parsed and is not ignored, by vault path.
    private(set) var notes: [String: NoteContext]
    private var cachedContexts: [NoteContext]?
    private var cachedDefinitions: [(path: String, indexed: IndexedDefinition)]?
    private var cachedKeys: [String: [(path: String, indexed: IndexedDefinition)]]?
    private var cachedSources: [String: CitedSource]?
    private var cachedResolver: WikilinkResolver?

    /// Loads the vault of `folder` (its `.notekit.yml`, or the defaults rooted at it).
    init(folder: String) throws {
        loader = try ConfigurationLoader(defaultRoot: folder)
        root = try loader.configuration(for: folder + "/" + ConfigurationLoader.fileName).root
        workspace = try Workspace(root: root) { [loader] in try loader.configuration(for: $0) }
        notes = Dictionary(workspace.contexts.map { ($0.vaultPath, $0) }, uniquingKeysWith: { first, _ in first })
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
        notes[path] = nil
        changed()
        return result
    }

    /// The file at `from` is now at `to`. Returns the notes whose findings changed.
    func rename(from: String, to: String) throws -> [String] {
        let bytes = notes[from]?.note.source.bytes
        let result = try workspace.rename(from: from, to: to)
        notes[from] = nil
        reparse(to, bytes.map { Linter.Input(path: fullPath(to), bytes: $0) } ?? Linter.Input(path: fullPath(to)))
        return result
    }

    /// Parses the note at `path` again as the workspace does (nil when it does not parse or is ignored).
    private func reparse(_ path: String, _ input: Linter.Input) {
        notes[path] = nil
        if NoteFiles.isMarkdown(path), let configuration = try? loader.configuration(for: input.path),
           case .success(let context) = Linter.parse(input, configuration: configuration), !configuration.isIgnored(context.vaultPath) {
            notes[path] = context
        }
        changed()
    }

    /// Forgets the lookups after a change.
    private func changed() {
        cachedContexts = nil
        cachedDefinitions = nil
        cachedKeys = nil
        cachedSources = nil
        cachedResolver = nil
    }

    /// The notes sorted by vault path.
    var contexts: [NoteContext] {
        if let cachedContexts { return cachedContexts }
        let contexts = notes.values.sorted { ExactPath($0.vaultPath) < ExactPath($1.vaultPath) }
        cachedContexts = contexts
        return contexts
    }

    /// Every footnote definition of the vault with its note's vault path, note by note (scanned
    /// once per note by the linter).
    var definitions: [(path: String, indexed: IndexedDefinition)] {
        if let cachedDefinitions { return cachedDefinitions }
        let definitions = contexts.flatMap { context in context.citations.definitions.map { (context.vaultPath, $0) } }
        cachedDefinitions = definitions
        return definitions
    }

    /// The definitions of the vault by id (as footnotes match: ignoring case).
    var definitionsByKey: [String: [(path: String, indexed: IndexedDefinition)]] {
        if let cachedKeys { return cachedKeys }
        let keys = Dictionary(grouping: definitions) { $0.indexed.key }
        cachedKeys = keys
        return keys
    }

    /// The vault's sources by normalised URL: the definitions citing each (not the whole
    /// `CitationIndex`, whose vault-wide problems a keystroke does not need).
    var sources: [String: CitedSource] {
        if let cachedSources { return cachedSources }
        var sources: [String: CitedSource] = [:]
        for (path, definition) in definitions where definition.definition.form == .proper && !definition.definition.isDuplicate {
            guard let url = definition.url else { continue }
            sources[url, default: CitedSource(url: url)].definitions.append((path, definition))
        }
        cachedSources = sources
        return sources
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
