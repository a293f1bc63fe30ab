import Foundation
import NoteParser

/// What `notekit lint` keeps between runs, as ruff does: each note's note-rule findings (with
/// the suppressions they used), what the vault rules read from it (`VaultFacts`) and found
/// about it, and its reported findings, by its content and configuration; and the whole report
/// of the last run by everything it read, with the source lines it quotes. An unchanged vault
/// is not parsed again; after some notes changed, only they are parsed when what the vault rules
/// read from them did not change, else every note is parsed and only the changed ones run the
/// note rules again. Written atomically when the run ends; entries of notes the run did not see
/// are dropped. A file that cannot be read as a cache (damaged: a checksum differs; another
/// version) is an empty cache.
///
/// The file: a header (magic, version, the checksum and length of the index), the index (the
/// last run's report but for its notes' parts; each note's path, key, stamp, and the hash and
/// length of its entry), the report's part about each note linted (its findings and quoted
/// lines, checked with the index), then the entries, which are neither copied nor decoded nor
/// checked until a run asks for one. Parts kept are written back from the old file's bytes.
public final class LintCache: @unchecked Sendable {
    /// The cache file.
    public let path: String
    private let version: String
    /// The stamp of the cache file when it was read (nil: there was none), to write it only if
    /// nobody else did meanwhile.
    private let original: FileStamp?
    /// The cache file's bytes when it was read (empty: there was none), which the entries
    /// read from it are slices of.
    private var file: [UInt8] = []
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

    private static let magic = "notekit lint cache 7"

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
    /// read (if settled), and the rest as written in the file (`body`, checked against
    /// `bodyHash` when decoded).
    struct StoredEntry {
        let key: ContentHash
        var content: ContentHash?
        var stamp: FileStamp?
        let body: ArraySlice<UInt8>
        let bodyHash: ContentHash
        /// Whether `body` is a slice of the cache file read (`LintCache.file`).
        let inFile: Bool

        init(key: ContentHash, content: ContentHash? = nil, stamp: FileStamp? = nil, body: ArraySlice<UInt8>, bodyHash: ContentHash,
             inFile: Bool = false) {
            self.key = key
            self.content = content
            self.stamp = stamp
            self.body = body
            self.bodyHash = bodyHash
            self.inFile = inFile
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
                if let facts { writer.hash(ContentHash(value: facts.value)) }
            }
            writer.int(entry.vault == nil ? 0 : 1)
            if let vault = entry.vault { writer.findings(vault) }
            writer.int(entry.reported == nil ? 0 : 1)
            if let reported = entry.reported { writer.findings(reported) }
            self.init(key: entry.key, body: writer.bytes[...], bodyHash: ContentHash(writer.bytes))
        }

        /// The entry of the note at `path`; nil when the bytes are not one (damaged).
        func entry(_ path: String) -> NoteEntry? {
            guard ContentHash(body) == bodyHash else { return nil }
            var reader = CacheReader(body)
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
                    guard let value = reader.hash() else { return nil }
                    facts.append(VaultFacts(value: value.value))
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
        let errors: [NoteError]
        /// What it reported about each note linted, once per path, sorted by path: their
        /// findings in this order are the report's.
        let reports: [NoteReport]

        /// Every finding of the report; nil when a note's are damaged.
        func findings() -> [Finding]? {
            var findings: [Finding] = []
            for report in reports {
                guard let found = report.findings() else { return nil }
                findings += found
            }
            return findings
        }
    }

    /// What a run reported about one note: its findings and the lines they quote (nil when its
    /// source was not at hand), encoded as the file holds them, so that a run copies those of
    /// an unchanged note without encoding them again.
    struct NoteReport {
        let path: String
        let encodedFindings: ArraySlice<UInt8>
        /// What `Excerpts.encoded(quoting:from:)` gave.
        let quoted: ArraySlice<UInt8>?
        /// Whether both are slices of the cache file read (`LintCache.file`).
        let inFile: Bool

        init(path: String, encodedFindings: ArraySlice<UInt8>, quoted: ArraySlice<UInt8>?, inFile: Bool = false) {
            (self.path, self.encodedFindings, self.quoted, self.inFile) = (path, encodedFindings, quoted, inFile)
        }

        /// The report of `findings` about the note at `path`, quoting its `source` when at hand.
        init(path: String, findings: [Finding], source: SourceText?) {
            var writer = CacheWriter()
            writer.findings(findings, of: path)
            self.init(path: path, encodedFindings: writer.bytes[...], quoted: source.map { Excerpts.encoded(quoting: findings, from: $0)[...] })
        }

        /// The findings; nil when the bytes are not findings about the note.
        func findings() -> [Finding]? {
            var reader = CacheReader(encodedFindings)
            guard let findings = reader.findings(of: path), reader.isAtEnd else { return nil }
            return findings
        }
    }

