import Foundation
import NoteConfiguration
import NoteMustache
import NoteParser

/// One `notekit render --site` build: the notes the configuration publishes as linked pages
/// (backlinks, sources pages, embeds filled in, a table of contents for long pages), index
/// pages per collection and tag, `sitemap.xml`, an Atom feed, a search index, `llms.txt`, and
/// the broken links found. Only note pages whose inputs changed are rendered again
/// (`SiteManifest`), and only files whose bytes change are written.
public struct SiteRun: Sendable {
    /// What a build did.
    public struct Report: Sendable {
        /// Files written (new or changed), in order.
        public var written: [URL] = []
        /// Note pages published, and how many were rendered (the others' inputs had not changed).
        public var pages = 0
        public var rendered = 0
        /// Files of the last build the site no longer has, removed (output-relative).
        public var removed: [String] = []
        /// `path: message` for each note or file that failed.
        public var errors: [String] = []
        /// What the cleaning dropped, in note order.
        public var warnings: [RenderWarning] = []
        /// Links of published pages that lead to no page.
        public var broken: [BrokenLink] = []
    }

    public let options: RenderOptions
    public let settings: SiteSettings
    /// Loaded with the site's templates (`PageTemplates(site: true)`).
    public let templates: PageTemplates
    public let unsafe: Bool
    /// The vault root wikilinks resolve under and files are copied from.
    public let vaultRoot: String
    /// notekit's version: a build by another version renders every page again.
    public let generator: String
    /// The cache of note facts (`SiteCache.file(forVault:)`); nil: none, every note parsed and cleaned.
    public var cacheFile: String?
    /// Told of each note page rendered, for a progress bar.
    public var progress: (any ProgressObserver)?
    /// The "site" template prepared for index pages (`listingContext` but for `listingVarying`);
    /// nil when a template's output could depend on those other than by printing them.
    private(set) var listingRender: PreparedRender?

    public init(options: RenderOptions = RenderOptions(), settings: SiteSettings, templates: PageTemplates, unsafe: Bool = false,
                vaultRoot: String, generator: String) {
        self.options = options
        self.settings = settings
        self.templates = templates
        self.unsafe = unsafe
        self.vaultRoot = vaultRoot
        self.generator = generator
        let page = HTMLPage(templates: templates, options: options, unsafe: unsafe)
        listingRender = templates.prepare(listingContext(title: "", html: "", root: "", canonical: settings.url.map { _ in "" }, page: page),
                                          template: "site", varying: listingVarying)
    }

    /// Builds the site of `files` (the published ones among them) into `output`.
    public func build(files: [String], output: OutputFolder) -> Report {
        // The build's notes, pages and jobs are freed on another thread (a tenth of a cold build's
        // wall time): the caller goes on with the report meanwhile.
        let (report, made) = make(files: files, output: output)
        made.releaseInBackground()
        return report
    }

