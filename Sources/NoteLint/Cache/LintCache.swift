import Foundation
import NoteParser

/// What `notekit lint` keeps between runs, as ruff does: each note's note-rule findings (with
/// the suppressions they used), what the vault rules read from it (`VaultFacts`) and found
/// about it, and its reported findings, by its content and configuration; and the whole report
/// of the last run by everything it read. An unchanged vault is not parsed again; after some
/// notes changed, only they are parsed when what the vault rules read from them did not change,
/// else every note is parsed and only the changed ones run the note rules again. Written atomically when the run
/// ends; entries of notes the run did not see are dropped. A file that cannot be read as a
/// cache (damaged: its checksum differs; another version) is an empty cache.
public final class LintCache: @unchecked Sendable {
    /// The cache file.
    public let path: String
    private let version: String
    private let original: Data?
    /// Each note's entry as the file holds it, read only when asked for: a run over an
    /// unchanged vault reads none of them.
    private var notes: [String: StoredEntry] = [:]
    private var run: RunEntry?
    private var kept: [String: StoredEntry] = [:]
    private var fingerprints: [String: ContentHash] = [:]
    /// The hash of each note's bytes read or known by its stamp this run, with its stamp when settled.
    private var reads: [String: (content: ContentHash, stamp: FileStamp?)] = [:]
    /// When this run began (before it looked at any note), for `FileStamp.isSettled(before:)`.
    private let started = FileStamp.now()
    /// Whether this run kept something the file does not hold (pruned entries are found at `save`).
    private var changed = false
    private let lock = NSLock()

    private static let magic = "notekit lint cache 5"

    struct NoteEntry {
        let key: ContentHash
        /// The note rules' findings; nil for a note read for the vault rules only.
        var checked: Linter.Checked?
        /// What each vault rule read from the note.
        var facts: [VaultFacts?]
        /// The vault rules' findings about the note, not configured; nil when it was read for
        /// the vault rules only (they may not have looked at all of it).
        var vault: [Finding]?
        /// The findings reported about the note when it was linted.
        var reported: [Finding]?
    }

    /// A note's entry: its key, the hash of its bytes and the stamp of its file when they were
    /// read (if settled), and the rest as written in the file.
    struct StoredEntry {
        let key: ContentHash
        var content: ContentHash?
        var stamp: FileStamp?
        let bytes: [UInt8]

        init(key: ContentHash, content: ContentHash? = nil, stamp: FileStamp? = nil, bytes: [UInt8]) {
            self.key = key
            self.content = content
            self.stamp = stamp
            self.bytes = bytes
        }

        init(_ entry: NoteEntry) {
            var writer = CacheWriter()
            writer.int(entry.checked == nil ? 0 : 1)
            if let checked = entry.checked {
                writer.findings(checked.findings)
                let uses = checked.uses.values.first ?? []
                writer.int(uses.count)
                for use in uses.sorted(by: { ($0.directive, $0.rule ?? "") < ($1.directive, $1.rule ?? "") }) {
                    writer.int(use.directive)
                    writer.optional(use.rule)
                }
            }
            writer.int(entry.facts.count)
            for facts in entry.facts {
                writer.int(facts == nil ? 0 : 1)
                if let facts { writer.int(Int(bitPattern: UInt(facts.value))) }
            }
            writer.int(entry.vault == nil ? 0 : 1)
            if let vault = entry.vault { writer.findings(vault) }
            writer.int(entry.reported == nil ? 0 : 1)
            if let reported = entry.reported { writer.findings(reported) }
            self.init(key: entry.key, bytes: writer.bytes)
        }

        /// The entry of the note at `path`; nil when the bytes are not one.
        func entry(_ path: String) -> NoteEntry? {
            var reader = CacheReader(bytes)
            guard let hasChecked = reader.int() else { return nil }
            var checked: Linter.Checked?
            if hasChecked == 1 {
                guard let findings = reader.findings(), let useCount = reader.count(minimumSize: 16) else { return nil }
                var uses = Set<Suppressions.Use>()
                for _ in 0..<useCount {
                    guard let directive = reader.int(), let rule = reader.optional() else { return nil }
                    uses.insert(Suppressions.Use(directive: directive, rule: rule))
                }
                checked = Linter.Checked(findings: findings, uses: uses.isEmpty ? [:] : [ExactPath(path): uses])
            } else if hasChecked != 0 {
                return nil
            }
            guard let factCount = reader.count() else { return nil }
            var facts: [VaultFacts?] = []
            for _ in 0..<factCount {
                switch reader.int() {
                case 0: facts.append(nil)
                case 1:
                    guard let value = reader.int() else { return nil }
                    facts.append(VaultFacts(value: UInt64(UInt(bitPattern: value))))
                default: return nil
                }
            }
            guard let hasVault = reader.int(), hasVault == 0 || hasVault == 1 else { return nil }
            var vault: [Finding]?
            if hasVault == 1 {
                guard let findings = reader.findings() else { return nil }
                vault = findings
            }
            guard let hasReported = reader.int(), hasReported == 0 || hasReported == 1 else { return nil }
            var reported: [Finding]?
            if hasReported == 1 {
                guard let findings = reader.findings() else { return nil }
                reported = findings
            }
            guard reader.isAtEnd else { return nil }
            return NoteEntry(key: key, checked: checked, facts: facts, vault: vault, reported: reported)
        }
    }

