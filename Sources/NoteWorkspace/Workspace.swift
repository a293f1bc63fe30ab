import Dispatch
import NoteLint
import NoteParser

/// A vault held in memory for tools that re-check one note at a time (`watch`, `lsp`): every
/// note parsed once, re-parsed alone on `update`, `remove` or `rename`, with its findings and
/// those of the vault rules kept per note. Findings are the ones `Linter` gives in a batch run
/// over the whole vault: the same passes (`checkNote`, the vault rules, `merge`) compute them.
/// A vault rule runs again only when what it reads from the changed note (its `VaultFacts`)
/// changed, and only the notes whose findings it changed are merged again.
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
    /// The vault rules' part of each note's findings (configured), by vault path.
    private var vault: [ExactPath: Linter.Checked] = [:]
    /// Each note's reported findings, by vault path.
    private var reported: [ExactPath: [Finding]] = [:]
    private let vaultRules: [any Rule]
    /// Each vault rule's findings at its last run (not configured), by the path findings name.
    private var ruleFindings: [[ExactPath: [Finding]]]
    /// What each vault rule read from each note (`Rule.vaultFacts`), by vault path.
    private var facts: [ExactPath: [VaultFacts?]] = [:]
    /// Each vault rule's keys (`Rule.vaultKeys`, `Rule.vaultLookups`): the notes holding and looking up each key.
    private var keys: [KeyIndex]
    /// The vault rules the last change ran, the notes it merged again, and how many notes each
    /// rule that ran read (every note for a rule without keys) (for tests).
    private(set) var lastRefresh: (rulesRun: [String], merged: Set<String>, notesRead: [String: Int]) = ([], [], [:])

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
        vaultRules = linter.vaultRules
        ruleFindings = vaultRules.map { _ in [:] }
        keys = vaultRules.map { _ in KeyIndex() }
        files = NoteFiles.vaultFiles(under: root)
        for index in vaultRules.indices { for file in files { keys[index].setFile(file, vaultRules[index], present: true) } }
        let notePaths = files.filter(NoteFiles.isMarkdown)
        let configurations = try notePaths.map { try configuration(Self.fullPath($0, root: root)) }
        let loaded = Array(zip(notePaths, configurations)).concurrentMap { path, config in
            Linter.parse(Linter.Input(path: Self.fullPath(path, root: root)), configuration: config).map { context in
                config.isIgnored(context.vaultPath) ? nil : Entry(context: context, checked: linter.checkNote(context))
            }
        }
        for (path, result) in zip(notePaths, loaded) {
            switch result {
            case .success(let entry?):
                notes[ExactPath(path)] = entry
                facts[ExactPath(path)] = vaultRules.map { $0.vaultFacts(entry.context) }
                for index in vaultRules.indices { keys[index].set(ExactPath(path), vaultRules[index], entry.context) }
            case .success(nil): break
            case .failure(let error): errors[ExactPath(path)] = error
            }
        }
        _ = refresh(rerun: vaultRules.indices.map { ($0, nil) }, merge: Set(notes.keys).union(errors.keys))
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
        let filesChanged = insertFile(path) ? [path] : []
        for index in vaultRules.indices where !filesChanged.isEmpty { keys[index].setFile(path, vaultRules[index], present: true) }
        guard NoteFiles.isMarkdown(path) else { return refresh(edited: [:], filesChanged: filesChanged) }
        let config = try configuration(input.path)
        let old = forget(key)
        switch Linter.parse(input, configuration: config) {
        case .success(let context):
            if !config.isIgnored(context.vaultPath) {
                notes[key] = Entry(context: context, checked: linter.checkNote(context))
                facts[key] = vaultRules.map { $0.vaultFacts(context) }
            }
        case .failure(let error):
            errors[key] = error
        }
        for index in vaultRules.indices { keys[index].set(key, vaultRules[index], notes[key]?.context) }
        return refresh(edited: [key: old], filesChanged: filesChanged)
    }

    /// The file at `path` is gone. Returns the notes whose findings changed, as `update` does
    /// (the removed note among them when it had findings).
    @discardableResult
    public func remove(_ path: String) -> [String] {
        let key = ExactPath(path)
        let count = files.count
        files.removeAll { ExactPath.same($0, path) }
        for index in vaultRules.indices where files.count != count { keys[index].setFile(path, vaultRules[index], present: false) }
        let old = forget(key)
        for index in keys.indices { keys[index].set(key, vaultRules[index], nil) }
        return refresh(edited: [key: old], filesChanged: files.count != count ? [path] : [])
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

    /// What a note was before a change: its facts (nil when it was no note) and, for each vault
    /// rule, the keys it held (empty for a rule without keys).
    private struct Before {
        var facts: [VaultFacts?]?
        var keys: [Set<String>]
    }

    /// Drops the note at `key` (a vault path), but not its keys, and returns what it was.
    private func forget(_ key: ExactPath) -> Before {
        let before = Before(facts: facts[key], keys: keys.map { $0.keys(of: key) })
        // The note's model is freed on another thread: freeing a large note's nodes one by one
        // would otherwise be part of the change's time.
        if let entry = notes.removeValue(forKey: key) { DispatchQueue.global(qos: .utility).async { _ = entry } }
        errors[key] = nil
        facts[key] = nil
        return before
    }

    /// After the notes of `edited` changed (each with what it was before) and the files of
    /// `filesChanged` came or went: runs again the vault rules that read something that changed
    /// (those without keys on any change of the files, those with file keys for the notes holding
    /// a changed file's keys), and merges again the edited notes and those whose vault findings
    /// changed. Returns the notes whose reported findings changed.
    private func refresh(edited: [ExactPath: Before], filesChanged: [String]) -> [String] {
        var rerun: [(rule: Int, affected: Set<ExactPath>?)] = []
        for (index, rule) in vaultRules.enumerated() {
            let changed = edited.filter { key, old in
                let new = facts[key]
                guard old.facts != nil || new != nil else { return false }
                guard let before = old.facts?[index], let after = new?[index] else { return true }
                return before != after
            }
            guard keys[index].isComplete else {
                if !changed.isEmpty || !filesChanged.isEmpty { rerun.append((index, nil)) }
                continue
            }
            // The notes whose findings may change: the changed notes, the notes looking up one of
            // their old or new keys, and those looking up a key of a file that came or went.
            var affected = Set(changed.keys)
            for (key, old) in changed { affected.formUnion(keys[index].readers(of: keys[index].keys(of: key).union(old.keys[index]))) }
            for file in filesChanged { affected.formUnion(keys[index].readers(of: rule.vaultFileKeys(file) ?? [])) }
            if !affected.isEmpty { rerun.append((index, affected)) }
        }
        return refresh(rerun: rerun, merge: Set(edited.keys))
    }

    /// Runs the vault rules of `rerun` (each over the notes whose findings may change; nil: over
    /// the whole vault) and merges again the notes of `merge` and those whose findings of a rule
    /// run changed. A rule with keys checks only the notes given, seeing the notes holding a key
    /// they look up. Returns the notes whose reported findings changed.
    private func refresh(rerun: [(rule: Int, affected: Set<ExactPath>?)], merge: Set<ExactPath>) -> [String] {
        var stale = merge
        var whole: VaultContext?
        // Rules with the same keys (the link rules) see the same notes: one context for them.
        var shared: (seen: Set<ExactPath>, affected: Set<ExactPath>, files: [String]?, vault: VaultContext)?
        var read: [String: Int] = [:]
        for (index, affected) in rerun {
            let now: [ExactPath: [Finding]]
            let checked: [ExactPath]
            if let affected {
                // Every note the affected notes' findings depend on.
                var seen = affected
                for key in affected { seen.formUnion(keys[index].holders(of: keys[index].lookups(of: key))) }
                // A rule with file keys sees the files holding a key the affected notes look up.
                let relevant = keys[index].files(holding: affected.reduce(into: Set<String>()) { $0.formUnion(keys[index].lookups(of: $1)) })
                if shared == nil || shared!.seen != seen || shared!.affected != affected || shared!.files != relevant {
                    let contexts = seen.compactMap { notes[$0]?.context }.sorted { ExactPath($0.vaultPath) < ExactPath($1.vaultPath) }
                    let linted = contexts.filter { affected.contains(ExactPath($0.vaultPath)) }
                    shared = (seen, affected, relevant, VaultContext(notes: contexts, files: relevant ?? files, linted: linted))
                }
                let vault = shared!.vault
                read[type(of: vaultRules[index]).description.id] = vault.notes.count
                // In report order: a rule may find in any order (tag-variants groups in a dictionary).
                let found = Finding.inReportOrder(vaultRules[index].check(vault: vault))
                let paths = Set(affected.map { ExactPath(fullPath($0.description)) })
                now = Dictionary(grouping: found.filter { paths.contains(ExactPath($0.path)) }) { ExactPath($0.path) }
                checked = Array(paths)
            } else {
                if whole == nil { whole = Linter.vault(notes.values.map(\.context), vaultFiles: files) }
                read[type(of: vaultRules[index]).description.id] = notes.count
                now = Dictionary(grouping: Finding.inReportOrder(vaultRules[index].check(vault: whole!))) { ExactPath($0.path) }
                checked = Array(Set(now.keys).union(ruleFindings[index].keys))
            }
            for path in checked where now[path] != ruleFindings[index][path] {
                stale.insert(ExactPath(VaultPath.relative(path.description, to: root)))
                ruleFindings[index][path] = now[path]
            }
        }
        lastRefresh = (rerun.map { type(of: vaultRules[$0.rule]).description.id }, Set(stale.map(\.description)), read)
        var changed: [String] = []
        for key in stale {
            let now: [Finding]
            if let entry = notes[key] {
                let path = ExactPath(entry.context.note.path)
                let checked = linter.checkVault(findings: ruleFindings.flatMap { $0[path] ?? [] }, of: entry.context)
                vault[key] = checked
                now = linter.merge([entry.context], [entry.checked, checked])
            } else {
                vault[key] = nil
                now = errors[key].map { [FileRule.finding(for: $0)] } ?? []
            }
            if now != reported[key] ?? [] { changed.append(key.description) }
            reported[key] = now.isEmpty ? nil : now
        }
        return changed.sorted { ExactPath($0) < ExactPath($1) }
    }

    /// Adds `path` to the vault's files; false when it was one already.
    @discardableResult
    private func insertFile(_ path: String) -> Bool {
        let index = files.firstIndex { !(ExactPath($0) < ExactPath(path)) } ?? files.endIndex
        if index < files.endIndex, ExactPath.same(files[index], path) { return false }
        files.insert(path, at: index)
        return true
    }

    private func fullPath(_ vaultPath: String) -> String { Self.fullPath(vaultPath, root: root) }

    /// The path of the note at `vaultPath` as a batch run names it.
    private static func fullPath(_ vaultPath: String, root: String) -> String {
        root == "." ? vaultPath : (root.hasSuffix("/") ? root : root + "/") + vaultPath
    }
}

