import Foundation
import Testing

/// Front matter YAML cannot read, or JSON cannot write, is a finding in its own note: every
/// command goes on with the other notes and `parse --format json` prints valid JSON.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: DemoVaultTests.binary), "notekit is not built at .build/debug/notekit"))
struct FrontMatterFailureTests {
    static let notes = [
        "a-map-key.md": "---\n{[a]: b}: c\ntitle: Map key\n---\nText.\n",
        "b-explicit-key.md": "---\n? []: x\n---\nText.\n",
        "c-numbers.md": "---\ntitle: Numbers\na: .inf\nb: -.inf\nc: .nan\nd: 1e999\n---\nText.\n",
        "d-good.md": "---\ntitle: Good\n---\nA good note.\n",
    ]

    /// A fresh folder holding `notes`.
    static func vault() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in notes { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func parsePrintsEveryNoteAsJSON() throws {
        let folder = try Self.vault()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, output) = try DemoVaultTests.notekit(["parse", "--format", "json", folder.path])
        #expect(status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let notes = try #require(report["notes"] as? [[String: Any]])
        #expect(notes.count == 4)
        let numbers = try #require(notes.first { ($0["path"] as? String)?.hasSuffix("c-numbers.md") == true })
        let entries = try #require((numbers["frontMatter"] as? [String: Any])?["entries"] as? [[String: Any]])
        #expect(entries.compactMap { $0["value"] as? String } == ["Numbers", ".inf", "-.inf", ".nan", ".inf"])
        let mapKey = try #require(notes.first { ($0["path"] as? String)?.hasSuffix("a-map-key.md") == true })
        let diagnostics = try #require(mapKey["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == ["invalidYAML"])
    }

    @Test func lintReportsEachBadNoteAndGoesOn() throws {
        let folder = try Self.vault()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, output) = try DemoVaultTests.notekit(["lint", "--format", "json", folder.path])
        #expect(status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let invalid = findings.filter { $0["rule"] as? String == "frontmatter/invalid-yaml" }
        #expect(invalid.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }.sorted()
                == ["a-map-key.md", "b-explicit-key.md"])
        #expect(invalid.map { "\($0["line"] ?? ""):\($0["column"] ?? "")" }.sorted() == ["2:2", "2:3"])
    }

    @Test func renderAndCitationsGoOn() throws {
        let folder = try Self.vault()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out").path
        let render = try DemoVaultTests.notekit(["render", "--format", "md", "--output", output, folder.path])
        #expect(render.status == 0)
        #expect(FileManager.default.fileExists(atPath: output + "/good.md"), "files are named after titles")
        let citations = try DemoVaultTests.notekit(["citations", "report", "--format", "json", folder.path])
        #expect(citations.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(citations.output.utf8)) is [String: Any])
    }
}
