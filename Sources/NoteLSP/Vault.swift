import NoteCitations
import NoteLint
import NoteParser
import NoteWorkspace

/// The vault the server serves: its `Workspace` (open notes with the editor's text) and the
/// lookups the features share, rebuilt after each change only when asked for.
final class Vault {
    let root: String
    let loader: ConfigurationLoader
    let workspace: Workspace
    private var cachedNotes: [String: NoteContext]?
    private var cachedDefinitions: [(path: String, indexed: IndexedDefinition)]?
    private var cachedKeys: [String: [(path: String, indexed: IndexedDefinition)]]?
    private var cachedSources: [String: CitedSource]?
    private var cachedResolver: WikilinkResolver?

    /// Loads the vault of `folder` (its `.notekit.yml`, or the defaults rooted at it).
    init(folder: String) throws {
        loader = try ConfigurationLoader(defaultRoot: folder)
        root = try loader.configuration(for: folder + "/" + ConfigurationLoader.fileName).root
        workspace = try Workspace(root: root) { [loader] in try loader.configuration(for: $0) }
    }

    /// Forgets the lookups after a change of the workspace.
    func changed() {
        cachedNotes = nil
        cachedDefinitions = nil
        cachedKeys = nil
        cachedSources = nil
        cachedResolver = nil
    }

    /// Every note that parsed, by vault path.
    var notes: [String: NoteContext] {
        if let cachedNotes { return cachedNotes }
        let notes = Dictionary(workspace.contexts.map { ($0.vaultPath, $0) }, uniquingKeysWith: { first, _ in first })
        cachedNotes = notes
        return notes
    }

    /// Every footnote definition of the vault with its note's vault path, note by note (scanned
    /// once by the linter).
    var definitions: [(path: String, indexed: IndexedDefinition)] {
        if let cachedDefinitions { return cachedDefinitions }
        let definitions = workspace.contexts.flatMap { context in context.citations.definitions.map { (context.vaultPath, $0) } }
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
        let contexts = workspace.contexts
        let resolver = WikilinkResolver(files: [], notes: contexts.map { ($0.vaultPath, $0.note) })
        cachedResolver = resolver
        return resolver
    }

    /// The vault path of an absolute path, nil outside the vault.
    func vaultPath(of path: String) -> String? {
        let relative = VaultPath.relative(path, to: root)
        return relative == path && !VaultPath.isInside(path, directory: root) ? nil : relative
    }

    /// The absolute path of a vault path.
    func fullPath(_ vaultPath: String) -> String {
        VaultPath.absolute(root) + "/" + vaultPath
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