/// The keys one vault rule gives each note (`Rule.vaultKeys`) and those each note looks up
/// (`Rule.vaultLookups`), the notes holding or looking up each key, and the files holding each
/// (`Rule.vaultFileKeys`).
private struct KeyIndex {
    private var held = Postings()
    /// The keys looked up, when a note looks up other keys than those it holds.
    private var lookedUp: Postings?
    /// The keys of each file, for a rule with file keys.
    private var fileKeys: Postings?
    /// Notes the rule gives no keys (nil): while there is one, the rule checks the whole vault.
    private var unkeyed: Set<ExactPath> = []
    /// Whether every note has keys (and a note's findings depend only on the notes holding a key it looks up).
    var isComplete: Bool { unkeyed.isEmpty }

    /// The keys `note` holds.
    func keys(of note: ExactPath) -> Set<String> { held.keys(of: note) }

    /// The keys `note` looks up.
    func lookups(of note: ExactPath) -> Set<String> { (lookedUp ?? held).keys(of: note) }

    /// The notes holding any of `keys`: those the findings of a note looking them up depend on.
    func holders(of keys: Set<String>) -> Set<ExactPath> { held.notes(with: keys) }

    /// The notes looking up any of `keys`: those whose findings a note holding them may change.
    func readers(of keys: Set<String>) -> Set<ExactPath> { (lookedUp ?? held).notes(with: keys) }

