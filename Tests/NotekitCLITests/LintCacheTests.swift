import Foundation
import Testing

/// Issue 14: `notekit lint` keeps a cache; a cached run reports what a cold one does, after
/// edits, renames, deletions and configuration changes, and a damaged cache is no cache.
@Suite struct LintCacheTests {
    static let binary = DemoVaultTests.binary
    static var hasBinary: Bool { FileManager.default.isExecutableFile(atPath: binary) }
    static let uuid = "0f8fad5b-d9cb-469f-a165-70867728950e"

    /// A vault (marked by `.obsidian/`) whose notes have problems of their own and between notes.
    static func vault() throws -> String {
        let root = try VaultCommandTests.folder([
            ".obsidian/app.json": "{}",
            "a.md": "---\nsite_uuid: \(uuid)\naliases: [Tide Mills]\n---\nA claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n",
            "b.md": "---\nsite_uuid: \(uuid)\n---\nSee [[Tide Mills]] and [[Nowhere]].\n\n[^x] [B](https://example.com/b)\n",
            "sub/c.md": "Other claim.[^d4e5f6] <!-- notekit-disable-line link/unresolved-wikilink -->\n\n[^d4e5f6]: [A](https://example.com/a)\n",
        ])
        return root
    }

    static func write(_ text: String, _ path: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }

    /// The JSON report of `notekit lint ARGUMENTS` in `root`, and its text report.
    static func lint(_ root: String, _ arguments: [String] = ["."]) throws -> String {
        let json = try VaultCommandTests.run(["lint", "--format", "json"] + arguments, in: root)
        let text = try VaultCommandTests.run(["lint"] + arguments, in: root)
        return "\(json.status)\n\(json.output)\n\(text.output)"
    }

    /// The cached runs (first the one that fills the cache, then one that reads it) report what a
    /// run without the cache does.
    static func expectCachedEqualsCold(_ root: String, _ arguments: [String] = ["."], because comment: Comment,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let cold = try lint(root, ["--no-cache"] + arguments)
        #expect(try lint(root, arguments) == cold, comment, sourceLocation: sourceLocation)
        #expect(try lint(root, arguments) == cold, comment, sourceLocation: sourceLocation)
    }

    static func cacheFile(_ root: String) -> String { root + "/.notekit_cache/lint.cache" }

