import Foundation
import NoteConfiguration
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
    /// Told of each note page rendered, for a progress bar.
    public var progress: (any ProgressObserver)?

    public init(options: RenderOptions = RenderOptions(), settings: SiteSettings, templates: PageTemplates, unsafe: Bool = false,
                vaultRoot: String, generator: String) {
        self.options = options
        self.settings = settings
        self.templates = templates
        self.unsafe = unsafe
        self.vaultRoot = vaultRoot
        self.generator = generator
    }

    /// Builds the site of `files` (the published ones among them) into `output`.
    public func build(files: [String], output: OutputFolder) -> Report {
        var report = Report()
        var parsed: [Note] = []
        for result in NoteParser().parse(files: files) {
            switch result {
            case .success(let note): parsed.append(note)
            case .failure(let error): report.errors.append(error.description)
            }
        }
        let notes = parsed
        let vaultPaths = notes.map { VaultPath.relative($0.path, to: vaultRoot) }
        let plan = SitePlan(notes: notes, vaultPaths: vaultPaths, settings: settings)
        let resolver = WikilinkResolver(files: NoteFiles.vaultFiles(under: vaultRoot), notes: Array(zip(vaultPaths, notes)))
        let links = PublishedLinks(resolver: resolver, pages: plan.pages.map { PublishedLinks.Page(vaultPath: $0.vaultPath, slug: $0.slug) },
                                   pattern: "{slug}.html", fileExtension: "html", copiesAssets: true)
        let page = HTMLPage(templates: templates, options: options, unsafe: unsafe)
        let cleaned = plan.pages.concurrentMap { page in
            var cleaner = NoteCleaner(note: notes[page.note], vaultPath: page.vaultPath, options: options, links: links)
            cleaner.transcludes = true
            return cleaner.clean()
        }
        let backlinks = Backlinks.of(plan, notes: notes, links: links)
        let sources = SourcesPages(cleaned.enumerated().map { ($0, $1.sources) })
        let transclusions = Transclusions(notes: notes, plan: plan, options: options, links: links, page: page)
        report.pages = plan.pages.count
        for part in cleaned { report.warnings += part.warnings }

        // Note pages: rendered when their inputs changed or their file is gone.
        let old = SiteManifest.read(from: output)
        var manifest = SiteManifest()
        let shared = sharedInputs(plan)
        let hashes = plan.pages.indices.map { index in
            var hash = ContentHash()
            hash.combine(shared)
            for page in [index] + embedded(index, plan: plan, notes: notes, links: links) { hash.combine(notes[plan.pages[page].note].source.bytes) }
            for page in backlinks[index] { hash.combine(plan.pages[page].vaultPath) }
            return String(hash.value, radix: 16)
        }
        progress?.begin(total: plan.pages.count)
        let rendered = Array(plan.pages.indices).concurrentMap { index -> (html: String, found: Transclusions.Found)? in
            defer { progress?.advance() }
            let url = plan.pages[index].url
            if let previous = old.pages[url], previous.hash == hashes[index],
               FileManager.default.fileExists(atPath: output.url.appendingPathComponent(url).path) { return nil }
            return notePage(index, plan: plan, notes: notes, cleaned: cleaned[index], page: page, backlinks: backlinks[index],
                            sources: sources, transclusions: transclusions)
        }
        var produced: [String] = []
        var assets: [String] = []
        for (index, result) in rendered.enumerated() {
            let pagePlan = plan.pages[index], note = notes[pagePlan.note]
            let embeddedAssets: [String], embedProblems: [BrokenLink]
            if let result {
                report.rendered += 1
                write(result.html, at: pagePlan.url, to: output, note: note.path, report: &report)
                embeddedAssets = result.found.assets
                embedProblems = result.found.problems.map { problem in
                    let path = plan.byPath[problem.path].map { notes[plan.pages[$0].note].path } ?? problem.path
                    return BrokenLink(path: path, position: problem.nested ? nil : problem.link.range.start,
                                      target: BrokenLink.target(of: problem.link), reason: problem.reason)
                }
            } else {
                embeddedAssets = old.pages[pagePlan.url]?.assets ?? []
                embedProblems = old.pages[pagePlan.url]?.broken ?? []
            }
            report.broken += embedProblems
            manifest.pages[pagePlan.url] = SiteManifest.Page(hash: hashes[index], assets: embeddedAssets, broken: embedProblems)
            produced.append(pagePlan.url)
            assets += cleaned[index].assets + embeddedAssets
            report.broken += cleaned[index].unlinked.map { link in
                BrokenLink(path: note.path, position: link.range.start, target: BrokenLink.target(of: link),
                           reason: reason(link, from: pagePlan.vaultPath, resolver: resolver))
            }
        }
        report.broken += BrokenLinks.missingAnchors(plan, notes: notes, links: links)
        var unique = Set<String>()
        report.broken = report.broken.filter { unique.insert($0.description).inserted }

        // Index, source and tag pages, feeds, search, llms.txt: cheap, made every time, written when changed.
        for (url, text) in derivedFiles(plan, notes: notes, cleaned: cleaned, sources: sources, page: page) {
            write(text, at: url, to: output, note: url, report: &report)
            produced.append(url)
        }
        var copied = Set<String>()
        for asset in assets where copied.insert(asset).inserted {
            do {
                try output.copy(asset, from: vaultRoot, into: PublishedLinks.assetFolder, onlyIfChanged: true)
                produced.append(PublishedLinks.assetFolder + "/" + asset)
            } catch {
                report.errors.append("\(asset): \(error)")
            }
        }
        manifest.files = produced.sorted()
        report.removed = SiteManifest.removeStale(old.files, keeping: Set(produced), in: output)
        do {
            try manifest.write(to: output)
        } catch {
            report.errors.append("\(SiteManifest.fileName): \(error)")
        }
        return report
    }

    /// What every page depends on: notekit, the options and templates, every page's path, title and slug.
    private func sharedInputs(_ plan: SitePlan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let options = (try? encoder.encode(self.options)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        var hash = ContentHash()
        for part in [generator, "\(settings)", options, String(unsafe), templates.fingerprint]
            + plan.pages.map({ "\($0.vaultPath)\u{0}\($0.title)\u{0}\($0.slug)" }) { hash.combine(part) }
        return String(hash.value, radix: 16)
    }

    /// The pages whose notes page `index` embeds, directly or through embedded notes, sorted.
    private func embedded(_ index: Int, plan: SitePlan, notes: [Note], links: PublishedLinks) -> [Int] {
        var seen: Set<Int> = [index], queue = [index]
        while let next = queue.popLast() {
            for link in notes[plan.pages[next].note].wikilinks where link.isEmbed && !link.target.isEmpty {
                guard let path = links.notePath(of: link, from: plan.pages[next].vaultPath), let target = plan.byPath[path],
                      seen.insert(target).inserted else { continue }
                queue.append(target)
            }
        }
        return seen.subtracting([index]).sorted()
    }

    /// Why a link leads nowhere.
    private func reason(_ link: Wikilink, from source: String, resolver: WikilinkResolver) -> String {
        guard let path = resolver.resolve(link.target, from: source).path else { return "not found" }
        return NoteFiles.isMarkdown(path) ? "not published" : "not copied"
    }

    /// The HTML of note page `index` and what its embeds found.
    private func notePage(_ index: Int, plan: SitePlan, notes: [Note], cleaned: CleanedNote, page: HTMLPage, backlinks: [Int],
                          sources: SourcesPages, transclusions: Transclusions) -> (html: String, found: Transclusions.Found) {
        let pagePlan = plan.pages[index]
        var context = page.context(title: cleaned.title, frontMatter: cleaned.frontMatter, sources: cleaned.sources, markdown: cleaned.markdown)
        var found = Transclusions.Found()
        let body = transclusions.fill(context["body"] as? String ?? "", cleaned.transclusions, in: pagePlan.vaultPath, found: &found)
        context["body"] = body
        if let list = context["sources"] as? [[String: Any]] {
            context["sources"] = list.map { entry in
                var entry = entry
                if let number = entry["number"] as? Int, let source = cleaned.sources.first(where: { $0.number == number }),
                   let url = sources.url(of: source) {
                    entry["sourcePage"] = url
                }
                return entry
            }
        }
        let toc = TableOfContents.entries(of: body)
        context["toc"] = toc
        context["hasToc"] = settings.tocHeadings > 0 && toc.count >= settings.tocHeadings
        let backlinkEntries = backlinks.map { ["url": plan.pages[$0].url, "title": plan.pages[$0].title] }
        context["backlinks"] = backlinkEntries
        context["hasBacklinks"] = !backlinkEntries.isEmpty
        // Tags are shown as links to their pages, not again among the other keys.
        context["meta"] = (context["meta"] as? [[String: String]] ?? []).filter { $0["key"] != "tags" }
        context["hasMeta"] = !((context["meta"] as? [[String: String]])?.isEmpty ?? true)
        context["tags"] = pagePlan.tags.map { ["name": $0, "url": SitePlan.tagURL($0)] }
        context["hasTags"] = !pagePlan.tags.isEmpty
        let url = settings.url.map { $0 + pagePlan.url }
        context["openGraph"] = Metadata.openGraph(pagePlan, url: url, siteTitle: settings.title)
        context["jsonLD"] = Metadata.jsonLD(pagePlan, note: notes[pagePlan.note], url: url)
        context["canonical"] = url ?? false
        addSiteKeys(&context, root: "")
        return (templates.render(context, template: "site"), found)
    }

    /// The keys every site page has: the site's title and language, the way to the top.
    private func addSiteKeys(_ context: inout [String: Any], root: String) {
        context["root"] = root
        context["siteTitle"] = settings.title
        context["language"] = settings.language
        for key in ["toc", "backlinks", "tags", "openGraph"] where context[key] == nil { context[key] = [Any]() }
        for key in ["hasToc", "hasBacklinks", "hasTags", "jsonLD", "canonical"] where context[key] == nil { context[key] = false }
    }

    /// An index page (`root` leads from its folder to the top); `markdown` links relative to the top.
    private func indexPage(title: String, markdown: String, root: String, url: String, page: HTMLPage) -> String {
        var context = page.context(title: title, frontMatter: [], sources: [], markdown: markdown, isNote: false)
        context["body"] = RelativeURLs.rebase(context["body"] as? String ?? "", prefix: root)
        context["canonical"] = settings.url.map { $0 + url } ?? false
        addSiteKeys(&context, root: root)
        return templates.render(context, template: "site")
    }

    /// Every file of the site besides note pages and assets, by output-relative path.
    private func derivedFiles(_ plan: SitePlan, notes: [Note], cleaned: [CleanedNote], sources: SourcesPages,
                              page: HTMLPage) -> [(String, String)] {
        var files: [(String, String)] = []
        files.append(("index.html", indexPage(title: settings.title, markdown: Indexes.home(plan, description: settings.description),
                                              root: "", url: "index.html", page: page)))
        for (name, members) in plan.collections {
            let url = SitePlan.collectionURL(name)
            files.append((url, indexPage(title: name.isEmpty ? "Notes" : name, markdown: Indexes.list(plan.newestFirst(members), plan: plan),
                                         root: "../", url: url, page: page)))
        }
        for (name, members) in plan.tags {
            let url = SitePlan.tagURL(name)
            files.append((url, indexPage(title: "Tagged \(name)", markdown: Indexes.list(plan.newestFirst(members), plan: plan),
                                         root: "../", url: url, page: page)))
        }
        for entry in sources.entries {
            files.append((entry.url, indexPage(title: entry.title, markdown: sources.markdown(entry, pages: plan.pages),
                                               root: "../", url: entry.url, page: page)))
        }
        files.append(("sources/index.html", indexPage(title: "Sources", markdown: sources.indexMarkdown(), root: "../",
                                                      url: "sources/index.html", page: page)))
        let pageURLs = files.map(\.0) + plan.pages.map(\.url)
        files.append(("sitemap.xml", Feeds.sitemap(pageURLs.sorted(), base: settings.url)))
        let uuids = Dictionary(plan.pages.compactMap { page in
            notes[page.note].frontMatter?.value("site_uuid")?.scalarText.map { (page.vaultPath, $0) }
        }, uniquingKeysWith: { first, _ in first })
        files.append(("feed.xml", Feeds.atom(plan, settings: (settings.title, settings.url, settings.description),
                                             count: settings.feedEntries, uuids: uuids)))
        // The text of each page without the placeholders of its embeds.
        let texts = cleaned.map { note in note.transclusions.reduce(note.markdown) { $0.replacingOccurrences(of: $1.placeholder, with: " ") } }
        files.append(("search.json", SearchIndex.json(plan, texts: texts)))
        files.append(("search.js", templates.searchScript))
        files.append(("llms.txt", LlmsTxt.text(plan, title: settings.title, description: settings.description, base: settings.url)))
        return files
    }

    private func write(_ text: String, at url: String, to output: OutputFolder, note: String, report: inout Report) {
        do {
            if let file = try output.write(Data(text.utf8), at: url, onlyIfChanged: true) { report.written.append(file) }
        } catch {
            report.errors.append("\(note): \(error)")
        }
    }
}
