import Foundation
import NoteFix
import NoteLint
import NoteLSP
import NoteParser
import Testing

/// An editor session over a small vault: diagnostics pushed on open and change (for the other
/// open notes too), code actions that give what `notekit fix` gives, completion, navigation,
/// rename, and closing back to the file on disk.
@Suite struct EditorSessionTests {
    static let uuid = "0f8fad5b-d9cb-469f-a165-70867728950e"
    static let notes: [(String, String)] = [
        ("a.md", "---\nsite_uuid: \(uuid)\naliases: [Tide Mills]\n---\n# Mills\n\nA claim.[^a1b2c3] 😀 Again.[^a1b2c3]\n\n## Tide History\n\nText.\n\n[^a1b2c3]: 2024-01-02. [Tide Records](https://example.com/a). Published: 2023-05-01.\n"),
        ("b.md", "# B\n\nSee [[Tide Mills]] and [[a#Tide History]].\n\nA claim é.[^q1w2e3]\n\n[^q1w2e3] [Q](https://example.com/q)\n"),
        ("c.md", "---\nsite_uuid: \(otherUUID)\n---\n# C\n\nOther claim.[^d4e5f6]\n\n[^d4e5f6]: [D](https://example.com/d)\n"),
    ]
    static let otherUUID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"

    static func codes(_ diagnostics: [JSON]) -> [String] { diagnostics.compactMap { $0["code"]?.string } }