    /// The cache in the file at `path`, for results of notekit `version` (its version and commit).
    public init(path: String, version: String) {
        self.path = path
        self.version = version
        original = FileStamp(of: path)
        guard original != nil, let file = try? FileReader.bytes(at: path, maxBytes: Int(Int32.max)) else { return }
        var reader = CacheReader(file[...])
        guard reader.string() == Self.magic, reader.string() == version, let checksum = reader.hash(),
              let length = reader.count(), let index = reader.raw(length) else { return }
        var indexReader = CacheReader(index)
        guard let (notes, run) = Self.read(&indexReader, entries: &reader), Self.checksum(index, run) == checksum else { return }
        self.notes = notes
        self.run = run
        self.file = file
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

    /// Whether `bytes` are those the key of the note at `path` was made from this run.
    func holdsContent(_ path: String, of bytes: [UInt8]) -> Bool {
        let content = ContentHash(bytes)
        lock.lock()
        defer { lock.unlock() }
        return reads[path]?.content == content
    }

    /// True when the cache holds an entry for the note at `path`, whatever its key.
    func knows(_ path: String) -> Bool { notes[path] != nil }

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

    /// Writes what this run kept (the notes it saw and its report) atomically, when it changed;
    /// a cache that cannot be written (a read-only vault, another run writing at once) is left
    /// as it was. Entries kept as the file held them are copied, not encoded again.
    public func save() {
        guard changed || kept.count != notes.count else { return }
        var index = CacheWriter(capacity: 64 * (kept.count + 2 * (run?.linted.count ?? 0)))
        let sorted = kept.map { (ExactPath($0.key), $0.key, $0.value) }.sorted { $0.0 < $1.0 }
        index.int(run == nil ? 0 : 1)
        if let run {
            index.hash(run.key)
            index.hash(run.shape)
            index.int(run.linted.count)
            for path in run.linted { index.string(path) }
            index.int(run.errors.count)
            for error in run.errors { index.error(error) }
            index.int(run.reports.count)
            for report in run.reports {
                index.string(report.path)
                index.int(report.encodedFindings.count)
                index.int(report.quoted == nil ? 0 : 1)
                if let quoted = report.quoted { index.int(quoted.count) }
            }
        }
        index.int(sorted.count)
        for (_, path, entry) in sorted {
            index.string(path)
            index.hash(entry.key)
            index.int(entry.content == nil ? 0 : 1)
            if let content = entry.content { index.hash(content) }
            index.stamp(entry.stamp)
            index.hash(entry.bodyHash)
            index.int(entry.body.count)
        }
        var header = CacheWriter()
        header.string(Self.magic)
        header.string(version)
        header.hash(Self.checksum(index.bytes[...], run))
        header.int(index.bytes.count)
        // The reports, then the entries: those kept as the old file holds them are written from
        // it, those next to each other there at once.
        var parts = [header.bytes[...], index.bytes[...]]
        var lastInFile = false
        func add(_ bytes: ArraySlice<UInt8>, inFile: Bool) {
            if inFile, lastInFile, let last = parts.last, last.endIndex == bytes.startIndex {
                parts[parts.count - 1] = file[last.startIndex..<bytes.endIndex]
            } else {
                parts.append(bytes)
            }
            lastInFile = inFile
        }
        for report in run?.reports ?? [] {
            add(report.encodedFindings, inFile: report.inFile)
            if let quoted = report.quoted { add(quoted, inFile: report.inFile) }
        }
        for (_, _, entry) in sorted { add(entry.body, inFile: entry.inFile) }
        guard CacheFile.makeFolder(of: path) else { return }
        CacheFile.replace(path, with: parts, ifStill: original)
    }

    private static func read(_ index: inout CacheReader, entries: inout CacheReader) -> ([String: StoredEntry], RunEntry?)? {
        var run: RunEntry?
        switch index.int() {
        case 0: break
        case 1:
            guard let key = index.hash(), let shape = index.hash(), let lintedCount = index.count() else { return nil }
            var linted: [String] = []
            linted.reserveCapacity(lintedCount)
            for _ in 0..<lintedCount {
                guard let path = index.string() else { return nil }
                linted.append(path)
            }
            guard let errorCount = index.count() else { return nil }
            var errors: [NoteError] = []
            for _ in 0..<errorCount {
                guard let error = index.error() else { return nil }
                errors.append(error)
            }
            guard let reportCount = index.count(minimumSize: 3) else { return nil }
            var reports: [NoteReport] = []
            reports.reserveCapacity(reportCount)
            for _ in 0..<reportCount {
                guard let path = index.string(), let length = index.int(), let findings = entries.raw(length) else { return nil }
                guard let quotedLength = index.optional({ $0.int() }) else { return nil }
                var quoted: ArraySlice<UInt8>?
                if let quotedLength {
                    guard let lines = entries.raw(quotedLength) else { return nil }
                    quoted = lines
                }
                reports.append(NoteReport(path: path, encodedFindings: findings, quoted: quoted, inFile: true))
            }
            run = RunEntry(key: key, shape: shape, linted: linted, errors: errors, reports: reports)
        default: return nil
        }
        guard let count = index.count() else { return nil }
        var notes: [String: StoredEntry] = [:]
        notes.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = index.string(), let key = index.hash(), let content = index.optional({ $0.hash() }),
                  let stamp = index.stamp() else { return nil }
            guard let bodyHash = index.hash(), let length = index.int(), let body = entries.raw(length) else { return nil }
            notes[path] = StoredEntry(key: key, content: content, stamp: stamp, body: body, bodyHash: bodyHash, inFile: true)
        }
        return index.isAtEnd && entries.isAtEnd ? (notes, run) : nil
    }

    /// The checksum of the file: the hash of the index and of the run's reports, which follow it.
    private static func checksum(_ index: ArraySlice<UInt8>, _ run: RunEntry?) -> ContentHash {
        var hash = ContentHash(index)
        for report in run?.reports ?? [] {
            hash.combine(ContentHash(report.encodedFindings))
            if let quoted = report.quoted { hash.combine(ContentHash(quoted)) }
        }
        return hash
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
