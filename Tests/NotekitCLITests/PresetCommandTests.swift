import Foundation
import Testing

/// Issue 13 through the built `notekit`: the correctness rules by default, a style by `extends`,
/// nested `.notekit.yml` files with and without `root: true`, and `init` choosing a style.
@Suite struct PresetCommandTests {
    static func run(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String, errors: String) {
        try VaultCommandTests.run(arguments, in: directory)
    }

    static func folder(_ files: KeyValuePairs<String, String>) throws -> String { try VaultCommandTests.folder(files) }
    static var hasBinary: Bool { VaultCommandTests.hasBinary }

    /// A note breaking one correctness rule (an undefined citation) and two style rules (`---`
    /// and flow-list tags).
    static let note = "---\ntitle: A\ntags: [One, Two]\n---\nClaim.[^a1b2c3]\n\n---\n\nMore.\n"

    /// The rule ids of the findings in text output.
    static func rules(_ output: String) -> Set<String> {
        Set(output.matches(of: #/\[([a-z-]+/[a-z-]+)\]/#).map { String($0.output.1) })
    }

    @Test(.enabled(if: hasBinary, "notekit is not built")) func defaultIsTheCorrectnessRules() throws {
        let root = try Self.folder(["note.md": Self.note])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (status, output, _) = try Self.run(["lint", "."], in: root)
        #expect(status == 1)
        #expect(Self.rules(output) == ["citation/undefined"], "\(output)")
    }

    @Test(.enabled(if: hasBinary, "notekit is not built")) func extendingResearchVaultTurnsItsStyleOn() throws {
        let root = try Self.folder([".notekit.yml": "extends: [recommended, research-vault]\n", "note.md": Self.note])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try Self.run(["lint", "."], in: root).output
        #expect(Self.rules(output) == ["citation/undefined", "body/dash-rule", "frontmatter/tags-style"], "\(output)")
        // An explicit level overrides the preset.
        try Data("extends: research-vault\nrules:\n  body/dash-rule: off\n".utf8).write(to: URL(fileURLWithPath: root + "/.notekit.yml"))
        #expect(Self.rules(try Self.run(["lint", "."], in: root).output) == ["citation/undefined", "frontmatter/tags-style"])
        // A misspelt preset is a configuration error at its place, with a suggestion.
        try Data("extends:\n  - research-vualt\n".utf8).write(to: URL(fileURLWithPath: root + "/.notekit.yml"))
        let (status, _, errors) = try Self.run(["lint", "."], in: root)
        #expect(status == 2)
        #expect(errors.contains(".notekit.yml:2:5: error: unknown preset 'research-vualt' (did you mean 'research-vault'?)"), "\(errors)")
    }

    @Test(.enabled(if: hasBinary, "notekit is not built")) func nestedFileExtendsItsParentUnlessRoot() throws {
        let root = try Self.folder([
            ".notekit.yml": "extends: research-vault\nrules:\n  citation/undefined: warning\n",
            "essays/.notekit.yml": "rules:\n  frontmatter/tags-style: off\n",
            "essays/note.md": Self.note + "See [[top]].\n",
            "top.md": "# Top\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let nested = try Self.run(["lint", "essays"], in: root)
        #expect(nested.status == 0, "citation/undefined is a warning, as the parent says")
        #expect(Self.rules(nested.output) == ["citation/undefined", "body/dash-rule"], "\(nested.output)")
        #expect(nested.output.contains("essays/note.md:5:7: warning[citation/undefined]"), "\(nested.output)")
        // The vault root stays at the top: [[top]] resolves.
        #expect(!nested.output.contains("link/unresolved-wikilink"))

        try Data("root: true\nrules:\n  frontmatter/tags-style: off\n".utf8).write(to: URL(fileURLWithPath: root + "/essays/.notekit.yml"))
        let own = try Self.run(["lint", "essays"], in: root)
        #expect(own.status == 1, "citation/undefined is an error again: the parent is not read")
        #expect(Self.rules(own.output) == ["citation/undefined", "link/unresolved-wikilink"], "\(own.output)")
    }

    @Test(.enabled(if: hasBinary, "notekit is not built")) func initExtendsTheStyleMostNotesFollow() throws {
        let styled = "---\ntitle: A\ntags:\n  - One\n---\nClaim.[^a1b2c3]\n\n***\n\n[^a1b2c3]: [Source](https://example.com)\n"
        let root = try Self.folder(["notes/off.md": Self.note, "notes/plain.md": "---\ntitle: Plain\n---\nNo tags, rules or citations: no choice.\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        for number in 1...5 { try Data(styled.utf8).write(to: URL(fileURLWithPath: root + "/notes/n\(number).md")) }
        // 5 of 6 notes that choose follow the style (83%).
        let followed = try Self.run(["init", "--stdout"], in: root).output
        #expect(followed.contains("extends: [recommended, research-vault]\n"), "\(followed)")
        #expect(followed.contains("research-vault style: 5 of the 6 notes with tags, rules or citations follow it (83%"), "\(followed)")
        // With a second note off style, 5 of 7 (71%): recommended only.
        try Data(Self.note.utf8).write(to: URL(fileURLWithPath: root + "/notes/off2.md"))
        #expect(try Self.run(["init", "--stdout"], in: root).output.contains("extends: [recommended]\n"))
        // What init writes loads, and the vault it was written for lints with it.
        #expect(try Self.run(["init"], in: root).status == 0)
        #expect(try Self.run(["lint", "."], in: root).status != 2)
    }
}