    @Test(arguments: [false, true]) func diagnosticsFollowTheEditorsTextAndOtherOpenNotes(utf8: Bool) throws {
        let client = try Client(root: try temporaryVault(Self.notes), utf8: utf8)
        try client.open("b.md")
        try client.open("c.md")
        let missingColon = try #require(client.diagnostics("b.md").first { $0["code"] == .string("citation/missing-colon") })
        #expect(missingColon["severity"] == .int(1) || missingColon["severity"] == .int(2))
        #expect(missingColon["codeDescription"]?["href"] == .string("https://example.org/rules.md#citation-missing-colon"))
        #expect(missingColon["range"]?["start"] == client.position("b.md", of: "[^q1w2e3] [Q]"))
        #expect(!Self.codes(client.diagnostics("c.md")).contains("frontmatter/duplicate-uuid"))
        // c.md takes a.md's UUID in the editor (unsaved): c's duplicate is published, with a.md as related.
        let start = client.received.count
        let range = client.offset("c.md", of: Self.otherUUID)
        try client.change("c.md", replacing: range..<range + Self.otherUUID.utf8.count, with: Self.uuid)
        #expect(client.notifications("textDocument/publishDiagnostics", since: start).count == 1)
        let duplicate = try #require(client.diagnostics("c.md").first { $0["code"] == .string("frontmatter/duplicate-uuid") })
        #expect(duplicate["relatedInformation"]?.array?.first?["location"]?["uri"] == .string(client.uri("a.md")))
        // An incremental edit of b.md after the emoji-free prefix: the finding moves with the text.
        try client.change("b.md", replacing: 0..<0, with: "😀 intro\n\n")
        #expect(client.diagnostics("b.md").first { $0["code"] == .string("citation/missing-colon") }?["range"]?["start"]
                == client.position("b.md", of: "[^q1w2e3] [Q]"))
        // Closing c.md reverts it to the file on disk.
        let beforeClose = client.received.count
        client.notify("textDocument/didClose", ["textDocument": .object(["uri": .string(client.uri("c.md"))])])
        #expect(client.notifications("textDocument/publishDiagnostics", since: beforeClose).first?["params"]?["diagnostics"] == .array([]))
        let pulled = try client.request("textDocument/diagnostic", ["textDocument": .object(["uri": .string(client.uri("c.md"))])])
        let pulledCodes = Self.codes(pulled["items"]?.array ?? [])
        #expect(!pulledCodes.contains("frontmatter/duplicate-uuid"))
        let vault = try client.request("workspace/diagnostic", ["previousResultIds": .array([])])
        #expect(vault["items"]?.array?.contains { $0["uri"] == .string(client.uri("b.md")) } == true)
    }

    @Test func codeActionsGiveWhatNotekitFixGives() throws {
        let root = try temporaryVault(Self.notes)
        let client = try Client(root: root)
        try client.open("b.md")
        let everything = ["textDocument": JSON.object(["uri": .string(client.uri("b.md"))]),
                          "range": try JSON(LSPRange(start: Position(line: 0, character: 0), end: Position(line: 99, character: 0))),
                          "context": .object(["diagnostics": .array([])])]
        let actions = try client.request("textDocument/codeAction", everything).array ?? []
        let titles = actions.compactMap { $0["title"]?.string }
        #expect(titles.contains("Disable citation/missing-colon on this line"))
        let fixAll = try #require(actions.first { $0["kind"] == .string("source.fixAll.notekit") })
        let loader = try ConfigurationLoader(defaultRoot: root)
        let fixed = try NoteFixer().fix([Linter.Input(path: root + "/b.md")], vaultRoot: root) { try loader.configuration(for: $0) }
        let expected = String(decoding: try #require(fixed.rewrites.first).result, as: UTF8.self)
        #expect(expected != client.texts["b.md"])
        #expect(try client.applied(fixAll["edit"]!, to: "b.md") == expected)
        // The one quick fix of the missing colon is the same edit here.
        let quickfix = try #require(actions.first { $0["kind"] == .string("quickfix") && $0["diagnostics"]?.array?.first?["code"] == .string("citation/missing-colon") })
        #expect(try client.applied(quickfix["edit"]!, to: "b.md") == expected)
        // Disabling the rule on the line: applied, the finding is gone, and nothing else is new.
        let disable = try #require(actions.first { $0["title"] == .string("Disable citation/missing-colon on this line") })
        let before = Self.codes(client.diagnostics("b.md"))
        let disabled = try client.applied(disable["edit"]!, to: "b.md")
        try client.change("b.md", replacing: 0..<client.texts["b.md"]!.utf8.count, with: disabled)
        #expect(Self.codes(client.diagnostics("b.md")) == before.filter { $0 != "citation/missing-colon" })
        #expect(disabled.contains("[^q1w2e3] [Q](https://example.com/q) <!-- notekit-disable-line citation/missing-colon -->"))
    }

    @Test func fixAllIsResolvedWhenTheClientCanResolve() throws {
        let client = try Client(root: try temporaryVault(Self.notes), resolve: true)
        try client.open("b.md")
        let actions = try client.request("textDocument/codeAction", [
            "textDocument": .object(["uri": .string(client.uri("b.md"))]),
            "range": try JSON(LSPRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0))),
            "context": .object(["diagnostics": .array([]), "only": .array([.string("source.fixAll")])]),
        ]).array ?? []
        #expect(actions.count == 1 && actions[0]["edit"] == nil)
        guard case .object(let action) = actions[0] else { return }
        let resolved = try client.request("codeAction/resolve", action.mapValues { Optional($0) })
        #expect(try client.applied(resolved["edit"]!, to: "b.md").contains("[^q1w2e3]: [Q]"))
    }

    @Test func completionOffersCitationsNotesAliasesHeadingsAndSchemaKeys() throws {
        var notes = Self.notes
        notes.append((".notekit.yml", "collections:\n  essays:\n    paths: [\"e/*.md\"]\n    keys:\n      status: {type: enum, values: [draft, final]}\n      tags: {type: tags}\n"))
        notes.append(("e/new.md", "---\ntags: [tides]\nstatus: \n---\nCiting [^\n\nLink [[\n\nLink [[a#\n"))
        let client = try Client(root: try temporaryVault(notes))
        try client.open("e/new.md")
        func items(at needle: String, delta: Int) throws -> [JSON] {
            try client.request("textDocument/completion", ["textDocument": .object(["uri": .string(client.uri("e/new.md"))]),
                                                          "position": client.position("e/new.md", of: needle, delta: delta)])["items"]?.array ?? []
        }
        let citations = try items(at: "[^\n", delta: 2)
        let a1 = try #require(citations.first { $0["label"] == .string("a1b2c3") })
        #expect(a1["detail"] == .string("Tide Records"))
        #expect(a1["documentation"]?.string?.contains("cited 2 times in 1 note") == true)
        #expect(a1["textEdit"]?["newText"] == .string("a1b2c3]"))
        #expect(a1["additionalTextEdits"]?.array?.first?["newText"]?.string?.hasSuffix("[^a1b2c3]: 2024-01-02. [Tide Records](https://example.com/a). Published: 2023-05-01.\n") == true)
        let links = try items(at: "Link [[\n", delta: 7).compactMap { $0["textEdit"]?["newText"]?.string }
        #expect(links.contains("a") && links.contains("a|Tide Mills") && links.contains("c"))
        let headings = try items(at: "[[a#", delta: 4).compactMap { $0["label"]?.string }
        #expect(headings == ["Mills", "Tide History"])
        let values = try items(at: "status: ", delta: 8).compactMap { $0["label"]?.string }
        #expect(values == ["draft", "final"])
        let tags = try items(at: "tides]", delta: 2).compactMap { $0["label"]?.string }
        #expect(tags.contains("tides"))
    }

    @Test func hoverDefinitionReferencesSymbolsRename() throws {
        let client = try Client(root: try temporaryVault(Self.notes))
        try client.open("a.md")
        try client.open("b.md")
        func at(_ path: String, _ needle: String, _ delta: Int = 1) -> [String: JSON?] {
            ["textDocument": .object(["uri": .string(client.uri(path))]), "position": client.position(path, of: needle, delta: delta)]
        }
        let hover = try client.request("textDocument/hover", at("a.md", "[^a1b2c3] 😀"))["contents"]?["value"]?.string ?? ""
        #expect(hover.contains("**Tide Records**") && hover.contains("<https://example.com/a>") && hover.contains("published 2023-05-01"))
        #expect(hover.contains("a.md (2×)"))
        let linkHover = try client.request("textDocument/hover", at("b.md", "[[a#Tide", 3))["contents"]?["value"]?.string ?? ""
        #expect(linkHover.contains("**Mills** (a.md)") && linkHover.contains("Text."))
        let definition = try client.request("textDocument/definition", at("a.md", "[^a1b2c3] 😀")).array ?? []
        #expect(definition.first?["range"]?["start"] == client.position("a.md", of: "[^a1b2c3]: "))
        let heading = try client.request("textDocument/definition", at("b.md", "[[a#Tide", 3))
        #expect(heading["uri"] == .string(client.uri("a.md")) && heading["range"]?["start"] == client.position("a.md", of: "## Tide History"))
        let references = try client.request("textDocument/references", at("a.md", "[^a1b2c3]: ").merging(["context": .object(["includeDeclaration": .bool(false)])]) { $1 })
        #expect(references.array?.count == 2)
        let backlinks = try client.request("textDocument/references", at("a.md", "Text.", 0).merging(["context": .object([:])]) { $1 })
        #expect(backlinks.array?.count == 2 && backlinks.array?.allSatisfy { $0["uri"] == .string(client.uri("b.md")) } == true)
        let symbols = try client.request("textDocument/documentSymbol", ["textDocument": .object(["uri": .string(client.uri("a.md"))])]).array ?? []
        #expect(symbols.map { $0["name"] } == [.string("Mills")])
        #expect(symbols.first?["children"]?.array?.map { $0["name"] } == [.string("Tide History")])
        #expect(symbols.first?["children"]?.array?.first?["children"]?.array?.first?["name"] == .string("[^a1b2c3]"))
        // Rename a citation id: both references and the definition.
        let renamed = try client.request("textDocument/rename", at("a.md", "[^a1b2c3] 😀", 3).merging(["newName": .string("tide01")]) { $1 })
        #expect(try client.applied(renamed, to: "a.md").components(separatedBy: "tide01").count == 4)
        // Rename a heading: the heading and the wikilink to it in b.md.
        let headingEdit = try client.request("textDocument/rename", at("a.md", "Tide History", 0).merging(["newName": .string("Tide Past")]) { $1 })
        #expect(try client.applied(headingEdit, to: "a.md").contains("## Tide Past\n"))
        #expect(try client.applied(headingEdit, to: "b.md").contains("[[a#Tide Past]]"))
        // Renaming the file a.md: the links written to it follow, the alias link stays.
        let moved = try client.request("workspace/willRenameFiles", ["files": .array([.object([
            "oldUri": .string(client.uri("a.md")), "newUri": .string(client.uri("mills/tides.md"))])])])
        #expect(try client.applied(moved, to: "b.md").contains("See [[Tide Mills]] and [[tides#Tide History]]."))
    }
}

