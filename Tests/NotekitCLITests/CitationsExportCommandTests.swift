import Foundation
import Testing

/// `notekit citations export` on the example vault: the three formats agree on the sources,
/// `--output` writes the file, and the ids are the vault's.
@Suite struct CitationsExportCommandTests {
    @Test(.enabled(if: RegistryCommandTests.enabled, "notekit is not built at .build/debug/notekit"))
    func theThreeFormatsExportTheSameSources() throws {
        let (status, json) = try DemoVaultTests.notekit(["citations", "export", "Notes"])
        #expect(status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let ids = items.compactMap { $0["id"] as? String }
        #expect(ids.count == items.count && !ids.isEmpty)

        let (bibStatus, bib) = try DemoVaultTests.notekit(["citations", "export", "--format", "bibtex", "Notes"])
        #expect(bibStatus == 0)
        #expect(bib.components(separatedBy: "@online{").dropFirst().map { String($0.prefix { $0 != "," }) } == ids)

        let file = NSTemporaryDirectory() + "notekit-export-\(UUID().uuidString).ris"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (risStatus, printed) = try DemoVaultTests.notekit(["citations", "export", "--format", "ris", "--output", file, "Notes"])
        #expect(risStatus == 0 && printed.isEmpty)
        let ris = try String(contentsOfFile: file, encoding: .utf8)
        #expect(ris.components(separatedBy: "\r\n").filter { $0.hasPrefix("ID  - ") }.map { String($0.dropFirst(6)) } == ids)

        // Every id is one the notes define, except for sources whose only id is written for
        // another source too (citation/id-conflict, in the fault notes): those get a hash id.
        let (_, report) = try DemoVaultTests.notekit(["citations", "report", "--format", "json", "Notes"])
        let sources = try #require((try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])?["sources"] as? [[String: Any]])
        #expect(items.count == sources.count)
        let vaultIDs = Set(sources.flatMap { ($0["ids"] as? [String]) ?? [] })
        #expect(ids.filter { !$0.hasPrefix("src-") }.allSatisfy(vaultIDs.contains))
        for item in items where (item["id"] as? String)?.hasPrefix("src-") == true {
            let source = try #require(sources.first { $0["url"] as? String == item["URL"] as? String })
            let notes = ((source["notes"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
            #expect(!notes.isEmpty && notes.allSatisfy { $0.hasPrefix("faults/") }, "\(item)")
            #expect(((source["ids"] as? [String]) ?? []).allSatisfy(ids.contains), "its ids name other sources")
        }
        #expect(ids.filter { $0.hasPrefix("src-") }.count == 2)
    }

    @Test(.enabled(if: RegistryCommandTests.enabled, "notekit is not built at .build/debug/notekit"))
    func anUnknownFormatIsAUsageError() throws {
        #expect(try DemoVaultTests.notekit(["citations", "export", "--format", "endnote", "Notes"]).status == 2)
    }
}