    /// The build: its report, and what it made, to free.
    private func make(files: [String], output: OutputFolder) -> (Report, Leftovers) {
        var report = Report()
        let cacheKey = self.cacheKey
        let cache = cacheFile.map { SiteCache.read(from: $0, key: cacheKey) } ?? SiteCache()
        var notes: [SiteNote] = [], parsed: [Int: Note] = [:], entries: [String: SiteCache.Entry] = [:]
        // The paths of entries that differ from the cache's.
        var changedEntries = Set<String>()
        for result in load(files, cache: cache) {
            switch result {
            case .success(let loaded):
                if let note = loaded.note { parsed[notes.count] = note }
                if loaded.note != nil || cache.entries[loaded.entry.note.path]?.stamp != loaded.entry.stamp { changedEntries.insert(loaded.entry.note.path) }
                notes.append(loaded.entry.note)
                entries[loaded.entry.note.path] = loaded.entry
            case .failure(let error): report.errors.append(error.description)
            }
        }
        let plan = SitePlan(notes: notes, settings: settings)
        let vaultFiles = NoteFiles.vaultFiles(under: vaultRoot) + notes.map(\.vaultPath)
        let aliases = Dictionary(notes.map { ($0.vaultPath, $0.aliases) }, uniquingKeysWith: +)
        let resolver = WikilinkResolver(files: vaultFiles, aliases: aliases)
        let links = PublishedLinks(resolver: resolver, pages: plan.pages.map { PublishedLinks.Page(vaultPath: $0.vaultPath, slug: $0.slug) },
                                   pattern: "{slug}.html", fileExtension: "html", copiesAssets: true)
        let page = HTMLPage(templates: templates, options: options, unsafe: unsafe)

        // Published notes cleaned again when they or where links lead changed.
        let linkKey = linkInputs(plan, files: vaultFiles, aliases: aliases, cacheKey: cacheKey)
        let cleaningKeys = plan.pages.map { page in
            var hash = ContentHash()
            hash.combine("\(linkKey) \(notes[page.note].content)")
            return hash.value
        }
        var cleaned: [Int: CleanedNote] = [:]
        let stale = plan.pages.indices.filter { notes[plan.pages[$0].note].cleaning != cleaningKeys[$0] }
        for (index, note) in clean(stale, plan: plan, notes: notes, parsed: &parsed, links: links, recording: cleaningKeys, into: &cleaned,
                                   report: &report) {
            notes[plan.pages[index].note] = note
            entries[note.path]?.note = note
            changedEntries.insert(note.path)
        }
        let backlinks = Backlinks.of(plan, notes: notes, links: links)
        let sources = SourcesPages(plan.pages.indices.map { ($0, notes[plan.pages[$0].note].sources) })
        report.pages = plan.pages.count
        for page in plan.pages { report.warnings += notes[page.note].warnings }

        // Note pages: rendered when their inputs changed or their file is gone.
        let old = SiteManifest.read(from: output)
        var manifest = SiteManifest()
        let shared = pageInputs(linkKey), existing = Self.files(in: output)
        let siteNotes = notes, pageIndexes = Array(plan.pages.indices)
        // Each page's embedded pages and its input hash, in one pass on every core.
        let embedsAndHashes = pageIndexes.concurrentMap { index -> (embeds: [Int], hash: String) in
            let embeds = embedded(index, plan: plan, notes: siteNotes, links: links)
            var hash = ContentHash()
            hash.combine(String(shared))
            for page in [index] + embeds { hash.combine(String(siteNotes[plan.pages[page].note].content)) }
            for page in backlinks[index] { hash.combine(plan.pages[page].vaultPath) }
            for source in siteNotes[plan.pages[index].note].sources { hash.combine(sources.url(key: source.key) ?? "") }
            return (embeds, String(hash.value, radix: 16))
        }
        let embeds = embedsAndHashes.map(\.embeds), hashes = embedsAndHashes.map(\.hash)
        let toRender = plan.pages.indices.filter { index in
            let url = plan.pages[index].url
            return old.pages[url]?.hash != hashes[index] || !existing.contains(url)
        }
        parse(Set(toRender + toRender.flatMap { embeds[$0] }), plan: plan, notes: notes, into: &parsed, report: &report)
        clean(toRender.filter { cleaned[$0] == nil }, plan: plan, notes: notes, parsed: &parsed, links: links, into: &cleaned, report: &report)
        let pageNotes = Dictionary(uniqueKeysWithValues: plan.pages.indices.compactMap { index in parsed[plan.pages[index].note].map { (index, $0) } })
        let transclusions = Transclusions(notes: pageNotes, plan: plan, options: options, links: links, page: page)
        // Index, source and tag pages, sitemap, feed and llms.txt follow from the pages' listing
        // facts: made only when those changed (or a file is gone), and an index page rendered only
        // when its body changed. The search index is made when its inputs changed. A file
        // that failed to be written is made again by the next build. These files and the cache of
        // note facts are made with the note pages, on every core at once (no core waits for the
        // last note page before they start); the assets the pages show are copied after them.
        var jobs: [FinalJob] = []
        if let cacheFile, !changedEntries.isEmpty || entries.count != cache.entries.count { jobs.append(.cache(cacheFile)) }
        let inputNotes = notes
        let inputs = [false, true].concurrentMap { listing in
            listing ? listingInputs(plan, notes: inputNotes, shared: shared) : searchInputs(plan, notes: inputNotes)
        }
        manifest.search = inputs[0]
        if manifest.search != old.search || !existing.contains("search.json") { jobs.append(.search) }
        manifest.listing = inputs[1]
        if manifest.listing == old.listing, old.derived.keys.allSatisfy({ existing.contains($0) }) {
            manifest.derived = old.derived
        } else {
            let listing = listingJobs(plan, notes: notes, sources: sources, shared: shared, old: old, existing: existing)
            manifest.derived = listing.keys
            jobs += listing.toWrite.map { FinalJob.listing(url: $0.url, file: $0.file) }
        }

        progress?.begin(total: toRender.count)
        let cleanedPages = cleaned, finalEntries = entries, changed = changedEntries, finalNotes = notes, finalJobs = jobs
        // The cache and the search index (megabytes each) first, then the broken links of the notes'
        // own links, the note pages, then the listing files, the largest first, so that no large job
        // is left for one core at the end.
        let sizes = jobs.map(\.size)
        let work = jobs.indices.filter { sizes[$0] == .max }.map(Work.final) + [Work.links] + toRender.map(Work.page)
            + jobs.indices.filter { sizes[$0] != .max }.sorted { sizes[$0] > sizes[$1] }.map(Work.final)
        let outcomes = work.concurrentMap { work -> Outcome? in
            switch work {
            case .page(let index):
                defer { progress?.advance() }
                guard let note = pageNotes[index], let cleaned = cleanedPages[index] else { return nil }
                let result = notePage(index, plan: plan, note: note, cleaned: cleaned, page: page, backlinks: backlinks[index],
                                      sources: sources, transclusions: transclusions)
                // Written here, on the rendering threads.
                let written = Result { try output.write(Data(result.html.utf8), at: plan.pages[index].url, onlyIfChanged: true) }
                return .page(index: index, written: written, found: result.found)
            case .final(let index):
                return .final(index: index, result: run(finalJobs[index], output: output, page: page, plan: plan, notes: finalNotes,
                                                        entries: finalEntries, cache: cache, changed: changed, cacheKey: cacheKey))
            case .links:
                return .links(unlinked: plan.pages.map { ownBrokenLinks(of: finalNotes[$0.note], from: $0.vaultPath, resolver: resolver) },
                              anchors: BrokenLinks.missingAnchors(plan, notes: finalNotes, links: links))
            }
        }
        var renderedPages: [Int: (written: Result<URL?, any Error>, found: Transclusions.Found)] = [:]
        var results = [Result<URL?, any Error>](repeating: .success(nil), count: jobs.count)
        var unlinked: [[BrokenLink]] = [], anchors: [BrokenLink] = []
        for case let outcome? in outcomes {
            switch outcome {
            case .page(let index, let written, let found): renderedPages[index] = (written, found)
            case .final(let index, let result): results[index] = result
            case .links(let byPage, let missing): (unlinked, anchors) = (byPage, missing)
            }
        }
        var rendering = [Bool](repeating: false, count: plan.pages.count)
        for index in toRender { rendering[index] = true }
        var produced: [String] = []
        var assets: [String] = []
        for (index, pagePlan) in plan.pages.enumerated() {
            let embeddedAssets: [String], embedProblems: [BrokenLink]
            if let (written, found) = renderedPages[index] {
                report.rendered += 1
                switch written {
                case .success(let file?): report.written.append(file)
                case .success(nil): break
                case .failure(let error): report.errors.append("\(notes[pagePlan.note].path): \(error)")
                }
                embeddedAssets = found.assets
                embedProblems = found.problems.map { problem in
                    let path = plan.byPath[problem.path].map { notes[plan.pages[$0].note].path } ?? problem.path
                    return BrokenLink(path: path, position: problem.nested ? nil : problem.link.range.start,
                                      target: BrokenLink.target(of: problem.link), reason: problem.reason)
                }
            } else {
                embeddedAssets = old.pages[pagePlan.url]?.assets ?? []
                embedProblems = old.pages[pagePlan.url]?.broken ?? []
            }
            report.broken += embedProblems
            if renderedPages[index] != nil || !rendering[index] {
                manifest.pages[pagePlan.url] = SiteManifest.Page(hash: hashes[index], assets: embeddedAssets, broken: embedProblems)
            }
            produced.append(pagePlan.url)
            assets += notes[pagePlan.note].assets + embeddedAssets
            report.broken += unlinked[index]
        }
        report.broken += anchors
        var unique = Set<String>(minimumCapacity: report.broken.count)
        report.broken = report.broken.filter { unique.insert($0.description).inserted }
        produced += manifest.derived.keys + ["search.json", "search.js", Self.stylesheetFile]

        var copied = Set<String>()
        let assetJobs = assets.filter { copied.insert($0).inserted }.map { FinalJob.asset($0) }
        results += assetJobs.concurrentMap { job in
            run(job, output: output, page: page, plan: plan, notes: finalNotes, entries: finalEntries, cache: cache, changed: changed,
                cacheKey: cacheKey)
        }
        jobs += assetJobs
        // Reported in the order of a build one file at a time: listing files, search index, assets.
        for index in jobs.indices.filter({ jobs[$0].isListing }) + jobs.indices.filter({ !jobs[$0].isListing }) {
            switch (jobs[index], results[index]) {
            case (.asset(let asset), .success): produced.append(PublishedLinks.assetFolder + "/" + asset)
            case (_, .success(let file?)): report.written.append(file)
            case (_, .success(nil)): break
            case (.listing(let url, _), .failure(let error)):
                report.errors.append("\(url): \(error)")
                manifest.derived[url] = ""
                manifest.listing = nil
            case (.search, .failure(let error)):
                report.errors.append("search.json: \(error)")
                manifest.search = nil
            case (.asset(let asset), .failure(let error)): report.errors.append("\(asset): \(error)")
            case (.cache, .failure): break
            }
        }
        write(Data(templates.searchScript.utf8), at: "search.js", to: output, note: "search.js", report: &report)
        write(Data(templates.stylesheet.utf8), at: Self.stylesheetFile, to: output, note: Self.stylesheetFile, report: &report)
        manifest.others = produced.filter { manifest.pages[$0] == nil && manifest.derived[$0] == nil }
        let kept = Set(produced)
        report.removed = SiteManifest.removeStale(old.files, keeping: kept, in: output)
            + SiteManifest.removeStale([SiteManifest.formerFileName], keeping: kept, in: output)
        do {
            try manifest.write(to: output)
        } catch {
            report.errors.append("\(SiteManifest.fileName): \(error)")
        }
        return (report, Leftovers((parsed, pageNotes, cleanedPages, transclusions, finalNotes, finalEntries, cache, plan, links, resolver,
                                   backlinks, sources, outcomes, renderedPages, jobs, results, old, manifest, existing, embedsAndHashes)))
    }

