import Foundation
import NoteParser

/// What `notekit lint` keeps between runs, as ruff does: each note's note-rule findings (with
/// the suppressions they used), what the vault rules read from it (`VaultFacts`) and found
/// about it, and its reported findings, by its content and configuration; and the whole report
/// of the last run by everything it read, with the source lines it quotes. An unchanged vault
/// is not parsed again; after some notes changed, only they are parsed when what the vault rules
/// read from them did not change, else every note is parsed and only the changed ones run the
/// note rules again. Written atomically when the run ends (what the run encodes waits in a spill
/// file beside it, not in memory); entries of notes the run did not see
/// are dropped. A file that cannot be read as a cache (damaged: a checksum differs; another
/// version) is an empty cache.
///
/// The file: a header (magic, version, the checksum and length of the index), the index (the
/// last run's report but for its notes' parts, and the hash of their quoted lines; each note's
/// path, key, stamp, and the hash and length of its entry), the report's findings about each
/// note linted (checked with the index), the lines they quote, then the entries. A run reads
/// the file up to the findings; the quoted lines (checked by their hash) and the entries
/// (each checked by its own when decoded) are read only when the run asks for some of them
/// (`File`): a run over an unchanged vault that quotes no lines reads a third of the file.
/// Parts kept are written back from the old file's bytes.
public final class LintCache: @unchecked Sendable {
    /// The cache file.
    public let path: String
    private let version: String
    /// The stamp of the cache file when it was read (nil: there was none), to write it only if
    /// nobody else did meanwhile.
    private let original: FileStamp?
    /// What the file holds, read on a thread of its own from `init` on (while the run finds its
    /// notes' configurations), waited for where first needed.
    private var held = Held()
    private let reading = DispatchGroup()
    /// The cache file read (nil: there was none, or it was no cache).
    private var file: File? { reading.wait(); return held.file }
    /// The report's findings as the file holds them, which the reports read are slices of.
    private var reportBytes: [UInt8] { reading.wait(); return held.reportBytes }
    /// Each note's entry as the file holds it, read only when asked for: a run over an
    /// unchanged vault reads none of them.
    private var notes: [String: StoredEntry] { reading.wait(); return held.notes }
    private var run: RunEntry? {
        get { reading.wait(); return held.run }
        set { reading.wait(); held.run = newValue }
    }
    private var kept: [String: StoredEntry] = [:]
    /// Where the entries and quoted lines kept this run are written as they are encoded
    /// (`keep(_:_:)`, `report(_:findings:source:)`); nil before the first, or when it could not be made.
    private var spill: File?
    private var spillTried = false
    private var fingerprints: [String: ContentHash] = [:]
    /// The hash of each note's bytes read this run, with its stamp when settled (a note known by
    /// its stamp, `key(unread:stamp:configuration:)`, is as the cache holds it).
    private var reads: [String: (content: ContentHash, stamp: FileStamp?)] = [:]
    /// When this run began (before it looked at any note), for `FileStamp.isSettled(before:)`.
    private let started = FileStamp.now()
    /// Whether this run kept something the file does not hold (pruned entries are found at `save`).
    private var changed = false
    /// Whether this run kept every entry as the file holds it but those it kept anew
    /// (`keepUnchanged(_:)` with no other note read).
    private var keptAll = false
    private let lock = NSLock()

    private static let magic = "notekit lint cache 8"

    /// What a cache file holds.
    private struct Held {
        var file: File?
        var reportBytes: [UInt8] = []
        var notes: [String: StoredEntry] = [:]
        var run: RunEntry?
    }

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
        let body: Part
        let bodyHash: ContentHash

        init(key: ContentHash, content: ContentHash? = nil, stamp: FileStamp? = nil, body: Part, bodyHash: ContentHash) {
            self.key = key
            self.content = content
            self.stamp = stamp
            self.body = body
            self.bodyHash = bodyHash
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
            self.init(key: entry.key, body: .own(writer.bytes[...]), bodyHash: ContentHash(writer.bytes))
        }

