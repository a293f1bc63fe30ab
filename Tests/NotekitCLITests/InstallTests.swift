import Foundation
import Testing

/// An installed notekit works anywhere: `scripts/install.sh` (what `make install` runs) puts
/// the binary, man page and completions under a prefix, and the binary renders HTML pages and
/// the HTML citation report from a folder with no Templates/ near it or the checkout.
@Suite struct InstallTests {
    static let script = DemoVaultTests.root.appendingPathComponent("scripts/install.sh").path

    /// A fresh folder under the system's temporary folder, outside the checkout.
    static func folder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static let note = "---\ntitle: Portable\n---\n# Portable\n\nA claim.[^k2x9q1]\n\n[^k2x9q1]: [Source](https://example.com/a)\n"

    @Test(.enabled(if: LintOutputTests.enabled, "notekit is not built at .build/debug/notekit"))
    func anInstalledNotekitRendersWithItsBuiltInTemplates() throws {
        let prefix = try Self.folder("prefix"), vault = try Self.folder("vault")
        defer { for folder in [prefix, vault] { try? FileManager.default.removeItem(at: folder) } }
        #expect(try Self.run(Self.script, [DemoVaultTests.binary, prefix.path]) == 0)
        let share = prefix.appendingPathComponent("share")
        let manual = try String(contentsOf: share.appendingPathComponent("man/man1/notekit.1"), encoding: .utf8)
        #expect(manual.hasPrefix(".TH NOTEKIT 1"))
        for command in ["lint", "fix", "render", "citations report", "citations registry sync", "hook install"] {
            #expect(manual.contains(".SS \"notekit \(command) "), "the man page lacks notekit \(command)")
        }
        #expect(manual.contains("\\-\\-templates"))
        for (file, marker) in [("bash-completion/completions/notekit", "_notekit"), ("zsh/site-functions/_notekit", "#compdef notekit"),
                               ("fish/vendor_completions.d/notekit.fish", "complete -c 'notekit'")] {
            let script = try String(contentsOf: share.appendingPathComponent(file), encoding: .utf8)
            #expect(script.contains(marker) && script.contains("render"), "\(file) is not a notekit completion script")
        }

        let notekit = prefix.appendingPathComponent("bin/notekit").path
        try Self.note.write(to: vault.appendingPathComponent("note.md"), atomically: true, encoding: .utf8)
        #expect(!FileManager.default.fileExists(atPath: vault.appendingPathComponent("Templates").path))
        let page = try LintOutputTests.notekit(["render", "--format", "html", "note.md"], in: vault.path, executable: notekit)
        #expect(page.status == 0, "\(page.error)")
        let stylesheet = try String(contentsOf: DemoVaultTests.root.appendingPathComponent("Templates/notekit.css"), encoding: .utf8)
        #expect(page.output.contains("<title>Portable</title>"))
        #expect(page.output.contains(stylesheet), "the stylesheet is inlined")
        #expect(page.output.contains("https://example.com/a"))

        let report = try LintOutputTests.notekit(["citations", "report", "--format", "html", "."], in: vault.path, executable: notekit)
        #expect(report.status == 0, "\(report.error)")
        #expect(report.output.contains("<svg class=\"chart\"") && report.output.contains("example.com"))
    }

    /// `--templates DIR` replaces the built-in templates; a folder lacking one is an error naming it.
    @Test(.enabled(if: LintOutputTests.enabled, "notekit is not built at .build/debug/notekit"))
    func templatesFolderOverridesTheBuiltInOnes() throws {
        let vault = try Self.folder("templates")
        defer { try? FileManager.default.removeItem(at: vault) }
        let templates = vault.appendingPathComponent("mine")
        try FileManager.default.copyItem(at: DemoVaultTests.root.appendingPathComponent("Templates"), to: templates)
        try "<main data-site=\"mine\">{{{body}}}</main>\n".write(to: templates.appendingPathComponent("page.mustache"), atomically: true, encoding: .utf8)
        try "<p>mine: {{#summary}}{{value}},{{/summary}}</p>\n".write(to: templates.appendingPathComponent("citations-report.mustache"), atomically: true, encoding: .utf8)
        try Self.note.write(to: vault.appendingPathComponent("note.md"), atomically: true, encoding: .utf8)

        let page = try LintOutputTests.notekit(["render", "--templates", "mine", "note.md"], in: vault.path)
        #expect(page.status == 0, "\(page.error)")
        #expect(page.output.hasPrefix("<main data-site=\"mine\">"))
        let report = try LintOutputTests.notekit(["citations", "report", "--format", "html", "--templates", "mine", "note.md"], in: vault.path)
        #expect(report.output == "<p>mine: 1,1,1,1,0,</p>\n")

        try FileManager.default.removeItem(at: templates.appendingPathComponent("callout.mustache"))
        try FileManager.default.removeItem(at: templates.appendingPathComponent("citations-report.mustache"))
        let missing = try LintOutputTests.notekit(["render", "--templates", "mine", "note.md"], in: vault.path)
        #expect(missing.status == 2)
        #expect(missing.error.contains("missing template") && missing.error.contains("mine/callout.mustache"))
        let missingReport = try LintOutputTests.notekit(["citations", "report", "--format", "html", "--templates", "mine", "note.md"], in: vault.path)
        #expect(missingReport.status == 2)
        #expect(missingReport.error.contains("mine/citations-report.mustache"))
    }

    /// `--version` gives the version and the commit built from: the one `make` wrote into
    /// BuildCommitHash.swift, or "unknown" for a plain `swift build`.
    @Test(.enabled(if: LintOutputTests.enabled, "notekit is not built at .build/debug/notekit"))
    func versionNamesTheCommit() throws {
        let version = try LintOutputTests.notekit(["--version"], in: NSTemporaryDirectory()).output
        let match = try #require(version.wholeMatch(of: #/(\d+\.\d+\.\d+) \(commit ([0-9a-f]{40}(?:-dirty)?|unknown)\)\n/#))
        let generated = DemoVaultTests.root.appendingPathComponent("Sources/NoteLintReporters/BuildCommitHash.swift")
        if let source = try? String(contentsOf: generated, encoding: .utf8) {
            #expect(source.contains("\"\(match.2)\""), "the binary names the commit make wrote")
        } else {
            #expect(match.2 == "unknown")
        }
    }
}