    /// A note's facts: from the cache when its file's stamp or bytes are the ones cached, else
    /// read from the note, parsed (returned with them).
    private struct Loaded: Sendable {
        var entry: SiteCache.Entry
        var note: Note?
    }

    private func load(_ files: [String], cache: SiteCache) -> [Result<Loaded, NoteError>] {
        let started = FileStamp.now(), cached = cache.entries
        return files.concurrentMap { path in
            Result { () throws(NoteError) -> Loaded in
                let stamp = FileStamp(of: path), vaultPath = VaultPath.relative(path, to: vaultRoot)
                let previous = cached[path].flatMap { $0.note.vaultPath == vaultPath ? $0 : nil }
                if let stamp, let previous, previous.stamp == stamp { return Loaded(entry: previous, note: nil) }
                let parser = NoteParser()
                let bytes = try parser.read(path)
                let content = ContentHash(bytes).value
                let settled = stamp.flatMap { $0.isSettled(before: started) ? $0 : nil }
                if let previous, previous.note.content == content { return Loaded(entry: SiteCache.Entry(stamp: settled, note: previous.note), note: nil) }
                let note = try parser.parse(bytes: bytes, path: path)
                return Loaded(entry: SiteCache.Entry(stamp: settled, note: SiteNote(note: note, vaultPath: vaultPath, content: content, settings: settings)),
                              note: note)
            }
        }
    }

