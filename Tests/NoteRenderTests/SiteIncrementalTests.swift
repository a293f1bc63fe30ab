import Foundation
import NoteLint
import NoteParser
import NoteTemplates
import Testing
@testable import NoteRender

/// Incremental site builds (the cache of note facts and the manifest) make what a clean build
/// makes: after each kind of change, the site rebuilt in place equals, byte for byte, the site
/// built from nothing without a cache, and reports the same.
@Suite struct SiteIncrementalTests {
    /// Every regular file under `folder` (relative path → bytes).
    static func files(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(file)
            if (try FileManager.default.attributesOfItem(atPath: url.path))[.type] as? FileAttributeType == .typeRegular {
                files[file] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// Builds in place with the cache, then from nothing without it, and compares.
    static func expectSameAsClean(_ run: SiteRun, _ vault: TemporaryVault, _ step: String) throws -> SiteRun.Report {
        let incremental = SiteFixture.build(run, vault)
        var clean = run
        clean.cacheFile = nil
        let fresh = vault.root.deletingLastPathComponent().appendingPathComponent("fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        let full = clean.build(files: NoteFiles.collect([vault.root.path]).files, output: OutputFolder(path: fresh.path))
        let built = try files(vault.output), expected = try files(fresh)
        #expect(built.keys.sorted() == expected.keys.sorted(), "\(step)")
        for (file, bytes) in expected where built[file] != bytes { Issue.record("\(step): \(file) differs from a clean build") }
        #expect(incremental.broken.map(\.description).sorted() == full.broken.map(\.description).sorted(), "\(step)")
        #expect(incremental.warnings == full.warnings, "\(step)")
        #expect(incremental.errors == full.errors && incremental.pages == full.pages, "\(step)")
        return incremental
    }

    static func edit(_ vault: TemporaryVault, _ path: String, _ change: (String) -> String) throws {
        try change(try String(contentsOfFile: vault.path(path), encoding: .utf8)).write(toFile: vault.path(path), atomically: true, encoding: .utf8)
    }

    @Test func rebuildsAfterEveryKindOfChangeAsACleanBuildDoes() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        let first = try Self.expectSameAsClean(run, vault, "first build")
        #expect(first.rendered == first.pages)
        #expect(FileManager.default.fileExists(atPath: run.cacheFile ?? ""))

        let again = try Self.expectSameAsClean(run, vault, "no change")
        #expect(again.rendered == 0 && again.written.isEmpty)

        // Files of the site deleted by hand are made again.
        for file in ["sources/index.html", "tags/coast.html", "sitemap.xml", "tide-tables.html"] {
            try FileManager.default.removeItem(at: vault.output.appendingPathComponent(file))
        }
        let restored = try Self.expectSameAsClean(run, vault, "files deleted")
        #expect(restored.rendered == 1 && restored.written.count == 4)

        // A body edit of an embedded note, a new source and a new tag.
        try Self.edit(vault, "concepts/Tide Tables.md") {
            $0.replacingOccurrences(of: "Neap tides run low.", with: "Neap tides run low.[^t2]\n\n[^t2]: [Moon Tables](https://example.org/moon)")
                .replacingOccurrences(of: "tags: [Coast]", with: "tags: [Coast, Moon]")
        }
        let edited = try Self.expectSameAsClean(run, vault, "edit")
        #expect(edited.rendered == 2)

        // A title changed: every page's links to it change.
        try Self.edit(vault, "concepts/Loop A.md") { $0.replacingOccurrences(of: "title: Loop A", with: "title: Loop Alpha") }
        _ = try Self.expectSameAsClean(run, vault, "title")

        // A note renamed (moved to another folder), and one deleted.
        try FileManager.default.moveItem(atPath: vault.path("concepts/Loop B.md"), toPath: vault.path("essays/Loop B.md"))
        try FileManager.default.removeItem(atPath: vault.path("essays/Script.md"))
        _ = try Self.expectSameAsClean(run, vault, "rename and delete")

        // Publish flags flipped both ways.
        try Self.edit(vault, "drafts/Shared Draft.md") { $0.replacingOccurrences(of: "publish: true", with: "publish: false") }
        try Self.edit(vault, "drafts/Private Plans.md") { $0.replacingOccurrences(of: "title: Private Plans", with: "title: Private Plans\npublish: true") }
        _ = try Self.expectSameAsClean(run, vault, "publish flags")

        // A new note, and a vault file a broken link now finds.
        try "---\ntitle: Nowhere\npublish: true\n---\nLinks to [[Harbour Walls#Maintenance]] and [[Tide Tables#^gone]].\n"
            .write(toFile: vault.path("Nowhere.md"), atomically: true, encoding: .utf8)
        _ = try Self.expectSameAsClean(run, vault, "new note")

        // Another template: every page again.
        let templates = vault.root.deletingLastPathComponent().appendingPathComponent("templates")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: source, to: templates)
        let site = templates.appendingPathComponent("site.mustache")
        try (String(contentsOf: site, encoding: .utf8) + "<!-- another theme -->\n").write(to: site, atomically: true, encoding: .utf8)
        let themed = SiteRun(settings: run.settings, templates: try PageTemplates(TemplateSource(directory: templates.path), site: true),
                             vaultRoot: run.vaultRoot, generator: run.generator)
        var cached = themed
        cached.cacheFile = run.cacheFile
        let rethemed = try Self.expectSameAsClean(cached, vault, "templates")
        #expect(rethemed.rendered == rethemed.pages)
    }

    /// A rebuild writes the entries of unchanged notes from the bytes it read and encodes the
    /// changed ones: the next build reads every note's entry back, the edited one as edited.
    @Test func aRebuiltCacheReadsBackWhole() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        _ = SiteFixture.build(run, vault)
        let file = try #require(run.cacheFile)
        let first = SiteCache.read(from: file, key: run.cacheKey)
        #expect(!first.entries.isEmpty)
        for (step, path) in ["concepts/Tide Tables.md", "concepts/Tide Tables.md", SiteFixture.files.keys.sorted().last { $0.hasSuffix(".md") } ?? ""].enumerated() {
            try Self.edit(vault, path) { $0 + "\nEdit \(step).\n" }
            _ = try Self.expectSameAsClean(run, vault, "edit \(step)")
            let cache = SiteCache.read(from: file, key: run.cacheKey)
            #expect(cache.entries.keys.sorted() == first.entries.keys.sorted(), "edit \(step)")
            #expect(cache.entries[vault.path(path)]?.note.content != first.entries[vault.path(path)]?.note.content, "edit \(step)")
        }
        #expect(SiteCache.read(from: file, key: run.cacheKey &+ 1).entries.isEmpty)
    }