    /// The report of a run, by the hash of all it read.
    struct RunEntry {
        let key: ContentHash
        /// The paths of the notes it read and the vault's files (see `Linter.shape`).
        let shape: ContentHash
        /// The notes linted (not ignored, not failed), whose source text the reporters quote.
        let linted: [String]
        let findings: [Finding]
        let errors: [NoteError]
    }

    /// The cache in the file at `path`, for results of notekit `version` (its version and commit).
    public init(path: String, version: String) {
        self.path = path
        self.version = version
        original = FileManager.default.contents(atPath: path)
        guard let original else { return }
        var reader = CacheReader(Array(original))
        guard reader.string() == Self.magic, reader.string() == version, let checksum = reader.int(),
              UInt64(UInt(bitPattern: checksum)) == reader.rest.value, let (notes, run) = Self.read(&reader) else { return }
        self.notes = notes
        self.run = run
    }

    /// The cache file of the vault at `root`: `.notekit_cache/lint.cache` in it, or under
    /// `$XDG_CACHE_HOME/notekit/` (a folder per vault) when that is set to an absolute path.
    public static func file(forVault root: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        CacheFolder.file("lint.cache", forVault: root, environment: environment)
    }

    /// The key of the note at `path`: its bytes and everything its configuration says. `stamp`
    /// is its file's, taken before the bytes were read (nil for bytes not read from a file).
    func key(_ path: String, bytes: [UInt8], stamp: FileStamp?, configuration: Configuration) -> ContentHash {
        let content = ContentHash(bytes)
        record(path, content: content, stamp: stamp.flatMap { $0.isSettled(before: started) ? $0 : nil })
        var key = content
        key.combine(fingerprint(configuration))
        return key
    }

    /// The key of the note at `path` without reading it: when its file's stamp is the one cached
    /// with the hash of its bytes, those bytes are taken to be unchanged. Nil otherwise.
    func key(unread path: String, stamp: FileStamp, configuration: Configuration) -> ContentHash? {
        guard let stored = notes[path], stored.stamp == stamp, let content = stored.content else { return nil }
        record(path, content: content, stamp: stamp)
        var key = content
        key.combine(fingerprint(configuration))
        return key
    }

    private func record(_ path: String, content: ContentHash, stamp: FileStamp?) {
        lock.lock()
        reads[path] = (content, stamp)
        lock.unlock()
    }

    /// True when the cache holds an entry for the note at `path` with `key`.
    func holds(_ path: String, key: ContentHash) -> Bool { notes[path]?.key == key }

    /// `entry` with how the note at `path` was read this run.
    private func stamped(_ path: String, _ entry: StoredEntry) -> StoredEntry {
        var entry = entry
        (entry.content, entry.stamp) = reads[path].map { ($0.content, $0.stamp) } ?? (nil, nil)
        return entry
    }

    /// The note-rule findings of the note at `path` with `key`, when cached.
    func checked(_ path: String, key: ContentHash) -> Linter.Checked? {
        guard let stored = notes[path], stored.key == key else { return nil }
        return stored.entry(path)?.checked
    }

    /// What the cache holds about the note at `path`, whatever its key.
    func entry(_ path: String) -> NoteEntry? { notes[path]?.entry(path) }

    /// The report of a run that read exactly what `key` hashes.
    func report(_ key: ContentHash) -> RunEntry? { run?.key == key ? run : nil }

    /// The report of the last run.
    var lastRun: RunEntry? { run }

    /// Keeps what a run found about the note at `path` for the next run.
    func keep(_ path: String, _ entry: NoteEntry) {
        lock.lock()
        kept[path] = stamped(path, StoredEntry(entry))
        if notes[path]?.key != entry.key || notes[path]?.stamp != kept[path]?.stamp { changed = true }
        lock.unlock()
    }

    /// Keeps what the cache holds about a note that was read but not linted, while it is valid.
    func keepIfValid(_ path: String, key: ContentHash) {
        guard let entry = notes[path], entry.key == key else { return }
        lock.lock()
        kept[path] = stamped(path, entry)
        if kept[path]?.stamp != entry.stamp { changed = true }
        lock.unlock()
    }

    /// Keeps the report of this run.
    func keep(_ report: RunEntry) {
        if run?.key != report.key { changed = true }
        run = report
    }