    @Test(.enabled(if: hasBinary, "notekit is not built")) func cachedRunsReportWhatColdRunsDo() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.expectCachedEqualsCold(root, because: "first runs")
        #expect(FileManager.default.fileExists(atPath: Self.cacheFile(root)))
        #expect(try String(contentsOfFile: root + "/.notekit_cache/.gitignore", encoding: .utf8).contains("*"))
        #expect(try Self.lint(root).contains("duplicate-uuid"))
        // An edit: b.md takes another UUID, so the duplicate goes.
        try Self.write("---\nsite_uuid: 7c9e6679-7425-40de-944b-e07fc1f90ae7\n---\nSee [[Tide Mills]].\n", root + "/b.md")
        try Self.expectCachedEqualsCold(root, because: "after an edit")
        #expect(try !Self.lint(root).contains("duplicate-uuid"))
        // Edits the vault rules do not see (prose, a suppression): only the edited note is parsed.
        try Self.write("---\nsite_uuid: 7c9e6679-7425-40de-944b-e07fc1f90ae7\n---\nSee [[Tide Mills]].\n\nMore prose.\n", root + "/b.md")
        try Self.expectCachedEqualsCold(root, because: "after prose was added")
        try Self.write("Other claim.[^d4e5f6] <!-- notekit-disable-line link/unresolved-wikilink -->\n\n[^d4e5f6]: [A](https://example.com/a)\n\n<!-- notekit-disable-file citation/same-source-several-ids -->\n",
                       root + "/sub/c.md")
        try Self.expectCachedEqualsCold(root, because: "after a suppression was added")
        // One note linted alone sees the vault as a run over all notes does.
        try Self.expectCachedEqualsCold(root, ["sub/c.md"], because: "one note")
        // A rename: the alias target moves; a deletion: b.md's link target is gone.
        try FileManager.default.moveItem(atPath: root + "/a.md", toPath: root + "/sub/z.md")
        try Self.expectCachedEqualsCold(root, because: "after a rename")
        try FileManager.default.removeItem(atPath: root + "/sub/z.md")
        try Self.expectCachedEqualsCold(root, because: "after a deletion")
        #expect(try Self.lint(root).contains("unresolved-wikilink"))
        // The deleted note's entry is pruned.
        let cache = try Data(contentsOf: URL(fileURLWithPath: Self.cacheFile(root)))
        #expect(cache.range(of: Data("sub/z.md".utf8)) == nil)
        #expect(cache.range(of: Data("b.md".utf8)) != nil)
        // A configuration change: a rule turned off and another made an error.
        try Self.write("rules:\n  link/unresolved-wikilink: off\n  citation/missing-colon: error\n", root + "/.notekit.yml")
        try Self.expectCachedEqualsCold(root, because: "after a configuration change")
        #expect(try !Self.lint(root).contains("[link/unresolved-wikilink]"))
        // Files a second old: a cached run takes unchanged notes by their stamps, unread, and the
        // text report still quotes their lines.
        Thread.sleep(forTimeInterval: 1.2)
        try Self.expectCachedEqualsCold(root, because: "notes taken from the cache unread")
        // A new note changes the vault's shape (a full run) while the others are known unread by
        // their stamps: they keep their entries, and the new one gets its own.
        let before = try Data(contentsOf: URL(fileURLWithPath: Self.cacheFile(root)))
        try Self.write("New note.\n", root + "/n.md")
        _ = try VaultCommandTests.run(["lint", "--format", "json", "."], in: root)
        let grown = try Data(contentsOf: URL(fileURLWithPath: Self.cacheFile(root)))
        #expect(grown.count > before.count, "no entry dropped: \(before.count) → \(grown.count) bytes")
        try Self.expectCachedEqualsCold(root, because: "a new note beside notes known unread")
    }

    @Test(.enabled(if: hasBinary, "notekit is not built")) func aDamagedCacheIsIgnored() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cold = try Self.lint(root, ["--no-cache", "."])
        _ = try Self.lint(root)
        let valid = try Data(contentsOf: URL(fileURLWithPath: Self.cacheFile(root)))
        var flipped = valid
        flipped[flipped.count / 2] ^= 0xFF
        for damaged in [Data("garbage".utf8), Data(), valid.prefix(valid.count / 2), valid + Data([1, 2, 3]), flipped,
                        Data(repeating: 0xFF, count: 4096)] {
            try damaged.write(to: URL(fileURLWithPath: Self.cacheFile(root)))
            #expect(try Self.lint(root) == cold, "a cache of \(damaged.count) bytes")
        }
    }

    /// A run over an unchanged vault leaves the cache file as it is. Quoted lines the file holds
    /// damaged are read from the notes instead (the report is a cold run's), and the file is
    /// written anew without them.
    @Test(.enabled(if: hasBinary, "notekit is not built")) func unchangedRunsWriteNothingAndDamagedQuotesAreReadAgain() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cold = try Self.lint(root, ["--no-cache", "."])
        _ = try Self.lint(root)
        // Files a second old: the next run keeps their stamps (and writes them), the runs after it read no note.
        Thread.sleep(forTimeInterval: 1.2)
        #expect(try Self.lint(root) == cold)
        let file = Self.cacheFile(root)
        let written = try FileManager.default.attributesOfItem(atPath: file)
        #expect(try Self.lint(root) == cold)
        let after = try FileManager.default.attributesOfItem(atPath: file)
        #expect(after[.systemFileNumber] as? Int == written[.systemFileNumber] as? Int)
        #expect(after[.modificationDate] as? Date == written[.modificationDate] as? Date)
        // A line b.md's findings quote, in the cache's quoted lines (no finding's message holds it).
        let line = Data("See [[Tide Mills]] and [[Nowhere]].".utf8)
        var damaged = try Data(contentsOf: URL(fileURLWithPath: file))
        let range = try #require(damaged.range(of: line))
        damaged[range.lowerBound + 4] = UInt8(ascii: "(")
        try damaged.write(to: URL(fileURLWithPath: file))
        #expect(try Self.lint(root) == cold)
        let rewritten = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(rewritten != damaged && rewritten.range(of: Data("See ([Tide".utf8)) == nil)
        #expect(try Self.lint(root) == cold)
    }

    @Test(.enabled(if: hasBinary, "notekit is not built")) func noCacheWritesNothing() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try Self.lint(root, ["--no-cache", "."])
        #expect(!FileManager.default.fileExists(atPath: root + "/.notekit_cache"))
    }

    @Test(.enabled(if: hasBinary, "notekit is not built")) func xdgCacheHomeHoldsTheCache() throws {
        let root = try Self.vault()
        let home = try VaultCommandTests.folder([:]) + "-cache"
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: home)
        }
        let (status, output, _) = try VaultCommandTests.run(["lint", "."], in: root, prefix: ["/usr/bin/env", "XDG_CACHE_HOME=\(home)"])
        #expect(status == 1 && output.contains("duplicate-uuid"))
        #expect(!FileManager.default.fileExists(atPath: root + "/.notekit_cache"))
        let files = FileManager.default.enumerator(atPath: home)?.allObjects as? [String] ?? []
        #expect(files.contains { $0.hasPrefix("notekit/") && $0.hasSuffix("/lint.cache") }, "\(files)")
    }
}
