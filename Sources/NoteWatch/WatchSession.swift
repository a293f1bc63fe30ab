import Foundation
import NoteFix
import NoteLint
import NoteParser
import NoteWorkspace

/// What `notekit watch` does with each settled batch of changes: re-checks the changed notes in a
/// `Workspace`, and with `fix` writes the safe fixes the `watch:` configuration allows to the
/// notes a person edited, without churn (see docs/watch.md).
public final class WatchSession {
    /// What one batch did.
    public struct Outcome: Sendable {
        /// Vault paths of the notes re-checked or whose findings changed, sorted by bytes.
        public var checked: [String] = []
        /// Vault paths of the notes written with fixes.
        public var written: [String] = []
        /// Problems to tell (a write refused because the file changed meanwhile, a configuration error).
        public var problems: [String] = []
        /// Files whose event was only notekit's own write (or brought no new bytes).
        public var unchanged = 0
        /// True when the batch was large enough to load the whole vault again.
        public var reloaded = false
    }

    /// The vault root.
    public let root: String
    /// Apply fixes on save.
    public let fix: Bool
    /// Batches with more changed files than this load the vault again instead of updating it note by note.
    public var reloadThreshold = 64
    /// The vault in memory.
    public private(set) var workspace: Workspace
    /// The configuration of the note at a path.
    private var configuration: @Sendable (String) throws -> Configuration
    /// Reads the configuration files again (a new loader), for a change to a `.notekit.yml`.
    private let reloadConfiguration: @Sendable () throws -> @Sendable (String) throws -> Configuration
    private let git: GitWorkingTree
    /// The bytes the workspace holds for each note.
    private var notes: [ExactPath: [UInt8]] = [:]
    /// The vault's other files (not notes), which links resolve against.
    private var others: Set<ExactPath> = []
    /// The bytes notekit last wrote to each note.
    private var written: [ExactPath: [UInt8]] = [:]
    /// The bytes each note was last fixed from: the same content is never fixed twice.
    private var fixedFrom: [ExactPath: [UInt8]] = [:]

    /// Loads the vault at `root` (every note parsed and checked once) with the configurations
    /// `reloadConfiguration` gives, and calls it again when a `.notekit.yml` changes.
    public init(root: String, fix: Bool,
                reloadConfiguration: @escaping @Sendable () throws -> @Sendable (String) throws -> Configuration) throws {
        self.root = root
        self.fix = fix
        self.reloadConfiguration = reloadConfiguration
        let configuration = try reloadConfiguration()
        self.configuration = configuration
        git = GitWorkingTree(root: root)
        workspace = try Workspace(root: root, configuration: configuration)
        for path in NoteFiles.vaultFiles(under: root) { record(path, bytes: read(path)) }
    }

    /// Vault paths of every note known, sorted by bytes.
    public var notePaths: [String] { notes.keys.sorted().map(\.description) }

    /// The bytes the workspace holds for the note at `path`.
    public func bytes(of path: String) -> [UInt8]? { notes[ExactPath(path)] }

    /// The path of a vault path as findings name it.
    public func fullPath(_ path: String) -> String { root == "." ? path : (root.hasSuffix("/") ? root : root + "/") + path }

