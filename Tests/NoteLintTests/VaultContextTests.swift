import Foundation
import NoteLint
import NoteParser
import Testing

/// Issue 12, case 7: a note's findings do not depend on which other notes are linted with it.
@Suite struct VaultContextTests {
    static let uuid = "0f8fad5b-d9cb-469f-a165-70867728950e"
    /// Notes whose problems are between notes: a shared UUID, an id defined two ways, links
    /// to another note's alias and to nothing.
    static let notes: [(String, String)] = [
        ("a.md", "---\nsite_uuid: \(uuid)\n---\nSee [[Tide Mills]].[^a1b2c3]\n\n[^a1b2c3]: [A](https://example.com/a)\n"),
        ("b.md", "---\nsite_uuid: \(uuid)\n---\nOther claim.[^a1b2c3]\n\n[^a1b2c3]: [B](https://example.com/b)\n"),
        ("mills/c.md", "---\naliases: [Tide Mills]\n---\n# Mills\n"),
        ("mills/d.md", "Links to [[c]] and [[Nowhere At All]].\n"),
        ("cafe\u{301}.md", "See [[Also Nowhere]].\n"),
        ("caf\u{E9}.md", "---\nsite_uuid: \(uuid)\n---\nPlain.\n"),
    ]

    static func vault() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-vault-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/.obsidian", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/mills", withIntermediateDirectories: true)
        for (path, text) in notes { try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path)) }
        return root
    }

    /// Lints `paths` as `notekit lint` does: rooted by `VaultRoot`, the rest of the vault as context.
    static func lint(_ paths: [String]) throws -> [String] {
        let loader = try ConfigurationLoader(defaultRoot: VaultRoot.of(paths))
        let files = NoteFiles.collect(paths).files
        let root = try loader.configuration(for: files[0]).root
        let result = try Linter().lint(files.map(Linter.Input.init(path:)), vaultRoot: root) { try loader.configuration(for: $0) }
        return result.findings.map { "\(VaultPath.relative($0.path, to: root)):\($0.range.start.line):\($0.range.start.column) \($0.ruleID) \($0.message)" }
    }

    /// Lines as sorted byte strings, compared exactly.
    static func bytes(_ lines: [String]) -> [[UInt8]] {
        lines.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The context of a run is the vault's notes not linted, whichever notes are linted in
    /// whichever order (a run on every note, in the walk's order, is found without a set).
    @Test func contextIsTheNotesNotLinted() {
        let files = ["a.md", "b.txt", "c.MD", "d/e.md", "d/f.png", "cafe\u{301}.md", "caf\u{E9}.md", "g.md"]
        let notes = files.filter(NoteFiles.isMarkdown)
        for root in ["/vault", "/vault/", "."] {
            let prefix = root == "." ? "" : "/vault/"
            for linted in [notes, Array(notes.reversed()), Array(notes.dropLast()), Array(notes.dropFirst()), [notes[2]], [],
                           notes + ["h.md"], ["h.md"] + notes, notes.filter { $0 != "caf\u{E9}.md" }] {
                let context = Linter.context(for: linted.map { Linter.Input(path: prefix + $0) }, root: root, vaultFiles: files)
                let expected = notes.filter { note in !linted.contains { ExactPath.same($0, note) } }
                #expect(context.map { Array($0.path.utf8) } == expected.map { Array((prefix + $0).utf8) }, "\(root) \(linted)")
            }
        }
    }

    @Test func eachNoteAloneGetsWhatTheWholeVaultRunGivesIt() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let whole = try Self.lint([root])
        let rules = Set(whole.map { $0.split(separator: " ")[1] })
        #expect(rules.isSuperset(of: ["frontmatter/duplicate-uuid", "citation/id-conflict", "link/unresolved-wikilink"]), "\(whole)")
        #expect(!whole.contains { $0.contains("Tide Mills") }, "the alias resolves: \(whole)")
        var alone: [String] = []
        for (path, _) in Self.notes {
            alone += try Self.lint([root + "/" + path])
        }
        #expect(Self.bytes(alone) == Self.bytes(whole))
        // Names differing only in normalisation are two notes, each with its own findings
        // (compared by bytes: String's == and hasPrefix take them for one).
        func has(_ prefix: String, _ text: String) -> Bool {
            whole.contains { Array($0.utf8).starts(with: Array(prefix.utf8)) && $0.contains(text) }
        }
        #expect(has("cafe\u{301}.md:1:", "Also Nowhere"))
        #expect(!has("caf\u{E9}.md", "Also Nowhere"))
        #expect(has("caf\u{E9}.md:2:", "duplicate-uuid"))
        #expect(!has("cafe\u{301}.md", "duplicate-uuid"))
    }

    /// The pre-commit framework may split the files of a commit into batches: the findings are
    /// the same in two batches as in one.
    @Test func batchesDoNotChangeTheFindings() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = Self.notes.map { root + "/" + $0.0 }
        let one = try Self.lint(paths)
        let two = try Self.lint(Array(paths[..<3])) + Self.lint(Array(paths[3...]))
        let reversed = try Self.lint(Array(paths[3...])) + Self.lint(Array(paths[..<3]))
        #expect(!one.isEmpty)
        #expect(Self.bytes(two) == Self.bytes(one))
        #expect(Self.bytes(reversed) == Self.bytes(one))
        #expect(try Self.bytes(Self.lint(paths.reversed())) == Self.bytes(one), "the order the paths are given in changes nothing")
    }

    /// A note outside any vault marker is rooted at its own folder, never at the current directory.
    @Test func rootIsFoundFromThePathNotTheCurrentDirectory() throws {
        let root = try Self.vault()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(VaultRoot.of([root + "/mills/d.md"]) == root, "the .obsidian folder marks the vault")
        try Data("rules: {}\n".utf8).write(to: URL(fileURLWithPath: root + "/mills/.notekit.yml"))
        #expect(VaultRoot.of([root + "/mills/d.md"]) == root + "/mills", ".notekit.yml comes first")
        try FileManager.default.removeItem(atPath: root + "/mills/.notekit.yml")
        try FileManager.default.removeItem(atPath: root + "/.obsidian")
        #expect(VaultRoot.of([root + "/mills/d.md"]) == root + "/mills", "no marker: the note's folder")
        #expect(VaultRoot.of([root + "/mills"]) == root + "/mills", "no marker: the folder given")
        try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        #expect(VaultRoot.of([root + "/mills/d.md"]) == root, "the git work tree's top level")
    }
}
