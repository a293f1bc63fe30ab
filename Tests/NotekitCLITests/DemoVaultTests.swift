import Foundation
import Testing

/// Runs the built `notekit` binary on the example vault `Notes/`, from the package root, as
/// `make demo` does: the vault's `.notekit.yml` sits in `Notes/`, not in the current folder.
@Suite struct DemoVaultTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/notekit").path

    /// Runs notekit with `arguments` in the package root; returns exit code and standard output.
    static func notekit(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "notekit is not built at .build/debug/notekit"))
    func lintsTheDemoVaultWithItsOwnConfiguration() throws {
        let (status, output) = try Self.notekit(["lint", "--format", "json", "Notes"])
        #expect(status == 1, "the fault notes hold errors")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        // Outside faults/ the vault is clean but for three deliberate, documented findings.
        let clean = findings.filter { !(($0["path"] as? String) ?? "").contains("/faults/") }
        #expect(clean.map { $0["rule"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") }
                == ["body/dash-rule", "citation/in-table", "citation/malformed"])
        // Links resolve against the vault rooted at Notes/ (where .notekit.yml is), not the current folder.
        #expect(!findings.contains { $0["rule"] as? String == "link/ambiguous-wikilink" && (($0["message"] as? String) ?? "").contains("Notes/") })
        // The collection schema of Notes/.notekit.yml applies: a required key is missing in a fault note.
        #expect(findings.contains { $0["rule"] as? String == "frontmatter/required" })
    }
}
