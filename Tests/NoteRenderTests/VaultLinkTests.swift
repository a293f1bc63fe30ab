import Foundation
import NoteLint
import NoteParser
import Testing
@testable import NoteRender

/// Render resolves wikilinks with lint's resolver over the same vault root, and copies the
/// vault files its pages show or link into the output.
@Suite struct VaultLinkTests {
    static let portfolio = "---\naliases: [Reactor Startup]\n---\n# Aalo Atomics\n\n## Team\n\nCore team. ^team1\n"

    @Test func resolvesPathsAliasesHeadingsAndBlocksAsLintDoes() throws {
        let vault = try TemporaryVault([
            "client/Files/Portfolio/Aalo Atomics.md": Self.portfolio,
            "essays/Essay.md": """
                # Essay

                [[Files/Portfolio/Aalo Atomics]], [[client/Files/Portfolio/Aalo Atomics|the reactor]], \
                [[Portfolio/aalo atomics#Team]], [[Reactor Startup]], [[AALO ATOMICS#^team1]], [[#^intro]], [[Missing]].

                Intro. ^intro

                """,
        ])
        defer { vault.remove() }
        let report = RenderRun(format: .md, templates: nil, vaultRoot: vault.root.path)
            .render(files: [vault.path("client/Files/Portfolio/Aalo Atomics.md"), vault.path("essays/Essay.md")],
                    output: OutputFolder(path: vault.output.path), index: false)
        #expect(report.errors.isEmpty)
        #expect(try vault.read("essay.md").contains("""
            [Files/Portfolio/Aalo Atomics](<aalo-atomics.md>), [the reactor](<aalo-atomics.md>), \
            [Portfolio/aalo atomics](<aalo-atomics.md#team>), [Reactor Startup](<aalo-atomics.md>), \
            [AALO ATOMICS](<aalo-atomics.md>), [\\^intro](<essay.md>), Missing.
            """))
        // The same links, checked against lint's own resolutions.
        #expect(try RenderedLinks.missing(under: vault.root).missing.isEmpty)
    }

    @Test func copiesEmbeddedAndLinkedVaultFilesIntoAssets() throws {
        let vault = try TemporaryVault([
            "img/pic.png": "PNG", "essays/rel one.png": "REL", "docs/report.pdf": "PDF", "img/hidden.png": "HIDDEN",
            "essays/Essay.md": """
                ![[pic.png|300]] ![](rel%20one.png) ![alt](../img/pic.png) ![](../../outside.png) \
                ![](https://example.com/x.png) [[report.pdf]]

                %% ![[hidden.png]] is in a comment, which render removes %%

                """,
        ])
        defer { vault.remove() }
        try "secret".write(to: vault.base.appendingPathComponent("outside.png"), atomically: true, encoding: .utf8)
        let report = RenderRun(format: .md, templates: nil, vaultRoot: vault.root.path)
            .render(files: [vault.path("essays/Essay.md")], output: OutputFolder(path: vault.output.path), index: false)
        #expect(report.errors.isEmpty)
        #expect(try vault.read("essay.md") == """
            ![pic](<assets/img/pic.png>) ![](<assets/essays/rel%20one.png>) ![alt](<assets/img/pic.png>) ![](../../outside.png) \
            ![](https://example.com/x.png) [report.pdf](<assets/docs/report.pdf>)

            """)
        #expect(try vault.read("assets/img/pic.png") == "PNG")
        #expect(try vault.read("assets/essays/rel one.png") == "REL")
        #expect(try vault.read("assets/docs/report.pdf") == "PDF")
        #expect(try vault.everything().filter { $0 == "out" || $0.hasPrefix("out/") } == [
            "out", "out/assets", "out/assets/docs", "out/assets/docs/report.pdf", "out/assets/essays",
            "out/assets/essays/rel one.png", "out/assets/img", "out/assets/img/pic.png", "out/essay.md",
        ])
    }

    @Test func withoutAnOutputFolderImagesKeepTheirTargets() throws {
        let vault = try TemporaryVault(["pic.png": "PNG", "Essay.md": "![[pic.png]] ![](pic.png)\n"])
        defer { vault.remove() }
        let report = RenderRun(format: .md, templates: nil, vaultRoot: vault.root.path)
            .render(files: [vault.path("Essay.md")], output: nil, index: false)
        #expect(report.standardOutput == "![pic](<pic.png>) ![](pic.png)\n")
        #expect(report.written.isEmpty)
    }

    @Test func copiesNothingFromOutsideTheVaultOrToOutsideTheOutput() throws {
        let vault = try TemporaryVault(["pic.png": "PNG"])
        defer { vault.remove() }
        let manager = FileManager.default
        let elsewhere = vault.base.appendingPathComponent("elsewhere")
        try manager.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try "secret".write(to: vault.base.appendingPathComponent("secret.png"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: vault.path("link.png"), withDestinationPath: vault.base.appendingPathComponent("secret.png").path)
        let output = OutputFolder(path: vault.output.path)

        for path in ["../secret.png", "a/../../secret.png", "/etc/hosts", "./pic.png", "a//pic.png", "link.png"] {
            #expect(throws: RenderError.self, "\(path)") { try output.copy(path, from: vault.root.path, into: "assets") }
        }
        #expect(throws: RenderError.self) { try output.copy("pic.png", from: vault.root.path, into: "..") }
        // An asset folder that is a link to elsewhere is not written through.
        try manager.createDirectory(at: vault.output, withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: vault.output.appendingPathComponent("assets").path, withDestinationPath: elsewhere.path)
        #expect(throws: RenderError.self) { try output.copy("pic.png", from: vault.root.path, into: "assets") }
        #expect(try manager.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(try output.copy("pic.png", from: vault.root.path, into: "media").path.hasSuffix("out/media/pic.png"))
    }

    @Test func everyWikilinkLintResolvesInTheDemoVaultIsALink() throws {
        let (checked, missing) = try RenderedLinks.missing(under: Fixtures.root.appendingPathComponent("Notes"))
        #expect(checked >= 5)
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.corpus.path), "../shared/corpus is absent"))
    func everyWikilinkLintResolvesInTheCorpusIsALink() throws {
        let (checked, missing) = try RenderedLinks.missing(under: Fixtures.corpus)
        #expect(checked > 100)
        #expect(missing.isEmpty, "\(missing.prefix(20))")
    }
}

/// Lint's and render's view of a vault's wikilinks.
enum RenderedLinks {
    /// Renders every note under `root` as Markdown and returns how many wikilinks lint resolves
    /// there, and those (`note: [[link]]`) that do not come out as a link to what lint resolves them to.
    static func missing(under root: URL) throws -> (checked: Int, missing: [String]) {
        let notes = NoteParser().parse(files: NoteFiles.collect([root.path]).files).compactMap { try? $0.get() }
        let contexts = notes.map { NoteContext(note: $0, vaultPath: VaultPath.relative($0.path, to: root.path), configuration: Configuration()) }
        let vault = VaultContext(notes: contexts, files: NoteFiles.vaultFiles(under: root.path))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var options = RenderOptions()
        options.queryCallouts = .aside  // lint resolves the links inside them too
        let report = RenderRun(options: options, format: .md, templates: nil, vaultRoot: root.path)
            .render(files: notes.map(\.path), output: OutputFolder(path: output.path), index: false)
        guard report.errors.isEmpty else { return (0, report.errors) }
        let pages = Dictionary(uniqueKeysWithValues: zip(contexts.map(\.vaultPath), report.written.map(\.lastPathComponent)))
        var rendered: [String: String] = [:]
        var checked = 0, missing: [String] = []
        for resolved in vault.wikilinks {
            let note = resolved.context.note, link = resolved.link
            // Definitions nothing cites are dropped, with a warning.
            let cited = Set(note.legacyReferences.flatMap(\.numbers))
            let dropped = note.footnoteDefinitions.filter(\.isUnused).map(\.range)
                + note.legacyDefinitions.filter { !cited.contains($0.number) }.map(\.range)
            guard let path = resolved.resolution.path, !dropped.contains(where: { $0.bytes.contains(link.range.start.offset) })
            else { continue }
            let source = resolved.context.vaultPath
            let text = try rendered[source] ?? String(contentsOf: output.appendingPathComponent(pages[source] ?? ""), encoding: .utf8)
            rendered[source] = text
            let isAnchor = link.target.isEmpty && !(link.heading ?? "^").hasPrefix("^")
            let destination = isAnchor ? "](<#" : path.lowercased().hasSuffix(".md") ? pages[path].map { "](<" + $0 }
                : "](<assets/" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
            checked += 1
            if !(destination.map(text.contains) ?? false) { missing.append("\(source): \(note.text(link.range))") }
        }
        return (checked, missing)
    }
}
