import NoteLint
import NoteParser

/// A vault held in memory for tools that re-check one note at a time (`watch`, `lsp`): every
/// note parsed once, re-parsed alone on `update`, `remove` or `rename`, with its findings and
/// those of the vault rules kept per note. Findings are the ones `Linter` gives in a batch run
/// over the whole vault: the same passes (`checkNote`, `checkVault`, `merge`) compute them.
///
/// Paths given to and returned by a workspace are vault paths (relative to the root, `/`
/// separators); findings name notes as a batch run does (the root joined with the vault path).
/// Not thread-safe: one caller at a time.
public final class Workspace {
    /// The vault's root folder.
    public let root: String
    private let linter: Linter
    private let configuration: (String) throws -> Configuration
    /// Every file of the vault (vault paths sorted by bytes): what links resolve against.
    private var files: [String]
    /// The notes that parsed and are not ignored, by vault path.
    private var notes: [ExactPath: Entry] = [:]
    /// Notes that could not be read, parsed, or are over a limit, by vault path.
    private var errors: [ExactPath: NoteError] = [:]
    /// The vault rules' part of each note's findings, by note path (as in findings).
    private var vault: [ExactPath: Linter.Checked] = [:]
    /// Each note's reported findings, by vault path.
    private var reported: [ExactPath: [Finding]] = [:]

    private struct Entry {
        let context: NoteContext
        let checked: Linter.Checked
    }

    /// Loads the vault at `root`: every file under it (hidden folders skipped), every note parsed
    /// and checked with the configuration `configuration(path)` gives the note at `path`.
    public init(root: String, linter: Linter = Linter(), configuration: @escaping @Sendable (String) throws -> Configuration) throws {
        self.root = root
        self.linter = linter
        self.configuration = configuration
        files = NoteFiles.vaultFiles(under: root)
        let notePaths = files.filter(NoteFiles.isMarkdown)
        let configurations = try notePaths.map { try configuration(Self.fullPath($0, root: root)) }
        let loaded = Array(zip(notePaths, configurations)).concurrentMap { path, config in
            Linter.parse(Linter.Input(path: Self.fullPath(path, root: root)), configuration: config).map { context in
                config.isIgnored(context.vaultPath) ? nil : Entry(context: context, checked: linter.checkNote(context))
            }
        }
        for (path, result) in zip(notePaths, loaded) {
            switch result {
            case .success(let entry?): notes[ExactPath(path)] = entry
            case .success(nil): break
            case .failure(let error): errors[ExactPath(path)] = error
            }
        }
        _ = refresh(edited: [])
    }

    /// The note at `path` (a vault path) now holds `bytes`: it is parsed again and the vault
    /// rules run again. Returns the vault paths of the notes whose findings changed (this one
    /// included when its own did), sorted by bytes. A path that is not a note only joins the files
    /// links resolve against.
    @discardableResult
    public func update(_ path: String, bytes: [UInt8]) throws -> [String] {
        try reload(path, Linter.Input(path: fullPath(path), bytes: bytes))
    }

    /// `update` with the bytes of `input` (or of its file).
    private func reload(_ path: String, _ input: Linter.Input) throws -> [String] {
        let key = ExactPath(path)
        insertFile(path)
        guard NoteFiles.isMarkdown(path) else { return refresh(edited: []) }
        notes[key] = nil
        errors[key] = nil
        let config = try configuration(input.path)
        switch Linter.parse(input, configuration: config) {
        case .success(let context):
            if !config.isIgnored(context.vaultPath) { notes[key] = Entry(context: context, checked: linter.checkNote(context)) }
        case .failure(let error):
            errors[key] = error
        }
        return refresh(edited: [key])
    }

    /// The file at `path` is gone. Returns the notes whose findings changed, as `update` does
    /// (the removed note among them when it had findings).
    @discardableResult
    public func remove(_ path: String) -> [String] {
        let key = ExactPath(path)
        files.removeAll { ExactPath.same($0, path) }
        notes[key] = nil
        errors[key] = nil
        return refresh(edited: [key])
    }

    /// The file at `from` is now at `to`, unchanged: `remove(from)`, then `update(to)` with the
    /// bytes the note had (read from `to` when it could not be parsed). Returns the notes whose
    /// findings changed in either step.
    @discardableResult
    public func rename(from: String, to: String) throws -> [String] {
        let bytes = notes[ExactPath(from)]?.context.note.source.bytes
        let removed = remove(from)
        let input = bytes.map { Linter.Input(path: fullPath(to), bytes: $0) } ?? Linter.Input(path: fullPath(to))
        let updated = try reload(to, input)
        return Set((removed + updated).map(ExactPath.init)).sorted().map(\.description)
    }

    /// The findings of the note at `path` (a vault path), the vault rules' included, as a batch
    /// run over the vault reports them; a note that cannot be linted has its one error finding.
    public func findings(for path: String) -> [Finding] { reported[ExactPath(path)] ?? [] }

    /// The whole vault linted, as `Linter.lint(_:vaultRoot:configuration:)` lints every note of it.
    public var result: Linter.Result {
        let entries = notes.sorted { $0.key < $1.key }.map(\.value)
        return Linter.Result(findings: entries.flatMap { findings(for: $0.context.vaultPath) },
                             errors: errors.sorted { $0.key < $1.key }.map(\.value), notesLinted: entries.count,
                             contexts: entries.map(\.context))
    }

    /// Runs the vault rules again and re-merges the notes whose findings may have changed:
    /// the `edited` ones and those whose vault findings changed. Returns the notes whose reported
    /// findings changed.
    private func refresh(edited: Set<ExactPath>) -> [String] {
        let contexts = notes.values.map(\.context)
        let checked = linter.checkVault(contexts, vaultFiles: files).byNote()
        var stale = edited
        for key in Set(checked.keys).union(vault.keys) where checked[key]?.findings != vault[key]?.findings {
            stale.insert(ExactPath(VaultPath.relative(key.description, to: root)))
        }
        vault = checked
        if reported.isEmpty && !notes.isEmpty { stale.formUnion(notes.keys) }
        var changed: [String] = []
        for key in stale {
            let now: [Finding]
            if let entry = notes[key] {
                let path = ExactPath(entry.context.note.path)
                now = linter.merge([entry.context], [entry.checked] + (vault[path].map { [$0] } ?? []))
            } else if let error = errors[key] {
                now = [FileRule.finding(for: error)]
            } else {
                now = []
            }
            if now != reported[key] ?? [] { changed.append(key.description) }
            reported[key] = now.isEmpty ? nil : now
        }
        return changed.sorted { ExactPath($0) < ExactPath($1) }
    }

    private func insertFile(_ path: String) {
        let index = files.firstIndex { !(ExactPath($0) < ExactPath(path)) } ?? files.endIndex
        if index < files.endIndex, ExactPath.same(files[index], path) { return }
        files.insert(path, at: index)
    }

    private func fullPath(_ vaultPath: String) -> String { Self.fullPath(vaultPath, root: root) }

    /// The path of the note at `vaultPath` as a batch run names it.
    private static func fullPath(_ vaultPath: String, root: String) -> String {
        root == "." ? vaultPath : (root.hasSuffix("/") ? root : root + "/") + vaultPath
    }
}
