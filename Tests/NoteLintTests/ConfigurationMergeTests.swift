import Foundation
import NoteLint
import NoteParser
import Testing

/// Issue 13: presets, `extends:` (presets and files), nested `.notekit.yml` files and `root: true`.
@Suite struct ConfigurationMergeTests {
    /// A temporary folder holding `files` (path relative to it → text).
    static func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-config-\(UUID().uuidString)").path
        for (path, text) in files {
            let file = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return root
    }

    static func error(_ body: () throws(ConfigurationError) -> Configuration) -> ConfigurationError? {
        do { _ = try body() } catch { return error }
        return nil
    }

    @Test func styleRulesRunOnlyWithTheirPreset() throws {
        let recommended = Configuration()
        #expect(recommended.presets == ["recommended"])
        #expect(recommended.severity(ofRule: "body/dash-rule", default: .warning) == nil)
        #expect(recommended.severity(ofRule: "citation/undefined", default: .error) == .error)
        let styled = try ConfigurationLoader.parse("extends: [recommended, research-vault]\n")
        #expect(styled.presets == ["recommended", "research-vault"])
        #expect(styled.severity(ofRule: "body/dash-rule", default: .warning) == .warning)
        #expect(try ConfigurationLoader.parse("extends: research-vault\n").presets == ["recommended", "research-vault"])
        // An explicit level wins over the presets, either way.
        let explicit = try ConfigurationLoader.parse("extends: research-vault\nrules:\n  body/dash-rule: off\n")
        #expect(explicit.severity(ofRule: "body/dash-rule", default: .warning) == nil)
        let single = try ConfigurationLoader.parse("rules:\n  citation/legacy-numeric: error\n")
        #expect(single.severity(ofRule: "citation/legacy-numeric", default: .warning) == .error)
        #expect(single.severity(ofRule: "frontmatter/tags-style", default: .warning) == nil)
    }

    @Test func everyStyleHasRulesAndTheNamedOnesAreStyle() {
        #expect(Preset.styles == ["research-vault"])
        for id in ["citation/legacy-numeric", "body/dash-rule", "frontmatter/tags-style"] {
            #expect(RuleRegistry.description(of: id)?.category == .researchVault, "\(id)")
        }
        #expect(RuleRegistry.description(of: "citation/undefined")?.category == .correctness)
    }

    @Test func unknownPresetIsAnErrorAtItsPlace() {
        let error = Self.error { () throws(ConfigurationError) in
            try ConfigurationLoader.parse("rules: {}\nextends:\n  - recommended\n  - reseach-vault\n", path: "v/.notekit.yml")
        }
        #expect(error?.line == 4)
        #expect(error?.column == 5)
        #expect(error?.message.hasPrefix("unknown preset 'reseach-vault' (did you mean 'research-vault'?)") == true)
        let map = Self.error { () throws(ConfigurationError) in try ConfigurationLoader.parse("extends: {a: b}\n") }
        #expect(map?.line == 1)
        #expect(map?.column == 10)
        let root = Self.error { () throws(ConfigurationError) in try ConfigurationLoader.parse("root: maybe\n") }
        #expect(root?.message == "root must be true or false")
    }

