import Foundation
import Testing

/// `notekit render --site` through the built binary: the demo vault's site, the broken-link
/// report on standard error, `--strict`, and usage errors.
@Suite struct SiteCommandTests {
    @Test(.enabled(if: LintOutputTests.enabled, "notekit is not built"))
    func buildsTheDemoVaultSite() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try LintOutputTests.notekit(["render", "--site", "--strict", "--output", output.path, "Notes"], in: DemoVaultTests.root.path)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.error.hasSuffix("site: 6 pages (6 rendered), wrote 32 files, 0 broken links to \(output.path)\n"))
        let essay = try String(contentsOf: output.appendingPathComponent("the-quiet-economics-of-tidal-storage.html"), encoding: .utf8)
        #expect(essay.contains("<a href=\"tidal-range.html\">tidal power</a>"))
        // The notes under faults/ are no collection of the site: not published.
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("link-slips.html").path))
        let again = try LintOutputTests.notekit(["render", "--site", "--output", output.path, "Notes"], in: DemoVaultTests.root.path)
        #expect(again.error.hasSuffix("site: 6 pages (0 rendered), wrote 0 files, 0 broken links to \(output.path)\n"))
    }

    @Test(.enabled(if: LintOutputTests.enabled, "notekit is not built"))
    func reportsBrokenLinksAndStrictFailsOnThem() throws {
        let vault = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-site-broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: vault) }
        for (path, text) in [".notekit.yml": "site:\n  collections:\n    Essays: essays/**\n",
                             "essays/A.md": "# A\n\nSee [[Missing]] and [[Draft|the draft]].\n", "drafts/Draft.md": "# Draft\n"] {
            let file = vault.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let output = vault.appendingPathComponent("out").path
        let lenient = try LintOutputTests.notekit(["render", "--site", "--output", output, "."], in: vault.path)
        #expect(lenient.status == 0)
        #expect(lenient.error.contains("essays/A.md:3:5: Missing (not found)\n"))
        #expect(lenient.error.contains("essays/A.md:3:21: Draft (not published)\n"))
        let strict = try LintOutputTests.notekit(["render", "--site", "--strict", "--output", output, "."], in: vault.path)
        #expect(strict.status == 1)
        #expect(try String(contentsOfFile: output + "/a.html", encoding: .utf8).contains("See Missing and the draft."))

        let usage = try LintOutputTests.notekit(["render", "--site", "."], in: vault.path)
        #expect(usage.status == 2)
        #expect(usage.error.contains("--site needs --output DIR"))
        #expect(try LintOutputTests.notekit(["render", "--strict", "--output", output, "."], in: vault.path).error
                    .contains("--strict applies to --site"))
        #expect(try LintOutputTests.notekit(["render", "--no-cache", "--output", output, "."], in: vault.path).error
                    .contains("--no-cache applies to --site"))

        // The cache of note facts is beside the lint cache, never in the published folder; --no-cache writes none.
        let cache = vault.appendingPathComponent(".notekit_cache/site.cache").path
        #expect(FileManager.default.fileExists(atPath: cache))
        #expect(!FileManager.default.fileExists(atPath: output + "/site.cache"))
        try FileManager.default.removeItem(atPath: cache)
        let uncached = try LintOutputTests.notekit(["render", "--site", "--no-cache", "--output", output + "2", "."], in: vault.path)
        #expect(uncached.status == 0 && !FileManager.default.fileExists(atPath: cache))
    }
}