    /// Parses the notes of pages `indexes` not parsed yet (by note index into `parsed`).
    private func parse(_ indexes: Set<Int>, plan: SitePlan, notes: [SiteNote], into parsed: inout [Int: Note], report: inout Report) {
        let missing = indexes.map { plan.pages[$0].note }.filter { parsed[$0] == nil }
        for (note, result) in zip(missing, missing.concurrentMap { note in
            Result { () throws(NoteError) in try NoteParser().parse(contentsOf: notes[note].path) }
        }) {
            switch result {
            case .success(let parsedNote): parsed[note] = parsedNote
            case .failure(let error): report.errors.append(error.description)
            }
        }
    }

    /// Cleans the notes of pages `indexes` (parsing them first when needed) into `cleaned`, by page
    /// index. With `keys` (by page index), returns the facts of the notes cleaned with what cleaning
    /// found (`SiteNote.record`), made on the cores that cleaned them, by page index.
    @discardableResult
    private func clean(_ indexes: [Int], plan: SitePlan, notes: [SiteNote], parsed: inout [Int: Note], links: PublishedLinks,
                       recording keys: [UInt64]? = nil, into cleaned: inout [Int: CleanedNote], report: inout Report) -> [(Int, SiteNote)] {
        parse(Set(indexes), plan: plan, notes: notes, into: &parsed, report: &report)
        let sources = parsed
        let results = indexes.concurrentMap { index -> (cleaned: CleanedNote, recorded: SiteNote?)? in
            guard let note = sources[plan.pages[index].note] else { return nil }
            var cleaner = NoteCleaner(note: note, vaultPath: plan.pages[index].vaultPath, options: options, links: links)
            cleaner.transcludes = true
            cleaner.linksNotes = true
            let cleanedNote = cleaner.clean()
            guard let keys else { return (cleanedNote, nil) }
            var site = notes[plan.pages[index].note]
            site.record(cleanedNote, cleaning: keys[index])
            return (cleanedNote, site)
        }
        var recorded: [(Int, SiteNote)] = []
        for (index, result) in zip(indexes, results) {
            cleaned[index] = result?.cleaned
            if let site = result?.recorded { recorded.append((index, site)) }
        }
        return recorded
    }

    /// What the cache was made with: its notes' facts depend on the vault root and the settings.
    var cacheKey: UInt64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let options = (try? encoder.encode(self.options)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        var hash = ContentHash()
        for part in [generator, vaultRoot, "\(settings)", options, String(unsafe)] { hash.combine(part) }
        return hash.value
    }