    /// Re-checks what `batch` changed and, with `fix`, fixes the notes a person edited.
    public func handle(_ batch: ChangeBatch) -> Outcome {
        var outcome = Outcome()
        let configurationFiles = batch.paths.filter { Self.isConfigurationFile($0) }
        let reconfigured = !configurationFiles.isEmpty && reconfigure(configurationFiles, &outcome)
        var paths = Set(batch.paths.subtracting(configurationFiles).map(ExactPath.init))
        for folder in batch.removedFolders {
            let prefix = folder + "/"
            paths.formUnion((Array(notes.keys) + Array(others)).filter { $0.description.hasPrefix(prefix) })
        }
        if batch.overflowed { paths.formUnion(Array(notes.keys) + Array(others) + NoteFiles.vaultFiles(under: root).map(ExactPath.init)) }
        var changed: [(path: ExactPath, old: [UInt8]?, new: [UInt8])] = []
        var gone: [ExactPath] = []
        var appeared: [ExactPath] = []
        for path in paths.sorted() {
            let bytes = read(path.description)
            if NoteFiles.isMarkdown(path.description) {
                guard let bytes else {
                    if notes[path] != nil { gone.append(path) }
                    continue
                }
                if bytes == notes[path] {
                    outcome.unchanged += 1
                } else {
                    changed.append((path, notes[path], bytes))
                }
            } else if (bytes != nil) != others.contains(path) {
                if bytes == nil { gone.append(path) } else { appeared.append(path) }
            }
        }
        var reported = Set(changed.map(\.path) + gone.filter { NoteFiles.isMarkdown($0.description) })
        let count = changed.count + gone.count + appeared.count
        if count > reloadThreshold || batch.overflowed || reconfigured {
            let before = allFindings()
            changed.forEach { record($0.path.description, bytes: $0.new) }
            gone.forEach { record($0.description, bytes: nil) }
            appeared.forEach { record($0.description, bytes: []) }
            reported.formUnion(reload(since: before, &outcome))
        } else {
            for path in gone {
                record(path.description, bytes: nil)
                reported.formUnion(workspace.remove(path.description).map(ExactPath.init))
            }
            for path in appeared {
                record(path.description, bytes: [])
                reported.formUnion(update(path, [], &outcome))
            }
            for change in changed {
                record(change.path.description, bytes: change.new)
                reported.formUnion(update(change.path, change.new, &outcome))
            }
        }
        if fix { reported.formUnion(applyFixes(changed, &outcome)) }
        outcome.checked = reported.sorted().map(\.description)
        return outcome
    }

    /// True for a vault path naming a `.notekit.yml`.
    static func isConfigurationFile(_ path: String) -> Bool {
        path == ConfigurationLoader.fileName || path.hasSuffix("/" + ConfigurationLoader.fileName)
    }

    /// Reads the configuration files again after `files` changed: true when every note's
    /// configuration reads (the workspace is then to be loaded again with it); otherwise the
    /// error (`path:line:column: error: message`) is a problem of `outcome` and the
    /// configuration in use stays.
    private func reconfigure(_ files: Set<String>, _ outcome: inout Outcome) -> Bool {
        do {
            let fresh = try reloadConfiguration()
            // The changed files first (their errors are the likely ones), then every note's.
            for file in files.sorted() { _ = try fresh(fullPath(file)) }
            for path in NoteFiles.vaultFiles(under: root) where NoteFiles.isMarkdown(path) { _ = try fresh(fullPath(path)) }
            configuration = fresh
            return true
        } catch {
            outcome.problems.append("\(error); the configuration in use stays until the file is fixed")
            return false
        }
    }