/// A save of `.notekit.yml` reloads the vault; a bad one is shown and reports nothing until fixed.
@Suite struct ConfigurationReloadTests {
    @Test func savingTheConfigurationReloadsTheVault() throws {
        let root = try temporaryVault(EditorSessionTests.notes)
        let client = try Client(root: root)
        try client.open("b.md")
        #expect(EditorSessionTests.codes(client.diagnostics("b.md")).contains("citation/missing-colon"))
        let configuration = client.uri(".notekit.yml")
        try Data("rules:\n  citation/missing-colon: off\n".utf8).write(to: URL(fileURLWithPath: root + "/.notekit.yml"))
        client.notify("textDocument/didSave", ["textDocument": .object(["uri": .string(configuration)])])
        #expect(!EditorSessionTests.codes(client.diagnostics("b.md")).contains("citation/missing-colon"))
        // A configuration that does not load: shown to the user, no diagnostics, no crash.
        let start = client.received.count
        try Data("rules: [\n".utf8).write(to: URL(fileURLWithPath: root + "/.notekit.yml"))
        client.notify("workspace/didChangeWatchedFiles", ["changes": .array([.object(["uri": .string(configuration), "type": .int(2)])])])
        #expect(client.notifications("window/showMessage", since: start).count == 1)
        #expect(client.diagnostics("b.md").isEmpty)
        // Fixed again: the findings are back.
        try Data("rules:\n  citation/unused: off\n".utf8).write(to: URL(fileURLWithPath: root + "/.notekit.yml"))
        client.notify("textDocument/didSave", ["textDocument": .object(["uri": .string(configuration)])])
        #expect(EditorSessionTests.codes(client.diagnostics("b.md")).contains("citation/missing-colon"))
    }
}