    /// Where links lead: what cleaning a note depends on besides the note: the cache's key,
    /// every page's path, title and slug, and the vault's files and aliases.
    private func linkInputs(_ plan: SitePlan, files: [String], aliases: [String: [String]], cacheKey: UInt64) -> UInt64 {
        var hash = ContentHash()
        hash.combine(String(cacheKey))
        for page in plan.pages { hash.combine("\(page.vaultPath)\u{0}\(page.title)\u{0}\(page.slug)") }
        hash.combine("\u{1}")
        for file in Set(files).sorted() { hash.combine(file) }
        hash.combine("\u{1}")
        for path in aliases.keys.sorted() { hash.combine(path + "\u{0}" + (aliases[path] ?? []).joined(separator: "\u{0}")) }
        return hash.value
    }

    /// What the listing files depend on besides the settings and templates (`shared`): each
    /// page's path, URL, title, collection, tags, dates, lede, feed id and sources.
    private func listingInputs(_ plan: SitePlan, notes: [SiteNote], shared: UInt64) -> String {
        var hash = ContentHash()
        hash.combine(String(shared))
        for page in plan.pages {
            let note = notes[page.note]
            for part in [page.vaultPath, page.slug, page.title, page.collection, page.tags.joined(separator: "\u{0}"),
                         page.published ?? "\u{1}", page.modified ?? "\u{1}", page.lede ?? "\u{1}", note.uuid ?? "\u{1}"] { hash.combine(part) }
            for source in note.sources {
                for part in [String(source.number), source.key, source.name, source.title, source.markdown] { hash.combine(part) }
            }
            hash.combine("\u{2}")
        }
        return String(hash.value, radix: 16)
    }

    /// What `search.json` is made from: each page's title, URL, lede, tags and searchable text
    /// (an edit past the text's first `SearchIndex.textLength` characters changes none of it).
    private func searchInputs(_ plan: SitePlan, notes: [SiteNote]) -> String {
        var hash = ContentHash()
        for page in plan.pages {
            for part in [page.url, page.title, page.lede ?? "\u{1}", page.tags.joined(separator: "\u{0}")] { hash.combine(part) }
            hash.combine(notes[page.note].searchText)
        }
        return String(hash.value, radix: 16)
    }

    /// The listing files (index, collection, tag and sources pages, sitemap, feed, llms.txt) to
    /// write: an index page only when its body changed or its file is gone. Returns the
    /// listing files' keys for the manifest too.
    private func listingJobs(_ plan: SitePlan, notes: [SiteNote], sources: SourcesPages, shared: UInt64, old: SiteManifest,
                             existing: Set<String>) -> (keys: [String: String], toWrite: [(url: String, file: DerivedFile)]) {
        var keys: [String: String] = [:]
        var toWrite: [(url: String, file: DerivedFile)] = []
        for (url, file, key) in listingFiles(plan, notes: notes, sources: sources, shared: shared) {
            keys[url] = key
            if case .page = file, old.derived[url] == key, existing.contains(url) { continue }
            toWrite.append((url, file))
        }
        return (keys, toWrite)
    }

    /// A job of the build's last stages (run on every core): the cache of note facts, the search
    /// index, a listing file (these with the note pages), an asset copied (after them).
    private enum FinalJob: Sendable {
        case cache(String)
        case search
        case listing(url: String, file: DerivedFile)
        case asset(String)

        var isListing: Bool {
            if case .listing = self { return true }
            return false
        }

        /// About how much work it is, to start the largest first: the cache and the search index
        /// (megabytes each) before all, then a page's body or a text by length, an asset as 64 KB.
        var size: Int {
            switch self {
            case .cache, .search: return .max
            case .listing(_, .page(_, .markdown(let text), _)), .listing(_, .page(_, .html(let text), _)): return text.utf8.count
            case .listing(_, .page(_, .source(let body), _)): return body.source.utf8.count + body.citedBy.items.count * 64
            case .listing(_, .text(let text)): return text.utf8.count
            case .asset: return 1 << 16
            }
        }
    }

    /// A job of the pages' stage: note page `index` of the plan, final job `index`, or the broken
    /// links of the notes' own links.
    private enum Work: Sendable {
        case page(Int)
        case final(Int)
        case links
    }

    /// What a job of the pages' stage did.
    private enum Outcome: Sendable {
        case page(index: Int, written: Result<URL?, any Error>, found: Transclusions.Found)
        case final(index: Int, result: Result<URL?, any Error>)
        /// By page, the links of its note that lead to no page; then the links to a heading or
        /// block a page does not have.
        case links(unlinked: [[BrokenLink]], anchors: [BrokenLink])
    }

