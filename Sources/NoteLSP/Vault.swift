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
    private var cachedCitations: CitationIndex?
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
        cachedCitations = nil
        cachedResolver = nil
    }

    /// Every note that parsed, by vault path.
    var notes: [String: NoteContext] {
        if let cachedNotes { return cachedNotes }
        let notes = Dictionary(workspace.contexts.map { ($0.vaultPath, $0) }, uniquingKeysWith: { first, _ in first })
        cachedNotes = notes
        return notes
    }

    /// The vault's citations (sources, the notes citing them).
    var citations: CitationIndex {
        if let cachedCitations { return cachedCitations }
        let index = CitationIndex(scans: workspace.contexts.map(\.citations))
        cachedCitations = index
        return index
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

    /// The vault path of a note path as the citation index gives it (the root joined with the vault path).
    func vaultPath(ofNote path: String) -> String { VaultPath.relative(path, to: root) }

    /// The absolute path of a vault path.
    func fullPath(_ vaultPath: String) -> String {
        VaultPath.absolute(root) + "/" + vaultPath
    }
}