    @Test func aDamagedCacheIsNoCache() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        _ = SiteFixture.build(run, vault)
        let file = try #require(run.cacheFile)
        var bytes = try #require(FileManager.default.contents(atPath: file))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect(SiteCache.read(from: file, key: run.cacheKey).entries.isEmpty)
        try Self.edit(vault, "concepts/Tide Tables.md") { $0 + "\nA last line.\n" }
        _ = try Self.expectSameAsClean(run, vault, "damaged cache")
        try Data("notekit-site-cache 1\n".utf8).write(to: URL(fileURLWithPath: file))
        _ = try Self.expectSameAsClean(run, vault, "another format")
        _ = SiteFixture.build(run, vault)
        let whole = try #require(FileManager.default.contents(atPath: file))
        try whole.prefix(whole.count * 2 / 3).write(to: URL(fileURLWithPath: file))
        #expect(SiteCache.read(from: file, key: run.cacheKey).entries.isEmpty)
        try Self.edit(vault, "concepts/Tide Tables.md") { $0 + "\nAnother last line.\n" }
        _ = try Self.expectSameAsClean(run, vault, "truncated cache")
    }

    /// A damaged manifest is none (every page rendered again, as a clean build makes them); the
    /// JSON manifest of earlier versions is removed.
    @Test func aDamagedManifestIsNoManifest() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        let first = SiteFixture.build(run, vault)
        let manifest = vault.output.appendingPathComponent(SiteManifest.fileName)
        #expect(SiteManifest.read(from: OutputFolder(path: vault.output.path)).pages.count == first.pages)
        var bytes = try Data(contentsOf: manifest)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: manifest)
        let former = vault.output.appendingPathComponent(SiteManifest.formerFileName)
        try Data("{}".utf8).write(to: former)
        try Self.edit(vault, "concepts/Tide Tables.md") { $0 + "\nA last line.\n" }
        let rebuilt = try Self.expectSameAsClean(run, vault, "damaged manifest")
        #expect(rebuilt.rendered == rebuilt.pages)
        #expect(rebuilt.removed == [SiteManifest.formerFileName] && !FileManager.default.fileExists(atPath: former.path))
    }

    /// `search.json` is made again when a page's searchable text changed, and only then.
    @Test func theSearchIndexFollowsTheText() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        _ = SiteFixture.build(run, vault)
        let search = vault.output.appendingPathComponent("search.json")
        try Data("[]\n".utf8).write(to: search)
        _ = SiteFixture.build(run, vault)
        #expect(try String(contentsOf: search, encoding: .utf8) == "[]\n", "unchanged inputs: not made again")
        try Self.edit(vault, "concepts/Tide Tables.md") { $0.replacingOccurrences(of: "Neap tides run low.", with: "Neap tides run lowest.") }
        _ = try Self.expectSameAsClean(run, vault, "text edited")
        #expect(try String(contentsOf: search, encoding: .utf8).contains("Neap tides run lowest."))
    }
}
