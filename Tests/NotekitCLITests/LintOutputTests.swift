import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `notekit lint` output options through the built binary: one report on standard output,
/// `--quiet` counts, formats' totals and versions, suppressions, and bare `notekit`.
@Suite struct LintOutputTests {
    static let enabled = FileManager.default.isExecutableFile(atPath: DemoVaultTests.binary)

    /// Runs notekit (or `executable`) in `folder` with `environment` added; returns exit code,
    /// standard output and error.
    static func notekit(_ arguments: [String], in folder: String, environment: [String: String] = [:],
                        executable: String = DemoVaultTests.binary) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read standard error on another thread so that neither pipe fills up and blocks; `errorData`
        // is read only after that thread has finished.
        nonisolated(unsafe) var errorData = Data()
        let reader = Thread { errorData = error.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    /// A folder with a note holding only warnings and a note holding an error.
    static func vault(_ files: [String: String] = [
        ".notekit.yml": "extends: [recommended, research-vault]\n",  // frontmatter/missing is a style rule
        "warn.md": "No front matter here.\n",
        "error.md": "---\ntitle: E\n---\nA claim.[^zz9999]\n",
    ]) throws -> String {
        let folder = NSTemporaryDirectory() + "notekit-lint-output-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (path, text) in files { try text.write(toFile: folder + "/" + path, atomically: true, encoding: .utf8) }
        return folder
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func twoReportsOnStandardOutputAreAUsageError() throws {
        let folder = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let both = try Self.notekit(["lint", "--format", "json", "--format", "sarif", "."], in: folder)
        #expect(both.status == 2)
        #expect(both.output.isEmpty)
        #expect(both.error.contains("only one report can go to standard output"))
        // One on standard output and one in a file is fine, and both are valid JSON.
        let split = try Self.notekit(["lint", "--format", "json", "--format", "sarif:out.sarif", "."], in: folder)
        #expect(split.status == 1)
        #expect(try JSONSerialization.jsonObject(with: Data(split.output.utf8)) is [String: Any])
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/out.sarif"))) is [String: Any])
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func quietStillCountsAndStrictSaysWhyItFails() throws {
        let folder = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let quiet = try Self.notekit(["lint", "--quiet", "."], in: folder)
        #expect(quiet.status == 1)
        #expect(!quiet.output.contains("warning["))
        #expect(quiet.output.contains("1 error, 1 warning hidden in 2 files"))
        let strict = try Self.notekit(["lint", "--quiet", "--strict", "warn.md"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.output.hasPrefix("0 errors, 1 warning hidden in 1 file"))
        #expect(strict.error.contains("--strict fails on 1 warning, which --quiet leaves out of the report"))
        let lenient = try Self.notekit(["lint", "--quiet", "warn.md"], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.error.isEmpty)
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func junitTotalsAreTheSumsOfItsSuites() throws {
        let folder = try Self.vault(["two.md": "---\ntitle: T\n---\nA[^a1] B[^b1]\n", "clean.md": "---\ntitle: C\n---\nFine.\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.notekit(["lint", "--format", "junit", "."], in: folder)
        let root = try #require(try XMLDocument(xmlString: run.output).rootElement())
        func number(_ element: XMLElement, _ name: String) -> Int { Int(element.attribute(forName: name)?.stringValue ?? "") ?? -1 }
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 2)
        #expect(number(root, "tests") == 3)
        #expect(number(root, "tests") == suites.reduce(0) { $0 + number($1, "tests") })
        #expect(number(root, "failures") == suites.reduce(0) { $0 + number($1, "failures") })
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func sarifGivesTheVersionAndAbsoluteHelpURIs() throws {
        let folder = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let version = try Self.notekit(["--version"], in: folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let base = "https://example.org/notekit/docs/rules.md"
        let run = try Self.notekit(["lint", "--format", "sarif", "."], in: folder, environment: ["NOTEKIT_DOCS_URL": base])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let driver = try #require((((log["runs"] as? [[String: Any]])?.first?["tool"]) as? [String: Any])?["driver"] as? [String: Any])
        // --version adds the commit to the version SARIF gives.
        #expect(version.hasPrefix("\(driver["version"] as? String ?? "-") (commit "))
        let uris = (driver["rules"] as? [[String: Any]] ?? []).compactMap { $0["helpUri"] as? String }
        #expect(!uris.isEmpty && uris.allSatisfy { $0.hasPrefix(base + "#") })
        #expect(uris.contains(base + "#citation-undefined"))
        let relative = try Self.notekit(["lint", "--format", "sarif", "."], in: folder, environment: ["NOTEKIT_DOCS_URL": "docs/rules.md"])
        #expect(relative.status == 2)
        #expect(relative.output.isEmpty)
        #expect(relative.error.contains("NOTEKIT_DOCS_URL must be an absolute URL"))
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func gitlabCodeQuality() throws {
        let folder = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func issues() throws -> [[String: Any]] {
            let run = try Self.notekit(["lint", "--format", "gitlab", "."], in: folder)
            #expect(run.status == 1)
            return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        }
        let first = try issues()
        #expect(Set(first.compactMap { $0["check_name"] as? String }) == ["citation/undefined", "frontmatter/missing"])
        let undefined = try #require(first.first { $0["check_name"] as? String == "citation/undefined" })
        #expect(undefined["severity"] as? String == "major")
        #expect(undefined["description"] as? String == "citation [^zz9999] has no definition")
        let location = try #require(undefined["location"] as? [String: Any])
        #expect(location["path"] as? String == "error.md")
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 4)
        // The fingerprint stays when lines are added above the finding.
        try "---\ntitle: E\n---\n\nNew paragraph.\n\nA claim.[^zz9999]\n".write(toFile: folder + "/error.md", atomically: true, encoding: .utf8)
        let moved = try #require(try issues().first { $0["check_name"] as? String == "citation/undefined" })
        #expect(((moved["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == 7)
        #expect(moved["fingerprint"] as? String == undefined["fingerprint"] as? String)
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func suppressionsThroughTheCLI() throws {
        let folder = try Self.vault([
            "note.md": """
                ---
                title: S
                lede: # notekit-disable-line frontmatter/empty-value
                ---
                A[^a1]. <!-- notekit-disable-line citation/undefined -->
                %% notekit-disable-next-line citation/undefind %%
                B[^b1].
                <!-- notekit-disable-next-line callout/empty -->
                Fine.

                """,
            ".notekit.yml": "rules:\n  suppression/unused: warning\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.notekit(["lint", "--format", "json", "."], in: folder)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let findings = (report["findings"] as? [[String: Any]] ?? []).map { "\($0["line"] ?? ""):\($0["rule"] ?? "")" }
        #expect(findings == ["6:suppression/unknown-rule", "7:citation/undefined", "8:suppression/unused"])
        let message = (report["findings"] as? [[String: Any]])?.first?["message"] as? String
        #expect(message?.contains("did you mean 'citation/undefined'?") == true)
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func bareNotekitPrintsHelpAndExits2() throws {
        let run = try Self.notekit([], in: NSTemporaryDirectory())
        #expect(run.status == 2)
        #expect(run.error.contains("USAGE: notekit <subcommand>"))
        #expect(run.error.contains("lint"))
        let help = try Self.notekit(["--help"], in: NSTemporaryDirectory())
        #expect(help.status == 0)
    }
}