    /// Runs a final job: the file written (nil: unchanged, or not a file of the site).
    private func run(_ job: FinalJob, output: OutputFolder, page: HTMLPage, plan: SitePlan, notes: [SiteNote],
                     entries: [String: SiteCache.Entry], cache: SiteCache, changed: Set<String>, cacheKey: UInt64) -> Result<URL?, any Error> {
        Result { () throws -> URL? in
            switch job {
            case .cache(let file):
                // A cache that cannot be written (a read-only vault) only makes the next build slower.
                SiteCache(entries: entries).write(to: file, key: cacheKey, keeping: cache, changed: changed)
                return nil
            case .search:
                return try output.write(SearchIndex.json(plan, texts: plan.pages.map { notes[$0.note].searchText }), at: "search.json",
                                        onlyIfChanged: true)
            case .listing(let url, let file):
                switch file {
                case .page(let title, let body, let root):
                    let html = indexPage(title: title, body: body, root: root, url: url, page: page)
                    return try output.write(Data(html.utf8), at: url, onlyIfChanged: true)
                case .text(let text):
                    return try output.write(Data(text.utf8), at: url, onlyIfChanged: true)
                }
            case .asset(let asset):
                try output.copy(asset, from: vaultRoot, into: PublishedLinks.assetFolder, onlyIfChanged: true)
                return nil
            }
        }
    }