    /// For a rule with file keys (`Rule.vaultFileKeys`), the vault's files holding any of `keys`,
    /// sorted by bytes; nil for a rule without.
    func files(holding keys: Set<String>) -> [String]? {
        fileKeys.map { $0.notes(with: keys).sorted().map(\.description) }
    }

    /// The file at vault path `path` is in the vault (`present`) or not.
    mutating func setFile(_ path: String, _ rule: any Rule, present: Bool) {
        guard let keys = rule.vaultFileKeys(path) else { return }
        if fileKeys == nil { fileKeys = Postings() }
        fileKeys!.set(ExactPath(path), present ? keys : [])
    }

    /// The note at `note` is now `context` (nil: gone, or not a note the rules see).
    mutating func set(_ note: ExactPath, _ rule: any Rule, _ context: NoteContext?) {
        let keys: Set<String>? = if let context { rule.vaultKeys(context) } else { [] }
        if keys == nil { unkeyed.insert(note) } else if !unkeyed.isEmpty { unkeyed.remove(note) }
        held.set(note, keys ?? [])
        if let lookups = context.flatMap(rule.vaultLookups) {
            if lookedUp == nil { lookedUp = held }
            lookedUp!.set(note, lookups)
        } else {
            lookedUp?.set(note, keys ?? [])
        }
    }

    /// Keys by note (or file) and notes by key.
    private struct Postings {
        private var byNote: [ExactPath: Set<String>] = [:]
        private var byKey: [String: Set<ExactPath>] = [:]

        func keys(of note: ExactPath) -> Set<String> { byNote[note] ?? [] }

        func notes(with keys: Set<String>) -> Set<ExactPath> {
            keys.reduce(into: Set<ExactPath>()) { $0.formUnion(byKey[$1] ?? []) }
        }

        mutating func set(_ note: ExactPath, _ new: Set<String>) {
            let old = byNote[note] ?? []
            guard old != new else { return }
            for key in old where !new.contains(key) {
                byKey[key]?.remove(note)
                if byKey[key]?.isEmpty == true { byKey[key] = nil }
            }
            for key in new where !old.contains(key) { byKey[key, default: []].insert(note) }
            byNote[note] = new.isEmpty ? nil : new
        }
    }
}