    @Test func extendsAFileRelativeToItselfOverridingInOrder() throws {
        let root = try Self.folder([
            "vault/.notekit.yml": "extends: [../shared/base.yml]\nrules:\n  citation/unused: error\ncallouts:\n  types: [Own]\n",
            "shared/base.yml": "extends: research-vault\nrules:\n  citation/unused: off\n  callout/empty: off\ncallouts:\n  types: [Shared]\nlimits:\n  maxFindingsPerFile: 5\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let configuration = try ConfigurationLoader.read(root + "/vault/.notekit.yml")
        #expect(configuration.presets == ["recommended", "research-vault"])
        #expect(configuration.rules["citation/unused"] == .error, "the file's own level wins over what it extends")
        #expect(configuration.rules["callout/empty"] == .off, "levels it does not set come from the extended file")
        #expect(configuration.calloutTypes == ["Shared", "Own"])
        #expect(configuration.limits.maxFindingsPerFile == 5)
        #expect(configuration.root == root + "/vault")
    }

    @Test func extendsCyclesAreReportedWhereTheyClose() throws {
        let root = try Self.folder([
            ".notekit.yml": "extends: [a.yml]\n",
            "a.yml": "rules: {}\nextends: [sub/b.yml]\n",
            "sub/b.yml": "extends:\n  - recommended\n  - ../a.yml\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = Self.error { () throws(ConfigurationError) in try ConfigurationLoader.read(root + "/.notekit.yml") }
        #expect(error?.path == root + "/sub/b.yml")
        #expect(error?.line == 3)
        #expect(error?.column == 5)
        #expect(error?.message.hasPrefix("extends cycle: ") == true)
        #expect(error?.message.hasSuffix("a.yml -> sub/b.yml -> a.yml") == true, "\(error?.message ?? "")")
        let missing = Self.error { () throws(ConfigurationError) in try ConfigurationLoader.parse("extends: [./none.yml]\n", path: root + "/x.yml") }
        #expect(missing?.message.hasPrefix("cannot read extended configuration './none.yml'") == true)
    }

    @Test func nestedFilesExtendTheirParentsWithGlobsRelativeToThemselves() throws {
        let root = try Self.folder([
            ".notekit.yml": """
                rules:
                  citation/unused: off
                  callout/empty: error
                ignore: [drafts/**]
                collections:
                  essays:
                    required: [title]
                  notes:
                    paths: ["**/*.md"]
                """,
            "essays/.notekit.yml": """
                extends: research-vault
                rules:
                  callout/empty: warning
                ignore: [drafts/**]
                collections:
                  essays:
                    paths: ["**/*.md"]
                    required: [title, lede]
                """,
            "essays/deep/note.md": "Text.\n",
            "own/.notekit.yml": "root: true\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loader = try ConfigurationLoader(defaultRoot: root)
        let nested = try loader.configuration(for: root + "/essays/deep/note.md")
        #expect(nested.root == root, "a nested file does not move the vault root")
        #expect(nested.path == root + "/essays/.notekit.yml")
        #expect(nested.presets == ["recommended", "research-vault"])
        #expect(nested.rules == ["citation/unused": .off, "callout/empty": .warning])
        #expect(nested.ignore == ["drafts/**", "essays/drafts/**"])
        #expect(nested.isIgnored("essays/drafts/a.md") && nested.isIgnored("drafts/a.md") && !nested.isIgnored("essays/a.md"))
        // The nested file's collection comes first and replaces the parent's of the same name.
        #expect(nested.collections.map(\.name) == ["essays", "notes"])
        #expect(nested.collection(for: "essays/deep/note.md")?.required == ["title", "lede"])
        #expect(nested.collection(for: "other/note.md")?.name == "notes")
        #expect(VaultRoot.of([root + "/essays/deep/note.md"]) == root)
        // root: true starts afresh, and its folder is a vault of its own.
        let own = try loader.configuration(for: root + "/own/note.md")
        #expect(own.root == root + "/own")
        #expect(own.rules.isEmpty && own.ignore.isEmpty && own.collections.isEmpty)
        #expect(VaultRoot.of([root + "/own/note.md"]) == root + "/own")
        // The same files read the same configuration: equal, and equal hashes.
        let again = try ConfigurationLoader(defaultRoot: root).configuration(for: root + "/essays/deep/note.md")
        #expect(again == nested && again.hashValue == nested.hashValue)
        #expect(again != own)
    }

    /// The loader answers a note from the last folder asked about when the note is in it: in any
    /// order of the notes, each gets what a loader asked about it alone gives.
    @Test func eachNoteGetsItsFolderConfigurationInAnyOrder() throws {
        let root = try Self.folder([
            ".notekit.yml": "rules:\n  callout/empty: error\n",
            "sub/.notekit.yml": "rules:\n  callout/empty: off\n",
            "sub/deeper/.notekit.yml": "root: true\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = [root + "/a.md", root + "/sub/b.md", root + "/sub/c.md", root + "/a.md", root + "/sub/deeper/d.md", root + "/sub/b.md",
                     root + "/su/b.md", root + "/sub.md", "/a.md", "a.md", "/a.md", root + "/sub/deeper/e.md", root + "/sub/deeper/e.md"]
        let loader = try ConfigurationLoader(defaultRoot: root)
        for path in paths {
            let alone = try ConfigurationLoader(defaultRoot: root).configuration(for: path)
            let answer = try loader.configuration(for: path)
            #expect(answer == alone && answer.path == alone.path && answer.root == alone.root, "\(path)")
        }
        #expect(try loader.configuration(for: root + "/sub/b.md").rules == ["callout/empty": .off])
        #expect(try loader.configuration(for: root + "/sub.md").rules == ["callout/empty": .error])
    }

    @Test func ruleOptionsMergePerOptionAcrossExtendsAndNestedFiles() throws {
        let root = try Self.folder([
            "shared/base.yml": """
                rules:
                  frontmatter/tags-style: {level: error, list: flow, case: kebab-case}
                  citation/legacy-numeric: {idLength: 8, idAlphabet: hex}
                """,
            ".notekit.yml": """
                extends: [shared/base.yml]
                rules:
                  frontmatter/tags-style: {case: lowercase}
                  body/dash-rule: {level: warning, style: "---"}
                """,
            "essays/.notekit.yml": """
                rules:
                  citation/legacy-numeric: {idLength: 10}
                  body/dash-rule: {style: ___}
                """,
            "essays/note.md": "Text.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loader = try ConfigurationLoader(defaultRoot: root)
        let top = try loader.configuration(for: root + "/note.md")
        // The file's option overrides the extended file's of the same name and keeps its others.
        #expect(top.ruleOptions["frontmatter/tags-style"] == ["list": "flow", "case": "lowercase"])
        #expect(top.option(FrontMatterTagsStyleRule.list, ofRule: "frontmatter/tags-style") == .flow)
        #expect(top.option(FrontMatterTagsStyleRule.tagCase, ofRule: "frontmatter/tags-style") == .lowercase)
        #expect(top.severity(ofRule: "frontmatter/tags-style", default: .warning) == .error, "the extended file's level")
        // A long form's level turns a style rule on without its preset, as the short form does.
        #expect(!top.presets.contains("research-vault"))
        #expect(top.severity(ofRule: "body/dash-rule", default: .warning) == .warning)
        let nested = try loader.configuration(for: root + "/essays/note.md")
        #expect(nested.ruleOptions["citation/legacy-numeric"] == ["idLength": "10", "idAlphabet": "hex"])
        #expect(nested.option(CitationLegacyNumericRule.idLength, ofRule: "citation/legacy-numeric") == 10)
        #expect(nested.option(BodyThematicBreakRule.style, ofRule: "body/dash-rule") == .underscores)
        #expect(nested.severity(ofRule: "body/dash-rule", default: .warning) == .warning, "the parent's level stays")
        // An option only a nested file sets is not in the parent's: they differ, hashes included.
        #expect(nested != top)
        var changed = top
        changed.ruleOptions["body/dash-rule"] = ["style": "***"]
        #expect(changed != top && changed.hashValue != top.hashValue)
    }
}
