import Foundation
import NoteParser

/// Runs rules over notes: each file parsed once, note rules in parallel on all cores,
/// and vault rules over all linted notes plus, when given, the vault's other notes as
/// context. Each note is parsed within the limits of its configuration; a file over one is
/// reported once and skipped. Notes are told apart by their paths' bytes (`ExactPath`).
public struct Linter: Sendable {
    public let rules: [any Rule]
    /// Told of each note parsed (linted and context notes), for a progress bar.
    public var progress: (any ProgressObserver)?
    /// Whether a run that parses the notes returns those it linted (`Result.contexts`, what `fix`
    /// re-lints). When false, each note is dropped once its rules have run (and, with a cache, its
    /// entry's facts are taken) but for what the vault rules read of it (`Note.vaultView`), so memory
    /// does not grow with the notes' size: no note's bytes are held from its cache key to its parse
    /// (it is read again, and checked against the key), and the notes linted are then `Result.unread`
    /// (`readSources()` reads those with findings back for quoting).
    public var keepsNotes = true
    /// The rules whose findings the caller reports (`--select`, `--ignore`), when a run that parses
    /// the notes is to parse each one for only what those rules read (`scans(for:)`): the findings
    /// of the other rules may then be missing or partial, for the caller to drop. Nil (the default):
    /// every note is parsed whole, for callers that read more of a note than its findings.
    public var reporting: RuleSelection?

    /// Each rule's id, default severity and style, read once rather than per note.
    let defaults: [(id: String, severity: Severity?, style: String?)]
    /// The rules each configuration seen turns on (`checkNote`).
    private let rulesOn = RulesOn()

    public init(rules: [any Rule] = RuleRegistry.rules) {
        self.rules = rules
        self.defaults = rules.map { rule in
            let description = type(of: rule).description
            return (id: description.id, severity: description.defaultSeverity, style: description.category.style)
        }
    }

    /// The outcome of a lint run.
    public struct Result: Sendable {
        /// Findings sorted by path, line and column.
        public var findings: [Finding]
        /// Files that could not be read or parsed at all, or are over a limit and were skipped.
        public var errors: [NoteError]
        /// Number of notes linted.
        public var notesLinted: Int
        /// The notes linted, each with its vault path and configuration (what `fix` re-lints).
        public var contexts: [NoteContext]
        /// The notes linted, for reporters that quote source lines.
        public var notes: [Note] { contexts.map(\.note) }
        /// The vault's other notes, read as context (see `lint(_:context:vaultFiles:configuration:)`).
        public var context: [NoteContext] = []
        /// The source text of notes linted whose findings came from a cache unparsed (they are not in `notes`).
        public var sources: [(path: String, source: SourceText)] = []
        /// Notes linted whose findings came from a cache without reading them (their files'
        /// stamps were the cached ones): `readSources()` reads those that `excerpts` does not cover,
        /// for reports that quote lines.
        public var unread: [String] = []
        /// The note rules' check of each note of `contexts`, in that order, for a re-lint that
        /// checks only the notes changed since (`lint(_:context:vaultFiles:checks:)`); empty when
        /// the report came from a cache.
        public var checks: [Checked] = []
        /// Without the notes kept (`keepsNotes` false), the vault views of the notes parsed, which the
        /// run no longer reads: handed back rather than freed, as freeing them costs time that a
        /// caller about to exit need not spend (any other frees them with the result).
        public var views: [NoteContext] = []
        /// The lines the findings quote of notes not read, as the cache kept them (after `readSources()`).
        public var excerpts = Excerpts()
        /// The cached reports holding those lines, for `readSources()` to read (from the cache
        /// file, only when asked for) and decode.
        var quoted: [LintCache.NoteReport] = []

        public init(findings: [Finding], errors: [NoteError], notesLinted: Int, contexts: [NoteContext], context: [NoteContext] = [],
                    sources: [(path: String, source: SourceText)] = []) {
            self.findings = findings
            self.errors = errors
            self.notesLinted = notesLinted
            self.contexts = contexts
            self.context = context
            self.sources = sources
        }

        /// Puts the lines the cache kept of notes with findings into `excerpts`, and reads the
        /// notes of `unread` whose lines it lacks into `sources` (a file that cannot be read any
        /// more stays unread: its findings are reported without quoted lines).
        public mutating func readSources() {
            // The notes cited whose lines are not at hand (findings come by note).
            var needed = Set<ExactPath>()
            var previous: String?
            for finding in findings where previous.map({ !ExactPath.same($0, finding.path) }) ?? true {
                previous = finding.path
                if !excerpts.covers(finding.path) { needed.insert(ExactPath(finding.path)) }
            }
            for report in quoted where needed.contains(ExactPath(report.path)) {
                if let lines = report.quoted, excerpts.add(report.path, encoded: lines) { needed.remove(ExactPath(report.path)) }
            }
            quoted = []
            guard !needed.isEmpty else { return }
            unread.removeAll { path in
                guard needed.contains(ExactPath(path)), let bytes = try? NoteParser().read(path) else { return false }
                sources.append((path: path, source: SourceText(bytes: bytes)))
                return true
            }
        }
    }