/// The server's lookups follow edits note by note: a definition added, moved and removed.
@Suite struct VaultLookupTests {
    @Test func sourcesFollowEdits() throws {
        let client = try Client(root: try temporaryVault(EditorSessionTests.notes))
        try client.open("a.md")
        try client.open("b.md")
        func citingNotes() throws -> Set<String> {
            let references = try client.request("textDocument/references", [
                "textDocument": .object(["uri": .string(client.uri("a.md"))]),
                "position": client.position("a.md", of: "https://example.com/a"), "context": .object([:])])
            return Set((references.array ?? []).compactMap { $0["uri"]?.string })
        }
        #expect(try citingNotes() == [client.uri("a.md")])
        let end = client.texts["b.md"]!.utf8.count
        try client.change("b.md", replacing: end..<end, with: "\nMore.[^zz9zz9]\n\n[^zz9zz9]: [Again](https://example.com/a)\n")
        #expect(try citingNotes() == [client.uri("a.md"), client.uri("b.md")])
        // Moved down by an edit above it: its location follows.
        try client.change("b.md", replacing: 0..<0, with: "Intro.\n\n")
        let references = try client.request("textDocument/references", [
            "textDocument": .object(["uri": .string(client.uri("a.md"))]),
            "position": client.position("a.md", of: "https://example.com/a"), "context": .object([:])])
        #expect(references.array?.first { $0["uri"] == .string(client.uri("b.md")) }?["range"]?["start"] == client.position("b.md", of: "[^zz9zz9]: "))
        let start = client.offset("b.md", of: "\nMore.")
        try client.change("b.md", replacing: start..<client.texts["b.md"]!.utf8.count, with: "\n")
        #expect(try citingNotes() == [client.uri("a.md")])
    }
}

