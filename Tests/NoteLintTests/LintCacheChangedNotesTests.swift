import Foundation
import NoteLint
import NoteParser
import Testing

/// Issue 14: after one note changed, a lint with the cache parses that note only when what the
/// vault rules read from it did not change, and reports what a run without the cache does.
@Suite struct LintCacheChangedNotesTests {
    static let uuid = "0f8fad5b-d9cb-469f-a165-70867728950e"
    static let notes: [String: String] = [
        "a.md": "---\nsite_uuid: \(uuid)\naliases: [Tide Mills]\n---\nA claim.[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n",
        "b.md": "---\nsite_uuid: 7c9e6679-7425-40de-944b-e07fc1f90ae7\n---\nSee [[Tide Mills]] and [[Nowhere]].\n",
        "c.md": "Other claim.[^d4e5f6] Old [1].\n\n[^d4e5f6]: [A](https://example.com/a)\n\n[1]: [B](https://example.com/b)\n",
    ]

    /// Lints every note of the vault at `root`, with the cache file at `cache` when given.
    static func lint(_ root: String, cache: String?) throws -> Linter.Result {
        let loader = try ConfigurationLoader(defaultRoot: root)
        let lintCache = cache.map { LintCache(path: $0, version: "test") }
        let inputs = NoteFiles.collect([root]).files.map(Linter.Input.init(path:))
        let result = try Linter().lint(inputs, vaultRoot: root, cache: lintCache) { try loader.configuration(for: $0) }
        lintCache?.save()
        return result
    }

    static func write(_ text: String, _ path: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }

    @Test func onlyTheChangedNoteIsParsedWhenTheVaultRulesSeeNoChange() throws {
        let root = NSTemporaryDirectory() + "notekit-cache-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.obsidian", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in Self.notes { try Self.write(text, root + "/" + path) }
        let cache = root + "/.notekit_cache/lint.cache"
        #expect(try Self.lint(root, cache: cache).contexts.count == 3)

        // Prose after b.md's links: b.md alone is parsed; a.md and c.md are quoted from their bytes.
        try Self.write(Self.notes["b.md"]! + "\nMore prose.\n", root + "/b.md")
        var cached = try Self.lint(root, cache: cache)
        #expect(cached.contexts.map(\.vaultPath) == ["b.md"])
        #expect(Set(cached.sources.map { VaultPath.relative($0.path, to: root) }) == ["a.md", "c.md"])
        #expect(cached.findings == (try Self.lint(root, cache: nil)).findings)
        #expect(cached.findings.contains { $0.ruleID == "link/unresolved-wikilink" })

        // c.md cites its legacy citation again: legacy-numeric reads a note's legacy references
        // (its fixes rewrite them, with ids other notes' definitions decide), so every note is parsed.
        try Self.write(Self.notes["c.md"]!.replacing("Old [1].", with: "Old [1]. Again [1]."), root + "/c.md")
        cached = try Self.lint(root, cache: cache)
        #expect(cached.contexts.count == 3)
        #expect(cached.findings == (try Self.lint(root, cache: nil)).findings)

        // b.md takes a.md's UUID: duplicate-uuid reads that, so every note is parsed.
        try Self.write(Self.notes["b.md"]!.replacing("7c9e6679-7425-40de-944b-e07fc1f90ae7", with: Self.uuid), root + "/b.md")
        cached = try Self.lint(root, cache: cache)
        #expect(cached.contexts.count == 3)
        #expect(cached.findings == (try Self.lint(root, cache: nil)).findings)
        #expect(cached.findings.contains { $0.ruleID == "frontmatter/duplicate-uuid" })

        // A new note: every note is parsed.
        try Self.write("Nothing.\n", root + "/d.md")
        cached = try Self.lint(root, cache: cache)
        #expect(cached.contexts.count == 4)
        #expect(cached.findings == (try Self.lint(root, cache: nil)).findings)
    }

    /// Notes whose files' stamps (size, times, inode) are the cached ones are not read; a file whose
    /// content changes while its size stays and its modification time is set back is read again:
    /// the write changed its status-change time, which no tool sets back.
    @Test func notesWithTheCachedStampAreNotReadAndASetBackTimeIsSeen() throws {
        let root = NSTemporaryDirectory() + "notekit-cache-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.obsidian", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in Self.notes { try Self.write(text, root + "/" + path) }
        let cache = root + "/.notekit_cache/lint.cache"
        // Stamps are kept once the files' times are a second old (coarse file times).
        Thread.sleep(forTimeInterval: 1.2)
        _ = try Self.lint(root, cache: cache)
        var cached = try Self.lint(root, cache: cache)
        #expect(Set(cached.unread.map { VaultPath.relative($0, to: root) }) == ["a.md", "b.md", "c.md"])
        #expect(cached.sources.isEmpty)
        let cold = try Self.lint(root, cache: nil)
        #expect(cached.findings == cold.findings)
        // Reports that quote lines take them from the cache (the run's excerpts): no note is read.
        cached.readSources()
        #expect(cached.sources.isEmpty)
        let sources = Dictionary(uniqueKeysWithValues: cold.contexts.map { ($0.note.path, $0.note.source) })
        #expect(!cold.findings.isEmpty)
        for finding in cold.findings {
            #expect(cached.excerpts.covers(finding.path))
            for line in [finding.range.start.line, finding.range.end.line] {
                #expect(cached.excerpts.line(finding.path, line) == sources[finding.path]?.lineString(line), "\(finding.path):\(line)")
            }
        }

        // b.md's link target changes, same size, modification time set back.
        let path = root + "/b.md"
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        let edited = Self.notes["b.md"]!.replacing("[[Nowhere]]", with: "[[Nowhera]]")
        #expect(edited.utf8.count == Self.notes["b.md"]!.utf8.count)
        try Self.write(edited, path)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        let restored = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        #expect(abs(restored.timeIntervalSince(modified)) < 0.001)
        cached = try Self.lint(root, cache: cache)
        #expect(!cached.unread.contains { $0.hasSuffix("/b.md") })
        #expect(cached.findings == (try Self.lint(root, cache: nil)).findings)
        #expect(cached.findings.contains { $0.message.contains("Nowhera") })
    }