    /// A note to lint: its bytes and where it lives.
    public struct Input: Sendable {
        public let path: String
        public let bytes: [UInt8]?

        /// A file read from disk.
        public init(path: String) { self.path = path; self.bytes = nil }
        /// Bytes that stand for `path` (staged blobs, standard input, tests).
        public init(path: String, bytes: [UInt8]) { self.path = path; self.bytes = bytes }
    }

    /// Lints inputs with each note's configuration from `configuration(for:)`.
    ///
    /// `context` holds the vault's other notes (see `context(for:root:vaultFiles:)`): they are
    /// parsed for the vault rules (duplicate UUIDs, link targets and aliases, cross-note
    /// citation problems) but not linted, and nothing is reported about them, so a run on some
    /// notes reports about them what a run on the whole vault does. With a `cache`, a run that
    /// reads what the cached one read returns its report unparsed; one that reads the same notes,
    /// some of them changed but not in what the vault rules read (`VaultFacts`), parses only
    /// those; otherwise unchanged notes skip the note rules. The findings are the same either way.
    public func lint(_ inputs: [Input], context: [Input] = [], vaultFiles: [String]? = nil, cache: LintCache? = nil,
                     configuration: @Sendable (String) throws -> Configuration) rethrows -> Result {
        var all = inputs + context
        let given = all
        let configurations = try all.map { try configuration($0.path) }
        let scans = self.scans(for: configurations)
        // With a cache, every note is read first: its bytes and configuration are its key.
        var keys: [ContentHash?] = []
        if let cache {
            // A note whose file's stamp is the cached one is not read (`LintCache.key(unread:)`).
            let read = Array(zip(all, zip(configurations, scans))).concurrentMap { input, setting -> (Input, ContentHash?) in
                let (config, scans) = setting
                let stamp = input.bytes == nil ? FileStamp(of: input.path) : nil
                if let stamp, let key = cache.key(unread: input.path, stamp: stamp, configuration: config, scans: scans, reporting: reporting) {
                    return (input, key)
                }
                let bytes = input.bytes ?? (try? NoteParser(limits: config.limits.parser).read(input.path))
                guard let bytes else { return (input, nil) }
                let key = cache.key(input.path, bytes: bytes, stamp: stamp, configuration: config, scans: scans, reporting: reporting)
                // A note the cache knows nothing of is parsed by the full run, which reads it again.
                if !keepsNotes, input.bytes == nil, !cache.knows(input.path) { return (input, key) }
                return (Input(path: input.path, bytes: bytes), key)
            }
            all = read.map(\.0)
            keys = read.map(\.1)
        }
        let runKey = cache == nil ? nil : Self.runKey(all.map(\.path), keys, linted: inputs.count, vaultFiles: vaultFiles)
        if let runKey, let report = cache?.report(runKey), let findings = report.findings() {
            cache?.keep(report)
            cache?.keepUnchanged(zip(all, keys).lazy.map { (path: $0.path, key: $1!) })
            var result = Result(findings: findings, errors: report.errors, notesLinted: report.linted.count, contexts: [])
            if all.prefix(inputs.count).contains(where: { $0.bytes != nil }) {
                let bytes = Dictionary(all.prefix(inputs.count).map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
                result.sources = report.linted.compactMap { path in (bytes[path] ?? nil).map { (path: path, source: SourceText(bytes: $0)) } }
                result.unread = report.linted.filter { bytes[$0] == .some(nil) }
            } else {
                result.unread = report.linted  // none was read (the linted notes are the last run's)
            }
            result.quoted = report.reports.filter { $0.quotedPart != nil }
            return result
        }
        // What the cache compares with the last run's (made only for a cache).
        let shape = cache == nil ? nil : Self.shape(all.map(\.path), vaultFiles: vaultFiles)
        if let cache, let runKey, let shape, let result = changedNotes(all, linted: inputs.count, keys: keys, configurations: configurations, scans: scans,
                                                                       cache: cache, runKey: runKey, shape: shape) {
            return result
        }
        progress?.begin(total: all.count)
        // Without the notes kept, each note's rules run as it is parsed (its cache entry's facts
        // are taken then) and only its `vaultView(legacyCitations:bodyOnDisk:)` outlives it; no bytes read for
        // the cache keys are held through the parse.
        let viewsOnly = !keepsNotes
        if viewsOnly { all = given }
        // A vault rule that every linted note turns off does not run (the findings it would
        // give are all dropped), nor, without the notes kept, is what only it reads kept.
        let runVaultRules = vaultRules(on: configurations.prefix(inputs.count))
        let legacyCitations = runVaultRules.contains { $0 is CitationLegacyNumericRule }
        let (allVaultRules, noteKeys) = (vaultRules, keys)
        let parsed = Array(zip(all, configurations).enumerated()).concurrentMap { index, pair in
            defer { progress?.advance() }
            var (input, config) = pair
            let bodyOnDisk = input.bytes == nil
            var key = noteKeys.isEmpty ? nil : noteKeys[index]
            // Read again since its key was made: a note whose bytes changed meanwhile gets no key.
            if viewsOnly, let cache, key != nil, input.bytes == nil, let bytes = try? NoteParser(limits: config.limits.parser).read(input.path) {
                if !cache.holdsContent(input.path, of: bytes) { key = nil }
                input = Input(path: input.path, bytes: bytes)
            }
            let result = Self.parse(input, configuration: config, scans: scans[index])
            guard case .success(let context) = result, !config.isIgnored(context.vaultPath) else {
                return (result: result, checked: Checked?.none, key: key, facts: [VaultFacts?]())
            }
            let facts = cache == nil ? [] : allVaultRules.map { $0.vaultFacts(context) }
            guard viewsOnly else { return (result: result, checked: nil, key: key, facts: facts) }
            let checked = index < inputs.count ? key.flatMap { cache?.checked(input.path, key: $0) } ?? checkNote(context) : nil
            return (result: .success(context.vaultView(legacyCitations: legacyCitations, bodyOnDisk: bodyOnDisk)), checked: checked, key: key, facts: facts)
        }
        // The parses' memory, freed, is given back before the vault pass adds to the views.
        if viewsOnly { HeapTrim.release() }
        var contexts: [NoteContext] = []
        var contextKeys: [ContentHash?] = []
        var checked: [Checked?] = []
        var lintedInputs: [Input] = []
        var others: [NoteContext] = []
        var otherKeys: [ContentHash?] = []
        // Each note's facts for the cache, taken from the whole note.
        var contextFacts: [[VaultFacts?]] = []
        var otherFacts: [[VaultFacts?]] = []
        var errors: [NoteError] = []
        for (index, (result, check, key, facts)) in parsed.enumerated() {
            switch result {
            case .success(let context):
                guard !configurations[index].isIgnored(context.vaultPath) else { continue }
                if index < inputs.count {
                    contexts.append(context)
                    checked.append(check)
                    lintedInputs.append(all[index])
                    contextKeys.append(key)
                    contextFacts.append(facts)
                } else {
                    others.append(context)
                    otherKeys.append(key)
                    otherFacts.append(facts)
                }
            case .failure(let error):
                if index < inputs.count { errors.append(error) }
            }
        }
        let files = vaultFiles ?? (contexts + others).map(\.vaultPath)
        // Job 0 is the vault pass, run alongside the note rules (job n is note n - 1); it gives
        // the vault rules' findings also as they were found, for the cache.
        var jobs: [(checked: [Checked], found: [[Finding]])] = []
        do {
            let (linted, lintedKeys, lintedChecks, read) = (contexts, contextKeys, checked, others)
            let byPath = Dictionary(linted.map { (ExactPath($0.note.path), $0) }, uniquingKeysWith: { first, _ in first })
            jobs = Array(0...linted.count).concurrentMap { job -> (checked: [Checked], found: [[Finding]]) in
                if job == 0 {
                    let vault = Self.vault(linted, context: read, vaultFiles: files)
                    // Each vault rule on its own core (with the note rules run as the notes were
                    // parsed, `keepsNotes` false, this job is the only one left), its findings
                    // configured as it ends; those found are kept only for the cache.
                    let found = runVaultRules.concurrentMap { rule -> (checked: Checked, found: [Finding]) in
                        let found = rule.check(vault: vault)
                        // Without a cache, configured in place: the rule's findings are not copied.
                        guard cache != nil else { return (checked: Self.configured(consume found, byPath: byPath), found: []) }
                        return (checked: Self.configured(found, byPath: byPath), found: found)
                    }
                    // Each rule's own (not joined: a rule's findings share the configured ones' storage).
                    return (found.map(\.checked), found.map(\.found))
                }
                if let checked = lintedChecks[job - 1] { return ([checked], []) }
                let (context, key) = (linted[job - 1], lintedKeys[job - 1])
                guard let cache, let key else { return ([checkNote(context)], []) }
                return ([cache.checked(context.note.path, key: key) ?? checkNote(context)], [])
            }
        }
        let vaultChecks = jobs[0].checked
        var checks = jobs.dropFirst().map { $0.checked[0] }
        var found = jobs[0].found
        jobs = []
        checked = []
        let unused = SuppressionUnusedRule.findings(contexts, rules: rules, uses: (vaultChecks + checks).map(\.uses))
        let caps = Caps(contexts)
        // What the cache keeps of each note linted: its path, the source of a whole note, the limits to read a view's again.
        let lintedNotes = contexts.map { (path: $0.note.path, source: viewsOnly ? nil : $0.note.source, limits: $0.configuration.limits.parser) }
        let otherPaths = others.map(\.note.path)
        var views: [NoteContext] = []
        if viewsOnly {
            // The views are not needed any more: the findings are merged without them. They are
            // handed back unfreed (`Result.views`), for a caller about to exit to keep.
            views = contexts + others
            contexts = []
            others = []
            HeapTrim.release()
        }
        var parts = vaultChecks.map(\.findings) + checks.map(\.findings) + [unused]
        // Without a cache, each note's findings are freed as they are merged.
        if viewsOnly && cache == nil { checks = [] }
        let findings = Self.merge(&parts, caps: caps, reporting: reporting)
        if let cache {
            // Each note's findings, as index ranges of `findings` (sorted by path) and (rule, index) pairs of `found`.
            let reported = Dictionary(Self.runs(findings).map { (ExactPath(findings[$0.lowerBound].path), $0) },
                                      uniquingKeysWith: { first, _ in first })
            @Sendable func reportedFindings(_ path: ExactPath) -> [Finding] { reported[path].map { Array(findings[$0]) } ?? [] }
            do {
                var foundIndices: [ExactPath: [(rule: Int, index: Int)]] = [:]
                for (rule, ruleFound) in found.enumerated() {
                    for (index, finding) in ruleFound.enumerated() { foundIndices[ExactPath(finding.path), default: []].append((rule, index)) }
                }
                for (index, (note, (checked, key))) in zip(lintedNotes, zip(checks, contextKeys)).enumerated() {
                    guard let key else { continue }
                    let path = ExactPath(note.path)
                    cache.keep(note.path, LintCache.NoteEntry(key: key, checked: checked, facts: contextFacts[index],
                                                              vault: foundIndices[path]?.map { found[$0.rule][$0.index] } ?? [], reported: reportedFindings(path)))
                }
            }
            for (index, (path, key)) in zip(otherPaths, otherKeys).enumerated() {
                guard let key else { continue }
                cache.keep(path, LintCache.NoteEntry(key: key, checked: cache.checked(path, key: key), facts: otherFacts[index],
                                                     vault: nil, reported: nil))
            }
            if viewsOnly {
                // Kept in the entries: not held while the report is made.
                (checks, found, contextFacts, otherFacts) = ([], [], [], [])
                HeapTrim.release()
            }
            // A report is kept only when every note parsed had the bytes of its key.
            if let runKey, let shape, !(contextKeys + otherKeys).contains(where: { $0 == nil }) {
                // A note's findings are consecutive in the report, which is sorted by path.
                var notes: [(path: ExactPath, note: (path: String, source: SourceText?, limits: NoteParser.Limits), input: Input)] = []
                for (path, note, input) in zip(lintedNotes, lintedInputs).map({ (ExactPath($0.path), $0, $1) }).sorted(by: { $0.0 < $1.0 })
                where path != notes.last?.path {
                    notes.append((path, note, input))
                }
                // A view's source is cut: the note is read again for the lines its findings quote
                // (none quoted when it changed since its key was made).
                let reports = notes.concurrentMap { item in
                    let (path, note, input) = item
                    var source = note.source
                    if viewsOnly {
                        let bytes = input.bytes ?? (try? NoteParser(limits: note.limits).read(input.path))
                        source = bytes.flatMap { cache.holdsContent(input.path, of: $0) ? SourceText(bytes: $0) : nil }
                    }
                    return cache.report(note.path, findings: reportedFindings(path), source: source)
                }
                cache.keep(LintCache.RunEntry(key: runKey, shape: shape, linted: lintedNotes.map(\.path), errors: errors, reports: reports))
            }
        }
        guard viewsOnly else {
            var result = Result(findings: findings, errors: errors, notesLinted: contexts.count, contexts: contexts, context: others)
            result.checks = checks
            return result
        }
        var result = Result(findings: findings, errors: errors, notesLinted: lintedNotes.count, contexts: [],
                            sources: lintedInputs.compactMap { input in input.bytes.map { (path: input.path, source: SourceText(bytes: $0)) } })
        result.unread = lintedInputs.filter { $0.bytes == nil }.map(\.path)
        result.views = views
        return result
    }

    /// A run after some notes changed, from `cache`: only the changed notes are parsed, and the
    /// vault rules' findings are the cached ones, when the run reads the notes and files the last
    /// one read, none could not be parsed, and what the vault rules read from each changed note
    /// is what they read before. Nil otherwise.
    private func changedNotes(_ all: [Input], linted: Int, keys: [ContentHash?], configurations: [Configuration], scans: [NoteParser.Scans],
                              cache: LintCache, runKey: ContentHash, shape: ContentHash) -> Result? {
        guard let last = cache.lastRun, last.shape == shape, last.errors.isEmpty else { return nil }
        let vaultRules = vaultRules
        // An unchanged note linted last time reports what it reported then (the vault rules'
        // findings are unchanged too), its report copied as the cache holds it. Reports are
        // looked up in order: a run over the folder the last one linted sees its notes in it.
        var next = 0
        var lastIndex: [ExactPath: Int]?
        func lastReport(_ path: String) -> LintCache.NoteReport? {
            if next < last.reports.count, ExactPath.same(last.reports[next].path, path) {
                next += 1
                return last.reports[next - 1]
            }
            if lastIndex == nil {
                lastIndex = Dictionary(last.reports.enumerated().map { (ExactPath($1.path), $0) }, uniquingKeysWith: { first, _ in first })
            }
            guard let found = lastIndex?[ExactPath(path)] else { return nil }
            next = found + 1
            return last.reports[found]
        }
        // An unchanged note's findings (nil) are decoded from its report at the end, into the run's.
        var reported: [(path: ExactPath, report: LintCache.NoteReport, findings: [Finding]?)] = []
        var kept: [(String, LintCache.NoteEntry)] = []
        var unchanged: [(String, ContentHash)] = []
        var contexts: [NoteContext] = []
        var sources: [(path: String, source: SourceText)] = []
        var unread: [String] = []
        var quoted: [LintCache.NoteReport] = []
        for (index, (input, config)) in zip(all, configurations).enumerated() {
            guard let key = keys[index] else { return nil }
            if cache.holds(input.path, key: key) {
                if !config.ignore.isEmpty, config.isIgnored(VaultPath.relative(input.path, to: config.root)) { continue }
                if index < linted {
                    let source = input.bytes.map { SourceText(bytes: $0) }
                    var report: LintCache.NoteReport
                    var findings: [Finding]?
                    if let previous = lastReport(input.path) {
                        report = previous
                    } else {
                        guard let cached = cache.entry(input.path)?.reported else { return nil }
                        (report, findings) = (LintCache.NoteReport(path: input.path, findings: cached, source: source), cached)
                    }
                    if let source {
                        sources.append((path: input.path, source: source))
                        if report.quotedPart == nil {
                            guard let decoded = findings ?? report.findings() else { return nil }
                            (report, findings) = (LintCache.NoteReport(path: input.path, findings: decoded, source: source), decoded)
                        }
                    } else {
                        unread.append(input.path)
                        if report.quotedPart != nil { quoted.append(report) }
                    }
                    reported.append((ExactPath(input.path), report, findings))
                }
                unchanged.append((input.path, key))
                continue
            }
            let entry = cache.entry(input.path)
            guard case .success(let context) = Self.parse(input, configuration: config, scans: scans[index]) else { return nil }
            if config.isIgnored(context.vaultPath) { continue }
            let facts = vaultRules.map { $0.vaultFacts(context) }
            guard let entry, entry.facts.count == facts.count, zip(facts, entry.facts).allSatisfy({ $0 != nil && $0 == $1 }),
                  index >= linted || entry.vault != nil else { return nil }
            guard index < linted, let vault = entry.vault else {
                kept.append((input.path, LintCache.NoteEntry(key: key, checked: nil, facts: facts, vault: nil, reported: nil)))
                continue
            }
            let checked = checkNote(context)
            let findings = merge([context], [checked, checkVault(findings: vault, of: context)])
            reported.append((ExactPath(input.path), LintCache.NoteReport(path: input.path, findings: findings, source: context.note.source), findings))
            contexts.append(context)
            kept.append((input.path, LintCache.NoteEntry(key: key, checked: checked, facts: facts, vault: vault, reported: findings)))
        }
        reported.sort { $0.path < $1.path }
        var findings: [Finding] = []
        for (_, report, found) in reported {
            if let found {
                findings += found
            } else if !report.decode(into: &findings) {
                return nil
            }
        }
        for (path, entry) in kept { cache.keep(path, entry) }
        cache.keepUnchanged(unchanged.lazy.map { (path: $0.0, key: $0.1) })
        cache.keep(LintCache.RunEntry(key: runKey, shape: shape, linted: reported.map(\.report.path), errors: [], reports: reported.map(\.report)))
        var result = Result(findings: findings, errors: [], notesLinted: reported.count, contexts: contexts, sources: sources)
        result.unread = unread
        result.quoted = quoted
        return result
    }

    /// What a run reads besides the notes' bytes: the notes' paths and the vault's files.
    private static func shape(_ paths: [String], vaultFiles: [String]?) -> ContentHash {
        var hash = ContentHash()
        for path in paths { hash.combine("note " + path) }
        hash.combine(vaultFiles.map { "files " + $0.joined(separator: "\u{0}") } ?? "no files")
        return hash
    }

    /// The key of a run that reads notes at `paths` (the first `linted` of them linted) with
    /// `keys`, and resolves links against `vaultFiles`; nil when a note could not be read.
    private static func runKey(_ paths: [String], _ keys: [ContentHash?], linted: Int, vaultFiles: [String]?) -> ContentHash? {
        var hash = ContentHash()
        for (index, (path, key)) in zip(paths, keys).enumerated() {
            guard let key else { return nil }
            hash.combine(index < linted ? "linted " + path : "context " + path)
            hash.combine(key)
        }
        hash.combine(vaultFiles.map { "files " + $0.joined(separator: "\u{0}") } ?? "no files")
        return hash
    }

    /// The note of `input` parsed within the limits of `config` (with `scans`), or why it cannot be
    /// linted (unreadable, not UTF-8 text, over a limit; a note the configuration ignores is never over one).
    public static func parse(_ input: Input, configuration config: Configuration,
                             scans: NoteParser.Scans = .all) -> Swift.Result<NoteContext, NoteError> {
        let parser = NoteParser(limits: config.limits.parser)
        return Swift.Result { () throws(NoteError) in
            let note: Note
            do throws(NoteError) {
                if let bytes = input.bytes {
                    note = try parser.parse(bytes: bytes, path: input.path, scans: scans)
                } else {
                    note = try parser.parse(contentsOf: input.path, scans: scans)
                }
            } catch {
                throw FileRule.explained(error)
            }
            let vaultPath = VaultPath.relative(input.path, to: config.root)
            if !config.isIgnored(vaultPath), let overLimit = FileRule.overLimit(note) { throw overLimit }
            return NoteContext(note: note, vaultPath: vaultPath, configuration: config)
        }
    }

    /// Lints `inputs` as part of the vault rooted at `root`: its files are the link targets and
    /// its other notes the context, so each note gets the findings a run on the whole vault gives it.
    /// `vaultFiles`, when given, are the files under `root` as `NoteFiles.vaultFiles(under:)` lists them
    /// (a walk the caller made already).
    public func lint(_ inputs: [Input], vaultRoot root: String, vaultFiles: [String]? = nil, cache: LintCache? = nil,
                     configuration: @Sendable (String) throws -> Configuration) rethrows -> Result {
        let vaultFiles = vaultFiles ?? NoteFiles.vaultFiles(under: root)
        return try lint(inputs, context: Self.context(for: inputs, root: root, vaultFiles: vaultFiles), vaultFiles: vaultFiles,
                        cache: cache, configuration: configuration)
    }

    /// The notes under `root` (from `vaultFiles`, relative to it) that are not among `inputs`:
    /// the context that makes a run on some notes see the whole vault.
    public static func context(for inputs: [Input], root: String, vaultFiles: [String]) -> [Input] {
        // A run on the whole vault, its notes in the order of the walk that listed its files, has
        // no context: found by comparing the two lists, without a set of the paths (nor, where the
        // bytes tell, the relative paths made).
        var next = 0
        let lintsEveryNote = vaultFiles.allSatisfy { file in
            guard NoteFiles.isMarkdown(file) else { return true }
            guard next < inputs.count, VaultPath.relative(inputs[next].path, to: root, is: file) else { return false }
            next += 1
            return true
        }
        if lintsEveryNote && next == inputs.count { return [] }
        let linted = Set(inputs.map { ExactPath(VaultPath.relative($0.path, to: root)) })
        let prefix = root == "." ? "" : root.hasSuffix("/") ? root : root + "/"
        return vaultFiles.filter { NoteFiles.isMarkdown($0) && !linted.contains(ExactPath($0)) }.map { Input(path: prefix + $0) }
    }

    /// Runs all rules on parsed notes and applies severities and inline suppressions; the
    /// notes of `context` are seen by vault rules only, and nothing is reported about them.
    public func lint(_ contexts: [NoteContext], context others: [NoteContext] = [], vaultFiles: [String]) -> [Finding] {
        var checks = [Checked?](repeating: nil, count: contexts.count)
        return lint(contexts, context: others, vaultFiles: vaultFiles, checks: &checks)
    }

    /// `lint(_:context:vaultFiles:)` with the note rules run only on the notes whose entry of
    /// `checks` (one per note of `contexts`) is nil, and their checks put there; the others
    /// keep theirs (a note's check depends on nothing but its `NoteContext`). The vault rules
    /// run on every note.
    public func lint(_ contexts: [NoteContext], context others: [NoteContext] = [], vaultFiles: [String],
                     checks: inout [Checked?]) -> [Finding] {
        precondition(checks.count == contexts.count, "one check per note")
        let known = checks
        // Job 0 is the vault pass, run alongside the note rules (job n is note n - 1) so that
        // it does not wait for them on its own.
        let perJob = Array(0...contexts.count).concurrentMap { job in
            job == 0 ? checkVault(contexts, context: others, vaultFiles: vaultFiles) : known[job - 1] ?? checkNote(contexts[job - 1])
        }
        checks = perJob.dropFirst().map { $0 }
        return merge(contexts, perJob)
    }

    /// Findings of some rules, configured (severity, suppressions) and sorted, with the
    /// suppressions they used: one note's from the note rules, or the vault rules'.
    public struct Checked: Sendable {
        public internal(set) var findings: [Finding]
        var uses: [ExactPath: Set<Suppressions.Use>]

        /// The findings and suppression uses about each note, by its path.
        public func byNote() -> [ExactPath: Checked] {
            var parts = uses.mapValues { _ in Checked(findings: [], uses: [:]) }
            for finding in findings { parts[ExactPath(finding.path), default: Checked(findings: [], uses: [:])].findings.append(finding) }
            for (path, used) in uses { parts[path]!.uses = [path: used] }
            return parts
        }
    }

    /// The note rules' findings of one note, configured by it.
    public func checkNote(_ context: NoteContext) -> Checked {
        var found: [Finding] = []
        // Vault rules are left out: they find nothing in one note (`check(vault:)` is theirs).
        let on = rulesOn.indices(context.configuration) { configuration in
            defaults.indices.filter { index in
                let rule = defaults[index]
                return type(of: rules[index]).description.scope != .vault
                    && configuration.severity(ofRule: rule.id, style: rule.style, default: rule.severity) != nil
            }
        }
        // Each rule called in place (not copied out of `rules`); most find nothing.
        rules.withUnsafeBufferPointer { rules in
            for index in on {
                let ruleFound = rules[index].check(context)
                if found.isEmpty { found = ruleFound } else if !ruleFound.isEmpty { found += ruleFound }
            }
        }
        return Self.configured(found, of: context)
    }

    /// The vault rules' findings about the `linted` notes, with `others` as context.
    public func checkVault(_ linted: [NoteContext], context others: [NoteContext] = [], vaultFiles: [String]) -> Checked {
        let vault = Self.vault(linted, context: others, vaultFiles: vaultFiles)
        let byPath = Dictionary(linted.map { (ExactPath($0.note.path), $0) }, uniquingKeysWith: { first, _ in first })
        return Self.configured(vaultRules(on: linted.map(\.configuration)).flatMap { $0.check(vault: vault) }, byPath: byPath)
    }

    /// The rules of scope `.vault`, in the order `checkVault` runs them.
    public var vaultRules: [any Rule] { rules.filter { type(of: $0).description.scope == .vault } }

    /// The vault rules some of the linted notes' `configurations` turn on: a rule off in every one
    /// would find only what `configured` drops (its findings are only about the linted notes).
    private func vaultRules(on configurations: some Collection<Configuration>) -> [any Rule] {
        zip(rules, defaults).compactMap { rule, ruleDefault in
            guard type(of: rule).description.scope == .vault else { return nil }
            return configurations.contains { configuration in
                configuration.severity(ofRule: ruleDefault.id, style: ruleDefault.style, default: ruleDefault.severity) != nil
            } ? rule : nil
        }
    }

    /// What the vault rules see when they report about `linted`, with `others` as context.
    public static func vault(_ linted: [NoteContext], context others: [NoteContext] = [], vaultFiles: [String]) -> VaultContext {
        // In vault order, whichever notes were asked for and in whatever order, so that
        // "first" and "other" (as in duplicate-uuid) mean the same in every run.
        // Sorted only when out of order: a run over the whole vault has them in walk order, sorted.
        var notes = linted + others
        if zip(notes, notes.dropFirst()).contains(where: { ExactPath($1.vaultPath) < ExactPath($0.vaultPath) }) {
            notes = notes.map { (ExactPath($0.vaultPath), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return VaultContext(notes: notes, files: vaultFiles, linted: others.isEmpty ? nil : linted)
    }

    /// Vault rules' raw findings about the note of `context`, configured as `checkVault` configures them.
    public func checkVault(findings: [Finding], of context: NoteContext) -> Checked {
        Self.configured(findings, of: context)
    }

    /// The report of the `linted` notes from their checks (`checkNote` of each and `checkVault`,
    /// in any order): every finding, the unused suppressions, each file capped at its limit.
    public func merge(_ linted: [NoteContext], _ checks: [Checked]) -> [Finding] {
        var parts = checks.map(\.findings) + [SuppressionUnusedRule.findings(linted, rules: rules, uses: checks.map(\.uses))]
        return Self.merge(&parts, caps: Caps(linted), reporting: reporting)
    }

    /// Each linted note's `limits.maxFindingsPerFile`, by path: one number, without a table of the
    /// paths, when every note has the same (as the notes of one configuration do).
    private struct Caps {
        private var shared: Int?
        private var byPath: [ExactPath: Int] = [:]

        init(_ linted: [NoteContext]) {
            let first = linted.first?.configuration.limits.maxFindingsPerFile
            if linted.allSatisfy({ $0.configuration.limits.maxFindingsPerFile == first }) {
                shared = first
            } else {
                byPath = Dictionary(linted.map { (ExactPath($0.note.path), $0.configuration.limits.maxFindingsPerFile) },
                                    uniquingKeysWith: { first, _ in first })
            }
        }

        /// The cap of the linted note at `path` (the findings merged are all about linted notes).
        subscript(path: ExactPath) -> Int { shared ?? byPath[path] ?? LintLimits().maxFindingsPerFile }
    }

    /// `parts` (each sorted in report order) merged, each file capped at its entry of `caps`, without
    /// the findings of rules `reporting` leaves out (the cap counts those reported: the others'
    /// may be partial, their scans not run). `parts` is emptied: a part not held elsewhere is freed
    /// once its findings are copied.
    private static func merge(_ parts: inout [[Finding]], caps: Caps, reporting: RuleSelection?) -> [Finding] {
        if let reporting, !reporting.select.isEmpty || !reporting.ignore.isEmpty {
            for index in parts.indices where parts[index].contains(where: { !reporting.includes($0.ruleID) }) {
                parts[index].removeAll { !reporting.includes($0.ruleID) }
            }
        }
        // A note's part holds one file's findings, the vault's several: runs of one file are
        // gathered in order (slices, not copies) and sorted again only where several meet. The
        // runs are put in path order by a stable sort (a run's place among those of its file is
        // its part's), cheap as they come: the notes' parts in walk order, the vault's sorted.
        var runs: [(path: ExactPath, findings: ArraySlice<Finding>)] = []
        runs.reserveCapacity(parts.count)
        let count = parts.reduce(0) { $0 + $1.count }
        for found in parts where !found.isEmpty {
            if ExactPath.same(found[0].path, found[found.count - 1].path) {
                runs.append((ExactPath(found[0].path), found[...]))
                continue
            }
            for run in Self.runs(found) { runs.append((ExactPath(found[run.lowerBound].path), found[run])) }
        }
        parts = []
        runs.sort { $0.path < $1.path }
        var findings: [Finding] = []
        findings.reserveCapacity(count)
        var start = 0
        while start < runs.count {
            var end = start + 1
            while end < runs.count, runs[end].path == runs[start].path { end += 1 }
            let cap = caps[runs[start].path]
            // One run within its cap is appended as it is (not copied into an array first).
            if end - start == 1, runs[start].findings.count <= cap {
                findings += runs[start].findings
            } else {
                let file = end - start == 1 ? Array(runs[start].findings) : Finding.inReportOrder(Array(runs[start..<end].lazy.map(\.findings).joined()))
                findings += file.count > cap ? Self.capped(file) { _ in cap } : file
            }
            // Each run's storage freed as soon as it is copied (a part not held elsewhere).
            for index in start..<end { runs[index].findings = [] }
            start = end
        }
        return findings
    }

    /// The index ranges of `findings`' runs of one path.
    private static func runs(_ findings: [Finding]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        // Each path read where it is (a finding passed to a predicate was copied, its strings retained).
        findings.withUnsafeBufferPointer { findings in
            var start = 0
            while start < findings.count {
                var end = start + 1
                while end < findings.count, ExactPath.same(findings[end].path, findings[start].path) { end += 1 }
                runs.append(start..<end)
                start = end
            }
        }
        return runs
    }

    /// The findings of notes linted, with the severity their configuration gives and
    /// without those it turns off or the note suppresses; and the suppressions used, by path.
    /// Configured in place: the findings kept are moved to the front of `findings`' storage (shared
    /// with the caller's array while nothing changes).
    private static func configured(_ findings: consuming [Finding], byPath: [ExactPath: NoteContext]) -> Checked {
        configured(consume findings) { byPath[ExactPath($0)] }
    }

    /// `configured(_:byPath:)` for the findings about one note (a finding about another path is
    /// dropped), without a dictionary made and hashed for each note.
    private static func configured(_ findings: consuming [Finding], of context: NoteContext) -> Checked {
        configured(consume findings) { ExactPath.same($0, context.note.path) ? context : nil }
    }

    /// `findings` configured with `context(path)`, the context of the note at each path.
    private static func configured(_ findings: consuming [Finding], context contextOf: (String) -> NoteContext?) -> Checked {
        var uses: [ExactPath: Set<Suppressions.Use>] = [:]
        // Findings come in runs of one path and one rule: the last lookups are kept.
        var note: (path: String, context: NoteContext?)?
        var rule: (id: String, given: Severity, context: NoteContext, severity: Severity?)?
        var kept = consume findings
        var count = 0
        // Each finding read where it is, field by field: a copy of one retains all its strings.
        for index in kept.indices {
            if note.map({ !ExactPath.same($0.path, kept[index].path) }) ?? true {
                note = (kept[index].path, contextOf(kept[index].path))
            }
            guard let current = note, let context = current.context else { continue }
            let (ruleID, given) = (kept[index].ruleID, kept[index].severity)
            if rule.map({ $0.id != ruleID || $0.given != given || $0.context !== context }) ?? true {
                rule = (ruleID, given, context, context.configuration.severity(ofRule: ruleID, default: given))
            }
            guard let severity = rule?.severity else { continue }
            if let use = context.suppressions.use(suppressing: ruleID, at: kept[index].range.start.line) {
                uses[ExactPath(current.path), default: []].insert(use)
                continue
            }
            // Written only where it changes: an array the caller still holds (the raw findings a
            // cache keeps) is then not copied. The findings dropped before it go behind it.
            if count != index { kept.swapAt(count, index) }
            if given != severity { kept[count].severity = severity }
            count += 1
        }
        if count < kept.count { kept.removeLast(kept.count - count) }
        // Sorted only when out of order: their indices, by the same stable sort and comparisons,
        // each finding compared in place (sorting the findings compared copies of them).
        if !Finding.isInReportOrder(kept) {
            let order = kept.withUnsafeBufferPointer { buffer in buffer.indices.sorted { Finding.precedes(buffer[$0], buffer[$1]) } }
            kept = order.map { kept[$0] }
        }
        return Checked(findings: kept, uses: uses)
    }

    /// The first `limit(path)` findings of each file (sorted by path), the rest counted in one
    /// finding at the file's start, as severe as the most severe it stands for.
    static func capped(_ findings: [Finding], limit: (String) -> Int) -> [Finding] {
        var result: [Finding] = []
        var start = findings.startIndex
        while start < findings.endIndex {
            let path = findings[start].path
            let end = findings[start...].firstIndex { $0.path != path } ?? findings.endIndex
            let cap = limit(path)
            result += findings[start..<min(end, start + cap)]
            if end - start > cap {
                let hidden = findings[(start + cap)..<end]
                let position = SourcePosition(line: 1, column: 1, offset: 0)
                result.insert(Finding(path: path, range: SourceRange(start: position, end: position), ruleID: FileRule.tooManyFindings,
                                      severity: hidden.map(\.severity).max()!,
                                      message: "\(hidden.count) more findings not shown (limits.maxFindingsPerFile is \(cap))"),
                              at: result.count - cap)
            }
            start = end
        }
        return result
    }
}