    /// Fixes the notes of `changed` a person edited (not notekit, not `git checkout`), writing
    /// those whose fixes change more than dates; returns the notes whose findings changed.
    private func applyFixes(_ changed: [(path: ExactPath, old: [UInt8]?, new: [UInt8])], _ outcome: inout Outcome) -> Set<ExactPath> {
        let candidates = changed.filter { written[$0.path] != $0.new && fixedFrom[$0.path] != $0.new }
        let edited = git.edited(candidates.map(\.path.description))
        var reported: Set<ExactPath> = []
        var writes: [(path: ExactPath, result: [UInt8])] = []
        // One fixer run per `watch:` section: a batch of saves is fixed together.
        var groups: [WatchSettings: [(change: (path: ExactPath, old: [UInt8]?, new: [UInt8]), configuration: Configuration)]] = [:]
        for change in candidates where edited.contains(change.path.description) {
            fixedFrom[change.path] = change.new
            guard let config = try? configuration(fullPath(change.path.description)), !config.isIgnored(change.path.description) else { continue }
            groups[config.watch, default: []].append((change, config))
        }
        for (settings, members) in groups {
            var results = members.map(\.change.new)
            if !settings.fix.isEmpty {
                let fixer = NoteFixer(options: NoteFixer.Options(rules: RuleSelection(select: settings.fix)))
                let inputs = members.map { Linter.Input(path: fullPath($0.change.path.description), bytes: $0.change.new) }
                let rewrites = (try? fixer.fix(inputs, vaultRoot: root, configuration: configuration))?.rewrites ?? []
                let byPath = Dictionary(rewrites.map { (ExactPath($0.path), $0.result) }, uniquingKeysWith: { first, _ in first })
                for (index, input) in inputs.enumerated() {
                    // Fixes that would change only dates are not written.
                    if let result = byPath[ExactPath(input.path)], !DateBlindText.sameButDates(results[index], result) { results[index] = result }
                }
            }
            for ((change, config), var result) in zip(members, results) {
                let full = fullPath(change.path.description)
                if settings.dateModified, let old = change.old, !DateBlindText.sameButDates(old, change.new), let day = FileDates.modified(full) {
                    result = touched(result, path: full, day: day, configuration: config)
                }
                guard result != change.new else { continue }
                do {
                    try AtomicFile.write(Data(result), to: full, expectedOriginal: Data(change.new))
                } catch {
                    outcome.problems.append("\(error.description); fixed again at its next save")
                    continue
                }
                writes.append((change.path, result))
            }
        }
        // Many notes written (a checkout's worth of saves fixed at once): one reload, not an
        // update per note (each of which may run the vault rules again).
        let before = writes.count > reloadThreshold ? allFindings() : [:]
        for (path, result) in writes {
            written[path] = result
            record(path.description, bytes: result)
            outcome.written.append(path.description)
            if writes.count <= reloadThreshold { reported.formUnion(update(path, result, &outcome)) }
        }
        if writes.count > reloadThreshold { reported.formUnion(reload(since: before, &outcome)) }
        outcome.written.sort { ExactPath($0) < ExactPath($1) }
        return reported
    }

    /// Every note's findings now.
    private func allFindings() -> [ExactPath: [Finding]] {
        Dictionary(notes.keys.map { ($0, workspace.findings(for: $0.description)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Loads the vault again from the files; returns the notes whose findings differ from `before`.
    private func reload(since before: [ExactPath: [Finding]], _ outcome: inout Outcome) -> Set<ExactPath> {
        outcome.reloaded = true
        do {
            workspace = try Workspace(root: root, configuration: configuration)
        } catch {
            outcome.problems.append("\(root): \(error)")
        }
        return Set(Set(before.keys).union(notes.keys).filter { before[$0] ?? [] != workspace.findings(for: $0.description) })
    }

    /// `bytes` with `date_modified` set to `day`, when the note has that key (else unchanged).
    private func touched(_ bytes: [UInt8], path: String, day: String, configuration: Configuration) -> [UInt8] {
        guard case .success(let context) = Linter.parse(Linter.Input(path: path, bytes: bytes), configuration: configuration),
              let edits = NoteFixer(options: NoteFixer.Options(today: day)).touchEdit(context.note),
              let result = try? EditApplier.apply(edits.map(\.edit), to: bytes) else { return bytes }
        return result
    }

    private func update(_ path: ExactPath, _ bytes: [UInt8], _ outcome: inout Outcome) -> [ExactPath] {
        do {
            return try workspace.update(path.description, bytes: bytes).map(ExactPath.init)
        } catch {
            outcome.problems.append("\(fullPath(path.description)): \(error)")
            return []
        }
    }

    /// Remembers what the file at `path` holds now (nil: gone).
    private func record(_ path: String, bytes: [UInt8]?) {
        let key = ExactPath(path)
        if NoteFiles.isMarkdown(path) {
            notes[key] = bytes
            if bytes == nil { written[key] = nil; fixedFrom[key] = nil }
        } else if bytes == nil {
            others.remove(key)
        } else {
            others.insert(key)
        }
    }

    /// The bytes of the regular file at vault path `path` (symbolic links followed); nil when
    /// there is none.
    private func read(_ path: String) -> [UInt8]? {
        let full = fullPath(path)
        var status = stat()
        guard stat(full, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileManager.default.contents(atPath: full).map(Array.init)
    }
}