    /// The output-relative paths of the pages in `output` and in its page folders (a listing of
    /// each folder, not a look-up per file).
    private static func files(in output: OutputFolder) -> Set<String> {
        var files = Set<String>()
        for folder in ["", "collections/", "tags/", "sources/"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: output.url.path + "/" + folder)) ?? [] { files.insert(folder + name) }
        }
        return files
    }

    /// What every page depends on: where links lead and the templates.
    private func pageInputs(_ linkKey: UInt64) -> UInt64 {
        var hash = ContentHash()
        for part in [String(linkKey), templates.fingerprint] { hash.combine(part) }
        return hash.value
    }

    /// The pages whose notes page `index` embeds, directly or through embedded notes, sorted.
    private func embedded(_ index: Int, plan: SitePlan, notes: [SiteNote], links: PublishedLinks) -> [Int] {
        var seen: Set<Int> = [index], queue = [index]
        while let next = queue.popLast() {
            for link in notes[plan.pages[next].note].links where link.isEmbed && !link.target.isEmpty {
                guard let path = links.notePath(target: link.target, from: plan.pages[next].vaultPath), let target = plan.byPath[path],
                      seen.insert(target).inserted else { continue }
                queue.append(target)
            }
        }
        return seen.subtracting([index]).sorted()
    }

    /// The links of `note` (at `vaultPath`) that lead to no page of the site, with why.
    private func ownBrokenLinks(of note: SiteNote, from vaultPath: String, resolver: WikilinkResolver) -> [BrokenLink] {
        note.unlinked.map { link in
            BrokenLink(path: note.path, position: link.start, target: link.written, reason: reason(link.target, from: vaultPath, resolver: resolver))
        }
    }

    /// Why a link leads nowhere.
    private func reason(_ target: String, from source: String, resolver: WikilinkResolver) -> String {
        guard let path = resolver.resolve(target, from: source).path else { return "not found" }
        return NoteFiles.isMarkdown(path) ? "not published" : "not copied"
    }

    /// The HTML of note page `index` and what its embeds found.
    private func notePage(_ index: Int, plan: SitePlan, note: Note, cleaned: CleanedNote, page: HTMLPage, backlinks: [Int],
                          sources: SourcesPages, transclusions: Transclusions) -> (html: String, found: Transclusions.Found) {
        let pagePlan = plan.pages[index]
        var context = page.context(title: cleaned.title, frontMatter: cleaned.frontMatter, sources: cleaned.sources, markdown: cleaned.markdown)
        var found = Transclusions.Found()
        let body = transclusions.fill(context.text("body") ?? "", cleaned.transclusions, in: pagePlan.vaultPath, found: &found)
        context["body"] = .text(body)
        if case .list(let list)? = context["sources"] {
            context["sources"] = .list(list.map { entry in
                guard case .object(var entry) = entry, case .number(let number)? = entry["number"],
                      let source = cleaned.sources.first(where: { $0.number == number }), let url = sources.url(of: source) else { return entry }
                entry["sourcePage"] = .text(url)
                return .object(entry)
            })
        }
        let toc = TableOfContents.entries(of: body)
        context["toc"] = .list(toc)
        context["hasToc"] = .flag(settings.tocHeadings > 0 && toc.count >= settings.tocHeadings)
        let backlinkEntries = backlinks.map { TemplateValue.object(["url": .text(plan.pages[$0].url), "title": .text(plan.pages[$0].title)]) }
        context["backlinks"] = .list(backlinkEntries)
        context["hasBacklinks"] = .flag(!backlinkEntries.isEmpty)
        // Tags are shown as links to their pages, not again among the other keys.
        if case .list(let meta)? = context["meta"] {
            let shown = meta.filter { if case .object(let entry) = $0 { entry.text("key") != "tags" } else { true } }
            context["meta"] = .list(shown)
            context["hasMeta"] = .flag(!shown.isEmpty)
        }
        context["tags"] = .list(pagePlan.tags.map { .object(["name": .text($0), "url": .text(SitePlan.tagURL($0))]) })
        context["hasTags"] = .flag(!pagePlan.tags.isEmpty)
        let url = settings.url.map { $0 + pagePlan.url }
        context["openGraph"] = .list(Metadata.openGraph(pagePlan, url: url, siteTitle: settings.title))
        context["jsonLD"] = .text(Metadata.jsonLD(pagePlan, note: note, url: url))
        context["canonical"] = .text(orFalse: url)
        addSiteKeys(&context, root: "")
        return (templates.render(context, template: "site"), found)
    }

    /// The site's stylesheet, written once and linked from every page (`stylesheetURL`).
    static let stylesheetFile = "notekit.css"

    /// The keys every site page has: the site's title and language, the way to the top, the
    /// stylesheet's URL (`head` links it instead of inlining `stylesheet`).
    private func addSiteKeys(_ context: inout TemplateObject, root: String) {
        context["root"] = .text(root)
        context["stylesheetURL"] = .text(root + Self.stylesheetFile)
        context["siteTitle"] = .text(settings.title)
        context["language"] = .text(settings.language)
        for key in Self.listKeys where !context.contains(key) { context[key] = .list([]) }
        for key in Self.flagKeys where !context.contains(key) { context[key] = .flag(false) }
    }

    /// The keys of a note page that other site pages have empty (lists) or `false`.
    private static let listKeys: [TemplateKey] = ["toc", "backlinks", "tags", "openGraph"]
    private static let flagKeys: [TemplateKey] = ["hasToc", "hasBacklinks", "hasTags", "jsonLD", "canonical"]

    /// An index page (`root` leads from its folder to the top); a Markdown body links relative to the top.
    private func indexPage(title: String, body: DerivedFile.Body, root: String, url: String, page: HTMLPage) -> String {
        let html: String
        switch body {
        case .markdown(let markdown):
            let context = page.context(title: title, frontMatter: [], sources: [], markdown: markdown, isNote: false)
            html = RelativeURLs.rebase(context.text("body") ?? "", prefix: root)
        case .html(let given):
            html = given
        case .source(let body):
            // What the index page's passes leave of cmark-gfm's HTML of the whole body, written
            // directly, or the passes over that HTML made of its parts when they compose.
            if let passed = body.passedHTML(prefix: root) {
                html = passed
            } else if let composed = body.cmarkHTML(unsafe: page.unsafe) {
                html = Self.indexPasses(composed, prefix: root)
            } else {
                return indexPage(title: title, body: .markdown(body.markdown), root: root, url: url, page: page)
            }
        }
        let canonical = settings.url.map { $0 + url }
        if let listingRender {
            return listingRender.render([title, html, root, root + Self.stylesheetFile] + (canonical.map { [$0] } ?? []))
        }
        return templates.render(listingContext(title: title, html: html, root: root, canonical: canonical, page: page), template: "site")
    }

    /// An index page's context: the page's keys (`HTMLPage.context` of its title and body HTML),
    /// its canonical URL and the site's keys.
    private func listingContext(title: String, html: String, root: String, canonical: String?, page: HTMLPage) -> TemplateObject {
        var context = page.context(title: title, frontMatter: [], sources: [], markdown: "", isNote: false, html: html)
        context["canonical"] = .text(orFalse: canonical)
        addSiteKeys(&context, root: root)
        return context
    }

    /// The keys of an index page's context that differ from page to page, in the order
    /// `indexPage` gives their texts (the canonical URL only when the site has a URL).
    private var listingVarying: [TemplateKey] {
        ["title", "body", "root", "stylesheetURL"] + (settings.url == nil ? [] : ["canonical"])
    }

    /// A file of the site besides note pages and assets: an index page (its title, body and the
    /// way from its folder to the top), or the text of a file.
    private enum DerivedFile: Sendable {
        /// An index page's body: Markdown linking relative to the site's top, its final HTML, or
        /// a source's page.
        enum Body: Sendable {
            case markdown(String)
            case html(String)
            case source(SourcesPages.Page)
        }

        case page(title: String, body: Body, root: String)
        case text(String)
    }

    /// A listing file named before it is made: what it lists.
    private enum Listing: Sendable {
        case home
        case collection(name: String, pages: [Int])
        case tag(name: String, pages: [Int])
        /// An entry of `SourcesPages`.
        case source(Int)
        case sourcesIndex
        case sitemap(urls: [String])
        case feed
        case llms

        /// One of the site's largest listing files: it lists every page, every source or a collection.
        var isLarge: Bool {
            switch self {
            case .source, .tag: return false
            default: return true
            }
        }
    }

    /// The files of the site that list pages (index, collection, tag and sources pages, sitemap,
    /// feed, llms.txt), by output-relative path, each with its key (of an index page: a hash of
    /// its body; else empty). Named in order on the calling thread, made on every core.
    private func listingFiles(_ plan: SitePlan, notes: [SiteNote], sources: SourcesPages,
                              shared: UInt64) -> [(url: String, file: DerivedFile, key: String)] {
        var listings: [(url: String, listing: Listing)] = [("index.html", .home)]
        listings += plan.collections.map { (SitePlan.collectionURL($0.name), .collection(name: $0.name, pages: $0.pages)) }
        listings += plan.tags.map { (SitePlan.tagURL($0.name), .tag(name: $0.name, pages: $0.pages)) }
        listings += sources.entries.indices.map { (sources.entries[$0].url, .source($0)) }
        listings.append(("sources/index.html", .sourcesIndex))
        let pageURLs = listings.map(\.url) + plan.pages.map(\.url)
        listings += [("sitemap.xml", .sitemap(urls: pageURLs)), ("feed.xml", .feed), ("llms.txt", .llms)]
        // The largest first, so that no core is left alone with one of them at the end; returned in order.
        let named = listings
        let order = named.indices.filter { named[$0].listing.isLarge } + named.indices.filter { !named[$0].listing.isLarge }
        let made = order.concurrentMap { index -> (url: String, file: DerivedFile, key: String) in
            let (url, listing) = named[index]
            let file = listingFile(listing, plan: plan, notes: notes, sources: sources)
            guard case .page(let title, let body, let root) = file else { return (url, file, "") }
            var hash = ContentHash()
            switch body {
            case .markdown(let markdown): for part in [String(shared), url, title, markdown, root] { hash.combine(part) }
            case .source(let body):
                // Its parts, without making its Markdown: the source, then each citing page's title, link and number.
                for part in [String(shared), url, title, "source", body.source, root] { hash.combine(part) }
                for item in body.citedBy.items { for part in [item.title, item.url, item.after] { hash.combine(part) } }
            case .html(let html): for part in [String(shared), url, title, "html", html, root] { hash.combine(part) }
            }
            return (url, file, String(hash.value, radix: 16))
        }
        var slots = [Int](repeating: 0, count: order.count)
        for (slot, index) in order.enumerated() { slots[index] = slot }
        return slots.map { made[$0] }
    }

    /// An index page's passes over cmark-gfm's HTML of its body: heading ids, unsafe URLs emptied,
    /// links relative to the top moved by `prefix`.
    private static func indexPasses(_ html: String, prefix: String) -> String {
        RelativeURLs.rebase(URLSafety.filterAttributes(HeadingIDs.render(html)), prefix: prefix)
    }

    /// The body of a page (in a folder of the top) listing only `list`: its HTML when it can be
    /// written directly, else the index page's passes over cmark-gfm's HTML of its Markdown, made
    /// of its items when they compose, else its Markdown.
    private func body(_ list: LinkList) -> DerivedFile.Body {
        if let html = list.html(prefix: "../") { return .html(html) }
        guard let html = list.cmarkHTML(unsafe: unsafe) else { return .markdown(list.markdown) }
        return .html(Self.indexPasses(html, prefix: "../"))
    }

    /// The page or text of one listing file.
    private func listingFile(_ listing: Listing, plan: SitePlan, notes: [SiteNote], sources: SourcesPages) -> DerivedFile {
        switch listing {
        case .home:
            return .page(title: settings.title, body: .markdown(Indexes.home(plan, description: settings.description)), root: "")
        case .collection(let name, let pages):
            return .page(title: name.isEmpty ? "Notes" : name, body: body(Indexes.list(plan.newestFirst(pages), plan: plan)), root: "../")
        case .tag(let name, let pages):
            return .page(title: "Tagged \(name)", body: body(Indexes.list(plan.newestFirst(pages), plan: plan)), root: "../")
        case .source(let index):
            let entry = sources.entries[index]
            return .page(title: entry.title, body: .source(sources.page(entry, pages: plan.pages)), root: "../")
        case .sourcesIndex:
            return .page(title: "Sources", body: body(sources.index()), root: "../")
        case .sitemap(let urls):
            return .text(Feeds.sitemap(urls.sorted(), base: settings.url))
        case .feed:
            let uuids = Dictionary(plan.pages.compactMap { page in notes[page.note].uuid.map { (page.vaultPath, $0) } },
                                   uniquingKeysWith: { first, _ in first })
            return .text(Feeds.atom(plan, settings: (settings.title, settings.url, settings.description), count: settings.feedEntries, uuids: uuids))
        case .llms:
            return .text(LlmsTxt.text(plan, title: settings.title, description: settings.description, base: settings.url))
        }
    }

    private func write(_ data: Data, at url: String, to output: OutputFolder, note: String, report: inout Report) {
        do {
            if let file = try output.write(data, at: url, onlyIfChanged: true) { report.written.append(file) }
        } catch {
            report.errors.append("\(note): \(error)")
        }
    }
}
