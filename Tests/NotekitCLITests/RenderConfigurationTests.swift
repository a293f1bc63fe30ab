import Foundation
import Testing

/// `notekit render` reads its options from the `render:` section of the nearest `.notekit.yml`.
@Suite struct RenderConfigurationTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: DemoVaultTests.binary), "notekit is not built"))
    func usesTheRenderSectionOfTheNearestConfiguration() throws {
        let vault = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: vault, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: vault) }
        let note = vault.appendingPathComponent("note.md")
        try "---\ntitle: A\n---\nClaim.[^k2x9q1]\n\n[^k2x9q1]: [Source](https://example.com)\n".write(to: note, atomically: true, encoding: .utf8)
        let configuration = vault.appendingPathComponent(".notekit.yml")

        try "render:\n  sources_heading: Works Cited\n".write(to: configuration, atomically: true, encoding: .utf8)
        let rendered = try DemoVaultTests.notekit(["render", "--format", "md", note.path])
        #expect(rendered.status == 0)
        #expect(rendered.output.contains("## Works Cited\n\n[^1]: [Source](https://example.com)"))

        try "render:\n  sources_heding: Works Cited\n".write(to: configuration, atomically: true, encoding: .utf8)
        let refused = try DemoVaultTests.notekit(["render", "--format", "md", note.path])
        #expect(refused.status == 2)
        #expect(refused.output.isEmpty)
    }

    /// Render resolves wikilinks over the vault lint resolves them over: rooted where the
    /// configuration lives, so a path with the folders above the rendered one still links.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: DemoVaultTests.binary), "notekit is not built"))
    func resolvesWikilinksUnderTheConfiguredVaultRoot() throws {
        let vault = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-render-root-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: vault) }
        let files = [
            ".notekit.yml": "render:\n  sources_heading: Sources\n",
            "client/Files/Portfolio/Aalo Atomics.md": "# Aalo Atomics\n",
            "client/Files/pic.png": "PNG",
            "client/essays/Essay.md": "# Essay\n\n[[client/Files/Portfolio/Aalo Atomics]] and [[Files/Portfolio/Aalo Atomics]].\n\n![[pic.png]]\n",
        ]
        for (path, text) in files {
            let file = vault.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let output = vault.appendingPathComponent("out")
        let lint = try DemoVaultTests.notekit(["lint", "--format", "json", vault.appendingPathComponent("client").path])
        #expect(!lint.output.contains("link/unresolved-wikilink") && !lint.output.contains("link/missing-embed"))
        let rendered = try DemoVaultTests.notekit(["render", "--format", "md", "--output", output.path, vault.appendingPathComponent("client").path])
        #expect(rendered.status == 0)
        let essay = try String(contentsOf: output.appendingPathComponent("essay.md"), encoding: .utf8)
        #expect(essay == """
            # Essay

            [client/Files/Portfolio/Aalo Atomics](<aalo-atomics.md>) and [Files/Portfolio/Aalo Atomics](<aalo-atomics.md>).

            ![pic](<assets/client/Files/pic.png>)

            """)
        #expect(try String(contentsOf: output.appendingPathComponent("assets/client/Files/pic.png"), encoding: .utf8) == "PNG")
    }
}
