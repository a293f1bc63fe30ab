import Foundation
import NoteLint
import NoteParser
@testable import NoteTemplates
import Testing
@testable import NoteRender

/// Index, tag, collection and sources pages rendered from the site template prepared once
/// (`SiteRun.listingRender`) are the pages rendered whole.
@Suite struct SiteIndexPagesTests {
    /// The site's files by output-relative path (the manifest left out: its key names the templates).
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        for path in paths where path != ".notekit-site.manifest" {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    @Test func preparedIndexPagesAreTheWholeRenders() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        #expect(run.listingRender != nil)
        #expect(SiteFixture.build(run, vault).errors.isEmpty)
        // The built-in template with a section on a name inside a page's title (nothing): every page rendered whole.
        let templates = vault.base.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for (name, text) in TemplateSource.builtIn { try text.write(to: templates.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let site = try #require(TemplateSource.builtIn["site.mustache"])
        try (site + "{{#title.x}}{{/title.x}}").write(to: templates.appendingPathComponent("site.mustache"), atomically: true, encoding: .utf8)
        let whole = SiteRun(settings: run.settings, templates: try PageTemplates(TemplateSource(directory: templates.path), site: true),
                            vaultRoot: run.vaultRoot, generator: run.generator)
        #expect(whole.listingRender == nil)
        let output = vault.base.appendingPathComponent("whole")
        #expect(whole.build(files: NoteFiles.collect([vault.root.path]).files, output: OutputFolder(path: output.path)).errors.isEmpty)
        let prepared = try Self.files(in: vault.output), rendered = try Self.files(in: output)
        #expect(prepared.count > 10 && prepared.keys.contains("sources/index.html") && prepared.keys.contains("tags/coast.html"))
        #expect(prepared == rendered)
        // A site without a URL (no canonical link) too.
        var settings = run.settings
        settings.url = nil
        let plain = SiteRun(settings: settings, templates: try PageTemplates(site: true), vaultRoot: run.vaultRoot, generator: run.generator)
        let plainWhole = SiteRun(settings: settings, templates: try PageTemplates(TemplateSource(directory: templates.path), site: true),
                                 vaultRoot: run.vaultRoot, generator: run.generator)
        #expect(plain.listingRender != nil && plainWhole.listingRender == nil)
        let first = vault.base.appendingPathComponent("plain"), second = vault.base.appendingPathComponent("plain-whole")
        _ = plain.build(files: NoteFiles.collect([vault.root.path]).files, output: OutputFolder(path: first.path))
        _ = plainWhole.build(files: NoteFiles.collect([vault.root.path]).files, output: OutputFolder(path: second.path))
        let plainFiles = try Self.files(in: first), plainWholeFiles = try Self.files(in: second)
        #expect(plainFiles.count > 10 && plainFiles == plainWholeFiles)
        #expect(plainFiles["index.html"] != prepared["index.html"])
    }
}