        /// The entry of the note at `path`; nil when the bytes are not one (damaged).
        func entry(_ path: String) -> NoteEntry? {
            guard let body = body.entryBytes, ContentHash(body) == bodyHash else { return nil }
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
            // Each note's findings begin with their count: the array is made once.
            findings.reserveCapacity(reports.reduce(0) { count, report in
                var reader = CacheReader(report.encodedFindings)
                return count + max(0, min(reader.int() ?? 0, report.encodedFindings.count / 13))
            })
            for report in reports {
                guard report.decode(into: &findings) else { return nil }
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
        let quotedPart: Part?
        /// Whether `encodedFindings` is a slice of the report's findings read (`LintCache.reportBytes`).
        let inFile: Bool

        init(path: String, encodedFindings: ArraySlice<UInt8>, quoted: Part?, inFile: Bool = false) {
            (self.path, self.encodedFindings, self.quotedPart, self.inFile) = (path, encodedFindings, quoted, inFile)
        }

        /// The report of `findings` about the note at `path`, quoting its `source` when at hand.
        init(path: String, findings: [Finding], source: SourceText?) {
            var writer = CacheWriter()
            writer.findings(findings, of: path)
            self.init(path: path, encodedFindings: writer.bytes[...], quoted: source.map { .own(Excerpts.encoded(quoting: findings, from: $0)[...]) })
        }

        /// The quoted lines; nil when there are none, or the cache file's cannot be read.
        var quoted: ArraySlice<UInt8>? { quotedPart?.quotedBytes }

        /// The findings; nil when the bytes are not findings about the note.
        func findings() -> [Finding]? {
            var findings: [Finding] = []
            return decode(into: &findings) ? findings : nil
        }

        /// Appends the findings to `findings` (decoded in place, as `CacheReader.findings(of:)`
        /// does, not copied from an array of their own); false when the bytes are not findings
        /// about the note (`findings` is then partly appended to).
        func decode(into findings: inout [Finding]) -> Bool {
            var reader = CacheReader(encodedFindings)
            // A finding takes at least 13 bytes (six positions, four strings, a flag).
            guard let count = reader.count(minimumSize: 13) else { return false }
            var previous = path
            for _ in 0..<count {
                guard let finding = reader.finding(previousPath: previous) else { return false }
                previous = finding.path
                findings.append(finding)
            }
            return reader.isAtEnd
        }
    }

    /// The cache in the file at `path`, for results of notekit `version` (its version and commit).
    public init(path: String, version: String) {
        self.path = path
        self.version = version
        original = FileStamp(of: path)
        guard original != nil else { return }
        // A thread of its own, not a queue's: a queue's threads may all be waiting for it.
        reading.enter()
        Thread { [self] in
            held = Self.read(path, version: version)
            reading.leave()
        }.start()
    }

    /// What the cache file at `path` holds for results of notekit `version`: nothing when it is no
    /// such cache (damaged, cut short, another version's).
    private static func read(_ path: String, version: String) -> Held {
        guard let file = File(path: path), let head = file.read(0..<min(file.size, 4096)) else { return Held() }
        var reader = CacheReader(head[...])
        guard reader.string() == Self.magic, reader.string() == version, let checksum = reader.hash(), let length = reader.int(),
              length >= 0, length <= file.size - reader.index, let start = file.read(0..<(reader.index + length)) else { return Held() }
        let index = start[reader.index...]
        var indexReader = CacheReader(index)
        guard let read = Self.read(&indexReader, at: index.endIndex, of: file), read.end == file.size,
              let reportBytes = file.read(index.endIndex..<read.findingsEnd) else { return Held() }
        let run = read.run.map { run in
            RunEntry(key: run.key, shape: run.shape, linted: run.linted, errors: run.errors, reports: run.reports.map { report in
                NoteReport(path: report.path, encodedFindings: reportBytes[(report.findings.lowerBound - index.endIndex)..<(report.findings.upperBound - index.endIndex)],
                           quoted: report.quoted.map { .file($0, file) }, inFile: true)
            })
        }
        guard Self.checksum(index, run) == checksum else { return Held() }
        file.quoted = read.run.map { (parts: $0.reports.compactMap(\.quoted), hash: $0.quotedHash) }
        return Held(file: file, reportBytes: reportBytes, notes: read.notes, run: run)
    }

    /// The cache file of the vault at `root`: `.notekit_cache/lint.cache` in it, or under
    /// `$XDG_CACHE_HOME/notekit/` (a folder per vault) when that is set to an absolute path.
    public static func file(forVault root: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        CacheFolder.file("lint.cache", forVault: root, environment: environment)
    }

    /// The key of the note at `path`: its bytes, everything its configuration says, what its parse
    /// scans and the rules reported (`Linter.reporting`: a run reporting fewer rules scans less and
    /// reports less). `stamp` is its file's, taken before the bytes were read (nil for bytes not
    /// read from a file).
    func key(_ path: String, bytes: [UInt8], stamp: FileStamp?, configuration: Configuration, scans: NoteParser.Scans,
             reporting: RuleSelection?) -> ContentHash {
        let content = ContentHash(bytes)
        record(path, content: content, stamp: stamp.flatMap { $0.isSettled(before: started) ? $0 : nil })
        return key(content, configuration: configuration, scans: scans, reporting: reporting)
    }

    /// The key of the note at `path` without reading it: when its file's stamp is the one cached
    /// with the hash of its bytes, those bytes are taken to be unchanged. Nil otherwise.
    func key(unread path: String, stamp: FileStamp, configuration: Configuration, scans: NoteParser.Scans,
             reporting: RuleSelection?) -> ContentHash? {
        guard let stored = notes[path], stored.stamp == stamp, let content = stored.content else { return nil }
        return key(content, configuration: configuration, scans: scans, reporting: reporting)
    }

    private func key(_ content: ContentHash, configuration: Configuration, scans: NoteParser.Scans,
                     reporting: RuleSelection?) -> ContentHash {
        var key = content
        key.combine(fingerprint(configuration))
        key.combine(Int(scans.rawValue))
        if let reporting, !reporting.select.isEmpty || !reporting.ignore.isEmpty {
            key.combine("select " + reporting.select.joined(separator: ",") + " ignore " + reporting.ignore.joined(separator: ","))
        }
        return key
    }

    private func record(_ path: String, content: ContentHash, stamp: FileStamp?) {
        lock.lock()
        reads[path] = (content, stamp)
        lock.unlock()
    }

    /// Whether `bytes` are those the key of the note at `path` was made from this run (read, or
    /// known unread by its stamp: then the cached bytes).
    func holdsContent(_ path: String, of bytes: [UInt8]) -> Bool {
        let content = ContentHash(bytes)
        lock.lock()
        defer { lock.unlock() }
        return (reads[path]?.content ?? notes[path]?.content) == content
    }

    /// True when the cache holds an entry for the note at `path`, whatever its key.
    func knows(_ path: String) -> Bool { notes[path] != nil }

    /// True when the cache holds an entry for the note at `path` with `key`.
    func holds(_ path: String, key: ContentHash) -> Bool { notes[path]?.key == key }

    /// `entry` with how the note at `path` was read this run (or, not read, as the cache holds it).
    private func stamped(_ path: String, _ entry: StoredEntry) -> StoredEntry {
        var entry = entry
        if let read = reads[path] {
            (entry.content, entry.stamp) = (read.content, read.stamp)
        } else {
            (entry.content, entry.stamp) = (notes[path]?.content, notes[path]?.stamp)
        }
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

    /// Keeps what a run found about the note at `path` for the next run: encoded, and written to
    /// the run's spill file (not held: a vault's entries take hundreds of megabytes) when it can be.
    func keep(_ path: String, _ entry: NoteEntry) {
        lock.lock()
        kept[path] = stamped(path, spilled(StoredEntry(entry)))
        if notes[path]?.key != entry.key || notes[path]?.stamp != kept[path]?.stamp { changed = true }
        lock.unlock()
    }

    /// `entry` with its body in the spill file, or as it is when it cannot be written there.
    /// Called with `lock` held.
    private func spilled(_ entry: StoredEntry) -> StoredEntry {
        guard case .own(let bytes) = entry.body, let spill = spillFile(), let range = spill.append(bytes) else { return entry }
        return StoredEntry(key: entry.key, content: entry.content, stamp: entry.stamp, body: .file(range, spill), bodyHash: entry.bodyHash)
    }

    /// The spill file, made beside the cache file when first needed; nil when it cannot be.
    /// Called with `lock` held.
    private func spillFile() -> File? {
        if !spillTried {
            spillTried = true
            spill = CacheFile.makeFolder(of: path) ? File(spillingBeside: path) : nil
        }
        return spill
    }

    /// `NoteReport(path:findings:source:)` with its quoted lines written to the spill file (when
    /// it can be) instead of held until `save`.
    func report(_ path: String, findings: [Finding], source: SourceText?) -> NoteReport {
        let report = NoteReport(path: path, findings: findings, source: source)
        lock.lock()
        let spill = spillFile()
        lock.unlock()
        guard case .own(let bytes)? = report.quotedPart, let spill, let range = spill.append(bytes) else { return report }
        return NoteReport(path: path, encodedFindings: report.encodedFindings, quoted: .file(range, spill))
    }

    /// Keeps what the cache holds about a run's unchanged notes (their keys the cached ones),
    /// after the other notes it saw were kept anew (`keep(_:_:)`). When it read none of them (each
    /// one's stamp was the cached one) and they and those kept anew are all the cache holds, that
    /// is every other entry as the file holds it.
    func keepUnchanged(_ notes: some Collection<(path: String, key: ContentHash)>) {
        let held = self.notes
        lock.lock()
        let readNone = reads.keys.allSatisfy { kept[$0] != nil } && held.count == notes.count + kept.keys.count { held[$0] != nil }
        lock.unlock()
        if readNone {
            keptAll = true
            return
        }
        for (path, key) in notes { keepIfValid(path, key: key) }
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

    /// Writes what this run kept (the notes it saw and its report) atomically, when it changed
    /// (or the file read was found damaged); a cache that cannot be written (a read-only vault,
    /// another run writing at once) is left as it was. Parts kept as the file held them are
    /// copied, not encoded again; those the file cannot give any more are left out.
    public func save() {
        let pruned = !keptAll && (kept.count != notes.count || kept.keys.contains { notes[$0] == nil })
        guard changed || file?.isDamaged == true || pruned else { return }
        if keptAll { kept.merge(notes) { new, _ in new } }
        // Each report's quoted lines: where they are, how many bytes, their hash (those read from a file are not held).
        let reports = (run?.reports ?? []).map { report in
            (report: report, quoted: report.quotedPart.flatMap { part in part.quotedBytes.map { (part, $0.count, ContentHash($0)) } })
        }
        // Entries the file holds are left out when its quoted lines were found damaged.
        let fileIsSound = file?.isDamaged != true
        let entries = kept.compactMap { path, entry in fileIsSound || !entry.body.isIn(file) ? (ExactPath(path), path, entry) : nil }.sorted { $0.0 < $1.0 }
        var index = CacheWriter(capacity: 64 * (entries.count + 2 * (run?.linted.count ?? 0)))
        index.int(run == nil ? 0 : 1)
        if let run {
            index.hash(run.key)
            index.hash(run.shape)
            index.int(run.linted.count)
            for path in run.linted { index.string(path) }
            index.int(run.errors.count)
            for error in run.errors { index.error(error) }
            index.int(reports.count)
            var quotedHash = ContentHash()
            for (report, quoted) in reports {
                index.string(report.path)
                index.int(report.encodedFindings.count)
                index.int(quoted == nil ? 0 : 1)
                if let (_, count, hash) = quoted {
                    index.int(count)
                    quotedHash.combine(hash)
                }
            }
            index.hash(quotedHash)
        }
        index.int(entries.count)
        for (_, path, entry) in entries {
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
        // The findings, the quoted lines, then the entries: those kept as the old file holds them
        // are copied from it, those next to each other there at once.
        var parts: [Part] = [.own(header.bytes[...]), .own(index.bytes[...])]
        var lastInFindings = false
        func add(_ part: Part, inFindings: Bool = false) {
            switch (parts.last, part) {
            case (.own(let last)?, .own(let bytes)) where inFindings && lastInFindings && last.endIndex == bytes.startIndex:
                parts[parts.count - 1] = .own(reportBytes[last.startIndex..<bytes.endIndex])
            case (.file(let last, let lastFile)?, .file(let range, let file)) where lastFile === file && last.upperBound == range.lowerBound:
                parts[parts.count - 1] = .file(last.lowerBound..<range.upperBound, file)
            default:
                parts.append(part)
            }
            lastInFindings = inFindings
        }
        for (report, _) in reports { add(.own(report.encodedFindings), inFindings: report.inFile) }
        for (_, quoted) in reports {
            if let (part, _, _) = quoted { add(part) }
        }
        for (_, _, entry) in entries { add(entry.body) }
        guard CacheFile.makeFolder(of: path) else { return }
        CacheFile.replace(path, ifStill: original) { output in parts.allSatisfy { $0.write(to: output) } }
    }

    /// What the index of a cache file says, with where each part lies in the file (its findings
    /// following the index at `start`, then the quoted lines, then the entries).
    private struct Index {
        typealias Run = (key: ContentHash, shape: ContentHash, linted: [String], errors: [NoteError],
                         reports: [(path: String, findings: Range<Int>, quoted: Range<Int>?)], quotedHash: ContentHash)
        var run: Run?
        var notes: [String: StoredEntry] = [:]
        /// Where the findings end, and the file.
        var findingsEnd: Int
        var end: Int
    }

    /// The index read from `index`, its parts located after `start` in `file`; nil when damaged
    /// (a part would lie past the file's end).
    private static func read(_ index: inout CacheReader, at start: Int, of file: File) -> Index? {
        var offset = start
        /// The range of the next part of `length` bytes.
        func next(_ length: Int) -> Range<Int>? {
            guard length >= 0, length <= file.size - offset else { return nil }
            defer { offset += length }
            return offset..<(offset + length)
        }
        var run: Index.Run?
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
            var lengths: [(path: String, findings: Int, quoted: Int?)] = []
            lengths.reserveCapacity(reportCount)
            for _ in 0..<reportCount {
                guard let path = index.string(), let length = index.int(), let quoted = index.optional({ $0.int() }) else { return nil }
                lengths.append((path, length, quoted))
            }
            guard let quotedHash = index.hash() else { return nil }
            var reports: [(path: String, findings: Range<Int>, quoted: Range<Int>?)] = []
            reports.reserveCapacity(reportCount)
            for (path, length, _) in lengths {
                guard let findings = next(length) else { return nil }
                reports.append((path, findings, nil))
            }
            for (number, (_, _, quoted)) in lengths.enumerated() {
                guard let quoted else { continue }
                guard let range = next(quoted) else { return nil }
                reports[number].quoted = range
            }
            run = (key, shape, linted, errors, reports, quotedHash)
        default: return nil
        }
        let findingsEnd = run?.reports.last?.findings.upperBound ?? start
        guard let count = index.count() else { return nil }
        var notes: [String: StoredEntry] = [:]
        notes.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = index.string(), let key = index.hash(), let content = index.optional({ $0.hash() }),
                  let stamp = index.stamp() else { return nil }
            guard let bodyHash = index.hash(), let length = index.int(), let body = next(length) else { return nil }
            notes[path] = StoredEntry(key: key, content: content, stamp: stamp, body: .file(body, file), bodyHash: bodyHash)
        }
        return index.isAtEnd ? Index(run: run, notes: notes, findingsEnd: findingsEnd, end: offset) : nil
    }

    /// The checksum of the file: the hash of the index and of the report's findings, which follow it.
    private static func checksum(_ index: ArraySlice<UInt8>, _ run: RunEntry?) -> ContentHash {
        var hash = ContentHash(index)
        for report in run?.reports ?? [] { hash.combine(ContentHash(report.encodedFindings)) }
        return hash
    }

    /// Everything `configuration` says, hashed once per configuration file (or the defaults).
    private func fingerprint(_ configuration: Configuration) -> ContentHash {
        let name = (configuration.path ?? "") + "\u{0}" + configuration.root
        lock.lock()
        defer { lock.unlock() }
        if let known = fingerprints[name] { return known }
        let hash = configuration.fingerprint
        fingerprints[name] = hash
        return hash
    }
}