    /// After one note changed, the notes not read are quoted from the reports the cache copied
    /// (not decoded until a report quotes them), and so is every note in the next run.
    @Test func notesNotReadAreQuotedFromTheCopiedReports() throws {
        let root = NSTemporaryDirectory() + "notekit-cache-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.obsidian", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in Self.notes { try Self.write(text, root + "/" + path) }
        let cache = root + "/.notekit_cache/lint.cache"
        Thread.sleep(forTimeInterval: 1.2)
        _ = try Self.lint(root, cache: cache)
        try Self.write(Self.notes["c.md"]! + "\nMore prose.\n", root + "/c.md")
        let cold = try Self.lint(root, cache: nil)
        let sources = Dictionary(uniqueKeysWithValues: cold.contexts.map { ($0.note.path, $0.note.source) })
        #expect(Set(cold.findings.map { VaultPath.relative($0.path, to: root) }).isSuperset(of: ["b.md", "c.md"]))
        for run in 0..<2 {
            var cached = try Self.lint(root, cache: cache)
            #expect(cached.contexts.map(\.vaultPath) == (run == 0 ? ["c.md"] : []), "run \(run)")
            #expect(cached.findings == cold.findings, "run \(run)")
            #expect(!cached.excerpts.covers(root + "/b.md"), "run \(run): lines decoded only when a report quotes them")
            cached.readSources()
            #expect(cached.sources.count == (run == 0 ? 0 : 1), "run \(run): no note read but c.md, whose stamp is not settled")
            for finding in cold.findings where !cached.contexts.contains(where: { $0.note.path == finding.path }) {
                #expect(cached.excerpts.covers(finding.path) || cached.sources.contains { $0.path == finding.path }, "\(finding.path)")
                for line in [finding.range.start.line, finding.range.end.line] {
                    let quoted = cached.excerpts.line(finding.path, line) ?? cached.sources.first { $0.path == finding.path }?.source.lineString(line)
                    #expect(quoted == sources[finding.path]?.lineString(line), "run \(run): \(finding.path):\(line)")
                }
            }
        }
    }

    /// A cache file cut short, damaged or written by another notekit version is no cache: the run
    /// reports what a cold one does, and writes a cache the next run reads. A damaged entry (its
    /// hash differs) is ignored alone.
    @Test func damagedOrForeignCachesAreRebuilt() throws {
        let root = NSTemporaryDirectory() + "notekit-cache-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.obsidian", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in Self.notes { try Self.write(text, root + "/" + path) }
        let cache = root + "/.notekit_cache/lint.cache"
        let cold = try Self.lint(root, cache: nil).findings
        #expect(try Self.lint(root, cache: cache).findings == cold)
        let valid = try Data(contentsOf: URL(fileURLWithPath: cache))
        var damaged: [(String, Data)] = [("empty", Data()), ("garbage", Data("notekit lint cache".utf8)),
                                         ("one byte more", valid + Data([0])), ("another version", Data())]
        for cut in [1, 8, 30, valid.count / 3, valid.count / 2, valid.count - 1] { damaged.append(("cut at \(cut)", valid.prefix(cut))) }
        for (name, bytes) in damaged {
            if name == "another version" {
                let other = LintCache(path: cache, version: "other")
                _ = try Linter().lint(NoteFiles.collect([root]).files.map(Linter.Input.init(path:)), vaultRoot: root, cache: other) {
                    try ConfigurationLoader(defaultRoot: root).configuration(for: $0)
                }
                other.save()
            } else {
                try bytes.write(to: URL(fileURLWithPath: cache))
            }
            let run = try Self.lint(root, cache: cache)
            #expect(run.findings == cold, "\(name)")
            #expect(run.contexts.count == 3, "\(name): every note parsed")
            let next = try Self.lint(root, cache: cache)
            #expect(next.findings == cold && next.contexts.isEmpty, "\(name): the rebuilt cache is read")
        }
        // A byte of the last entry (c.md's: entries follow the index in path order) flipped: the
        // report stands (the index holds it); after c.md changes, its entry is found damaged and
        // every note is parsed (with the entry intact, c.md alone would be).
        var flipped = try Data(contentsOf: URL(fileURLWithPath: cache))
        flipped[flipped.count - 2] ^= 0x55
        try flipped.write(to: URL(fileURLWithPath: cache))
        #expect(try Self.lint(root, cache: cache).findings == cold)
        try Self.write(Self.notes["c.md"]! + "\nMore prose.\n", root + "/c.md")
        let edited = try Self.lint(root, cache: cache)
        #expect(edited.findings == (try Self.lint(root, cache: nil)).findings)
        #expect(edited.contexts.count == 3)
    }
}
