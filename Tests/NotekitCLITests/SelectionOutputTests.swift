import Foundation
import Testing

/// Issue 13's choosing of rules and output through the built binary: `--select`/`--ignore`
/// for lint and fix, `--statistics`, one summary line with `--verbose` for the per-file
/// lines, render warnings at line:column, and a progress bar only on a terminal.
@Suite struct SelectionOutputTests {
    static let enabled = LintOutputTests.enabled

    static func notekit(_ arguments: [String], in folder: String) throws -> (status: Int32, output: String, error: String) {
        try LintOutputTests.notekit(arguments, in: folder)
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func selectAndIgnoreChooseTheReportedRules() throws {
        let folder = try LintOutputTests.vault()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let all = try Self.notekit(["lint", "."], in: folder)
        #expect(all.output.contains("[citation/undefined]") && all.output.contains("[frontmatter/"))
        let citations = try Self.notekit(["lint", "--select", "citation/", "."], in: folder)
        #expect(citations.status == 1)
        #expect(citations.output.contains("[citation/undefined]") && !citations.output.contains("[frontmatter/"))
        // Ignoring the only error's rule leaves warnings: exit 0. --ignore wins over --select.
        let ignored = try Self.notekit(["lint", "--select", "citation,frontmatter", "--ignore", "citation/undefined", "."], in: folder)
        #expect(ignored.status == 0)
        #expect(!ignored.output.contains("[citation/") && ignored.output.contains("[frontmatter/"))
        #expect(ignored.output.contains("0 errors"))
        // Unknown ids are usage errors naming the closest, for lint and fix alike.
        for command in ["lint", "fix"] {
            let typo = try Self.notekit([command, "--ignore", "frontmater", "."], in: folder)
            #expect(typo.status == 2)
            #expect(typo.error.contains("unknown rule or category 'frontmater' for --ignore (did you mean 'frontmatter'?)"))
            #expect(typo.error.contains("Usage: notekit \(command)"))
        }
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func statisticsCountFindingsPerRule() throws {
        let folder = try LintOutputTests.vault([
            "a.md": "---\ntitle: A\n---\nOne.[^zz1111] Two.[^zz2222]\n\n[^k1] no colon\n",
            "b.md": "---\ntitle: B\n---\nThree.[^zz3333]\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.notekit(["lint", "--statistics", "--select", "citation", "."], in: folder)
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ") == ["count", "fixable", "rule", "summary"])
        let rows = lines.dropFirst().map { $0.split(separator: " ", maxSplits: 3).map(String.init) }
        let undefined = try #require(rows.first { $0.count == 4 && $0[2] == "citation/undefined" })
        #expect(undefined[0] == "3" && undefined[1] == "0")
        // Most frequent first, and no text report.
        #expect(rows.first?[2] == "citation/undefined")
        let counts = rows.compactMap { Int($0[0]) }
        #expect(counts == counts.sorted(by: >) && counts.count == rows.count)
        #expect(!run.output.contains(" errors, "))
        // A report on standard output besides the statistics is a usage error; in a file it is written.
        #expect(try Self.notekit(["lint", "--statistics", "--format", "json", "."], in: folder).status == 2)
        let withFile = try Self.notekit(["lint", "--statistics", "--format", "json:out.json", "."], in: folder)
        #expect(withFile.output.hasPrefix("count"))
        #expect(FileManager.default.fileExists(atPath: folder + "/out.json"))
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func fixTakesIgnoreAndListsFilesOnlyWhenVerbose() throws {
        let folder = try LintOutputTests.vault(["n.md": "---\ntitle: N\ntags: [a]\n---\nText.[^a1]\n\n[^a1] x\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let diff = try Self.notekit(["fix", "--diff", "--ignore", "frontmatter", "."], in: folder)
        #expect(diff.output.contains("+[^a1]: x"))
        #expect(!diff.output.contains("+  - a"))
        let quiet = try Self.notekit(["fix", "."], in: folder)
        #expect(!quiet.output.contains("n.md"))
        let verbose = try Self.notekit(["fix", "--verbose", "--select", "citation", "."], in: folder)
        #expect(verbose.output.contains("n.md: 1 edit (citation/missing-colon)\n"))
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func renderSummarisesAndWarnsAtLineAndColumn() throws {
        let folder = try LintOutputTests.vault([
            "a.md": "---\ntitle: A\n---\nClaim.[^gone]\n\n[^k1]: Unused source.\n",
            "b.md": "# B\n\nText.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.notekit(["render", "--format", "md", "--output", "out", "."], in: folder)
        #expect(run.status == 0)
        #expect(run.error.contains("a.md:4:7: warning: citation [^gone] has no definition; dropped\n"))
        #expect(run.error.contains("a.md:6:1: warning: definition [^k1] is cited nowhere; dropped\n"))
        #expect(run.error.contains("rendered 2 notes: wrote 3 files to out\n"))
        #expect(!run.error.contains("wrote ./") && !run.error.contains("wrote /"))
        // No progress bar into a pipe.
        #expect(!run.error.contains("\r") && !run.error.contains("\u{1B}"))
        // The first run's pages are removed, so that they are not rendered as notes again.
        try FileManager.default.removeItem(atPath: folder + "/out")
        let verbose = try Self.notekit(["render", "--format", "md", "--output", "out", "--verbose", "."], in: folder)
        #expect(verbose.error.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.count == 3)
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func registrySyncListsChangesOnlyWhenVerbose() throws {
        let folder = try LintOutputTests.vault(["a.md": "---\ntitle: A\n---\nClaim.[^k2x9q1]\n\n[^k2x9q1]: [Source](https://example.com)\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dry = try Self.notekit(["citations", "registry", "sync", "."], in: folder)
        #expect(dry.output == "1 change(s), 0 orphan(s)\n")
        let verbose = try Self.notekit(["citations", "registry", "sync", "--verbose", "."], in: folder)
        #expect(verbose.output.hasPrefix("would create "))
        #expect(verbose.output.hasSuffix("1 change(s), 0 orphan(s)\n"))
    }

    /// Under a pseudo-terminal (`script`), a lint of 120 notes draws the bar on standard error.
    @Test(.enabled(if: enabled && FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "notekit or script missing"))
    func aProgressBarIsDrawnOnATerminal() throws {
        var notes: [String: String] = [:]
        for index in 0..<120 { notes["n\(index).md"] = "---\ntitle: N\(index)\n---\nText.\n" }
        let folder = try LintOutputTests.vault(notes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let command = "'\(DemoVaultTests.binary)' lint --select citation . >/dev/null"
        let run = try LintOutputTests.notekit(["-qec", command, "/dev/null"], in: folder, executable: "/usr/bin/script")
        #expect(run.status == 0)
        #expect(run.output.contains("notekit: linting [##############################] 120/120"))
        // It is erased at the end.
        #expect(run.output.hasSuffix("\r\u{1B}[K"))
    }
}

/// `render` mistakes: bad `render:` options at line:column with "did you mean", and usage errors with render's usage.
@Suite struct RenderMistakeTests {
    @Test(.enabled(if: LintOutputTests.enabled, "notekit is not built at .build/debug/notekit"))
    func badRenderOptionsNameTheirPlace() throws {
        let folder = try LintOutputTests.vault([
            "a.md": "# A\n",
            ".notekit.yml": "rules:\n  citation/unused: warning\nrender:\n  sources_heading: Works\n  tidy_whitspace: false\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let unknown = try LintOutputTests.notekit(["render", "--format", "md", "a.md"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.error.contains(".notekit.yml:5:3: error: unknown render option 'tidy_whitspace' (did you mean 'tidy_whitespace'?)"))
        try "render:\n  highlights: maybe\n".write(toFile: folder + "/.notekit.yml", atomically: true, encoding: .utf8)
        let wrongType = try LintOutputTests.notekit(["render", "--format", "md", "a.md"], in: folder)
        #expect(wrongType.status == 2)
        #expect(wrongType.error.contains(".notekit.yml:2:15: error: invalid render option 'highlights'"))
    }

    @Test(.enabled(if: LintOutputTests.enabled, "notekit is not built at .build/debug/notekit"))
    func usageErrorsPrintRendersUsage() throws {
        let folder = try LintOutputTests.vault(["a.md": "# A\n", "b.md": "# B\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try LintOutputTests.notekit(["render", "--format", "md", "."], in: folder)
        #expect(run.status == 64 || run.status == 2)
        #expect(run.error.contains("--output is required"))
        #expect(run.error.contains("Usage: notekit render"))
    }
}