/// Renaming a citation id reaches its registry note and refuses an id already in use.
@Suite struct CitationRenameTests {
    @Test func theRegistryNoteFollowsAndTakenIdsAreRefused() throws {
        var notes = EditorSessionTests.notes
        notes.append(("Citations/a1b2c3.md", "---\nhexId: a1b2c3\ntitle: Tide Records\n---\n# Tide Records\n"))
        let client = try Client(root: try temporaryVault(notes))
        try client.open("a.md")
        let at: [String: JSON?] = ["textDocument": .object(["uri": .string(client.uri("a.md"))]),
                                   "position": client.position("a.md", of: "[^a1b2c3] 😀", delta: 3)]
        let edit = try client.request("textDocument/rename", at.merging(["newName": .string("tide01")]) { $1 })
        #expect(try client.applied(edit, to: "Citations/a1b2c3.md").hasPrefix("---\nhexId: tide01\n"))
        #expect(edit["changes"]?[client.uri("b.md")] == nil)
        #expect(throws: ResponseError.self) {
            try client.request("textDocument/rename", at.merging(["newName": .string("Q1W2E3")]) { $1 })
        }
        #expect(throws: ResponseError.self) {
            try client.request("textDocument/rename", at.merging(["newName": .string("has space")]) { $1 })
        }
    }

    /// A client that takes resource operations gets the registry note `<id>.md` renamed after
    /// its text edits; a registry note already at the new name refuses the rename.
    @Test func theRegistryNoteFileIsRenamedWithItsId() throws {
        var notes = EditorSessionTests.notes
        notes.append(("Citations/a1b2c3.md", "---\nhexId: a1b2c3\ntitle: Tide Records\n---\n# Tide Records\n"))
        let root = try temporaryVault(notes)
        let client = try Client(root: root, renamesFiles: true)
        try client.open("a.md")
        let at: [String: JSON?] = ["textDocument": .object(["uri": .string(client.uri("a.md"))]),
                                   "position": client.position("a.md", of: "[^a1b2c3] 😀", delta: 3)]
        let edit = try client.request("textDocument/rename", at.merging(["newName": .string("tide01")]) { $1 })
        #expect(edit["changes"] == nil)
        let changes = edit["documentChanges"]?.array ?? []
        let registryEdit = changes.first { $0["textDocument"]?["uri"] == .string(client.uri("Citations/a1b2c3.md")) }
        #expect(registryEdit?["edits"]?.array?.first?["newText"] == .string("tide01"))
        #expect(changes.last == .object(["kind": .string("rename"), "oldUri": .string(client.uri("Citations/a1b2c3.md")),
                                         "newUri": .string(client.uri("Citations/tide01.md"))]))
        #expect(changes.firstIndex { $0["kind"] != nil } == changes.count - 1)

        try "---\nhexId: other1\n---\n".write(toFile: root + "/Citations/tide02.md", atomically: true, encoding: .utf8)
        #expect(throws: ResponseError.self) {
            try client.request("textDocument/rename", at.merging(["newName": .string("tide02")]) { $1 })
        }
    }
}

/// The vault loads when first needed: a note opened first gets its note rules' findings at once,
/// then every finding once the vault is loaded.
@Suite struct FirstDiagnosticsTests {
    @Test func noteRulesFirstThenTheVaultRules() throws {
        var notes = EditorSessionTests.notes
        notes.append(("d.md", "# D\n\nSee [[Nowhere At All]].[^x1y2z3]\n\n[^x1y2z3] [X](https://example.com/x)\n"))
        let client = try Client(root: try temporaryVault(notes))
        try client.open("d.md")
        let published = client.notifications("textDocument/publishDiagnostics").compactMap { $0["params"]?["diagnostics"]?.array }
        #expect(published.count == 2)
        #expect(EditorSessionTests.codes(published.first ?? []) == ["citation/missing-colon"])
        #expect(Set(EditorSessionTests.codes(published.last ?? [])) == ["citation/missing-colon", "link/unresolved-wikilink"])
    }
}

/// `workspace/didRenameFiles`: the workspace follows a moved note, and open notes linking to it are published again.
@Suite struct FileRenameTests {
    @Test func aMovedNoteBreaksTheLinksToItsOldName() throws {
        let root = try temporaryVault(EditorSessionTests.notes)
        let client = try Client(root: root)
        try client.open("b.md")
        #expect(!EditorSessionTests.codes(client.diagnostics("b.md")).contains("link/unresolved-wikilink"))
        try FileManager.default.createDirectory(atPath: root + "/gone", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: root + "/a.md", toPath: root + "/gone/x.md")
        client.notify("workspace/didRenameFiles", ["files": .array([.object(["oldUri": .string(client.uri("a.md")), "newUri": .string(client.uri("gone/x.md"))])])])
        #expect(EditorSessionTests.codes(client.diagnostics("b.md")).contains("link/unresolved-wikilink"))
        let vault = try client.request("workspace/diagnostic", ["previousResultIds": .array([])])
        #expect(vault["items"]?.array?.contains { $0["uri"] == .string(client.uri("a.md")) } == false)
    }
}
