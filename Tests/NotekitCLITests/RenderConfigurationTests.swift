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
}