    /// Writes what this run kept (the notes it saw and its report) atomically; a cache that
    /// cannot be written (a read-only vault, another run writing at once) is left as it was.
    public func save() {
        guard changed || kept.count != notes.count else { return }
        var writer = CacheWriter()
        writer.int(kept.count)
        for (_, path, entry) in kept.map({ (ExactPath($0.key), $0.key, $0.value) }).sorted(by: { $0.0 < $1.0 }) {
            writer.string(path)
            writer.int(Int(bitPattern: UInt(entry.key.value)))
            writer.int(entry.content == nil ? 0 : 1)
            if let content = entry.content { writer.int(Int(bitPattern: UInt(content.value))) }
            writer.int(entry.stamp == nil ? 0 : 1)
            if let stamp = entry.stamp {
                for value in [stamp.size, stamp.modified, stamp.changed, Int64(bitPattern: stamp.device), Int64(bitPattern: stamp.inode)] {
                    writer.int(Int(value))
                }
            }
            writer.block(entry.bytes)
        }
        writer.int(run == nil ? 0 : 1)
        if let run {
            writer.int(Int(bitPattern: UInt(run.key.value)))
            writer.int(Int(bitPattern: UInt(run.shape.value)))
            writer.int(run.linted.count)
            for path in run.linted { writer.string(path) }
            writer.findings(run.findings)
            writer.int(run.errors.count)
            for error in run.errors { writer.error(error) }
        }
        var header = CacheWriter()
        header.string(Self.magic)
        header.string(version)
        header.int(Int(bitPattern: UInt(ContentHash(writer.bytes).value)))
        var data = Data(capacity: header.bytes.count + writer.bytes.count)
        data.append(contentsOf: header.bytes)
        data.append(contentsOf: writer.bytes)
        let folder = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
            // As ruff's cache: ignored by git, and marked as a cache for backup tools.
            if (folder as NSString).lastPathComponent == ".notekit_cache" {
                _ = FileManager.default.createFile(atPath: folder + "/.gitignore", contents: Data("# Created by notekit.\n*\n".utf8))
                _ = FileManager.default.createFile(atPath: folder + "/CACHEDIR.TAG",
                                               contents: Data("Signature: 8a477f597d28d172789f06886806bc55\n# notekit lint cache\n".utf8))
            }
        }
        try? AtomicFile.write(data, to: path, expectedOriginal: original)
    }

    private static func read(_ reader: inout CacheReader) -> ([String: StoredEntry], RunEntry?)? {
        guard let count = reader.count() else { return nil }
        var notes: [String: StoredEntry] = [:]
        for _ in 0..<count {
            guard let path = reader.string(), let key = reader.int(), let hasContent = reader.int() else { return nil }
            var content: ContentHash?
            switch hasContent {
            case 0: break
            case 1:
                guard let value = reader.int() else { return nil }
                content = ContentHash(value: UInt64(UInt(bitPattern: value)))
            default: return nil
            }
            var stamp: FileStamp?
            switch reader.int() {
            case 0: break
            case 1:
                guard let size = reader.int(), let modified = reader.int(), let changed = reader.int(), let device = reader.int(),
                      let inode = reader.int() else { return nil }
                stamp = FileStamp(size: Int64(size), modified: Int64(modified), changed: Int64(changed),
                                  device: UInt64(bitPattern: Int64(device)), inode: UInt64(bitPattern: Int64(inode)))
            default: return nil
            }
            guard let bytes = reader.block() else { return nil }
            notes[path] = StoredEntry(key: ContentHash(value: UInt64(UInt(bitPattern: key))), content: content, stamp: stamp, bytes: bytes)
        }
        var run: RunEntry?
        switch reader.int() {
        case 0: break
        case 1:
            guard let key = reader.int(), let shape = reader.int(), let lintedCount = reader.count() else { return nil }
            var linted: [String] = []
            for _ in 0..<lintedCount {
                guard let path = reader.string() else { return nil }
                linted.append(path)
            }
            guard let findings = reader.findings(), let errorCount = reader.count() else { return nil }
            var errors: [NoteError] = []
            for _ in 0..<errorCount {
                guard let error = reader.error() else { return nil }
                errors.append(error)
            }
            run = RunEntry(key: ContentHash(value: UInt64(UInt(bitPattern: key))), shape: ContentHash(value: UInt64(UInt(bitPattern: shape))),
                           linted: linted, findings: findings, errors: errors)
        default: return nil
        }
        return reader.isAtEnd ? (notes, run) : nil
    }

    /// Everything `configuration` says, hashed once per configuration file (or the defaults).
    private func fingerprint(_ configuration: Configuration) -> ContentHash {
        let name = (configuration.path ?? "") + "\u{0}" + configuration.root
        lock.lock()
        defer { lock.unlock() }
        if let known = fingerprints[name] { return known }
        let hash = ContentHash(Array(configuration.canonical.utf8))
        fingerprints[name] = hash
        return hash
    }
}
