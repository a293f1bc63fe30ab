import Foundation
import NoteLint
import NoteLintReporters
import NoteParser

/// `initialize`, `initialized`, `shutdown`, and (re)loading the vault.
extension LanguageServer {
    func initialize(_ params: JSON) throws -> JSON {
        encoding = PositionEncoding.negotiate(params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string))
        let textDocument = params["capabilities"]?["textDocument"]
        clientSupportsResolve = textDocument?["codeAction"]?["resolveSupport"]?["properties"]?.array?.contains(.string("edit")) == true
        clientCompletionMarkdown = textDocument?["completion"]?["completionItem"]?["documentationFormat"]?.array?.contains(.string("markdown")) == true
        clientRegistersWatchers = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true
        let workspaceEdit = params["capabilities"]?["workspace"]?["workspaceEdit"]
        clientRenamesFiles = workspaceEdit?["documentChanges"]?.bool == true
            && workspaceEdit?["resourceOperations"]?.array?.contains(.string("rename")) == true
        let folderURI = params["workspaceFolders"]?.array?.first?["uri"]?.string ?? params["rootUri"]?.string
        if let path = folderURI.flatMap(DocumentURI.path(of:)) ?? params["rootPath"]?.string {
            folder = VaultPath.absolute(path)
        }
        state = .running
        // Loaded when first needed, so that a note opened first gets its note rules' findings at once.
        vaultPending = true
        let capabilities: JSON = .object([
            "positionEncoding": .string(encoding.rawValue),
            "textDocumentSync": .object(["openClose": .bool(true), "change": .int(2), "save": .object(["includeText": .bool(false)])]),
            "codeActionProvider": .object([
                "codeActionKinds": .array([.string("quickfix"), .string("source.fixAll"), .string("source.fixAll.notekit")]),
                "resolveProvider": .bool(true),
            ]),
            "completionProvider": .object(["triggerCharacters": .array(["^", "[", "#", ":"].map(JSON.string))]),
            "hoverProvider": .bool(true),
            "definitionProvider": .bool(true),
            "referencesProvider": .bool(true),
            "documentSymbolProvider": .bool(true),
            "renameProvider": .object(["prepareProvider": .bool(true)]),
            "diagnosticProvider": .object(["interFileDependencies": .bool(true), "workspaceDiagnostics": .bool(true)]),
            "workspace": .object(["fileOperations": .object([
                "willRename": .object(["filters": .array([.object(["pattern": .object(["glob": .string("**/*.md")])])])]),
                "didRename": .object(["filters": .array([.object(["pattern": .object(["glob": .string("**/*.md")])])])]),
            ])]),
        ])
        return .object(["capabilities": capabilities,
                        "serverInfo": .object(["name": .string("notekit"), "version": .string(NotekitTool.version)])])
    }

    func initialized(_ params: JSON) throws {
        guard clientRegistersWatchers else { return }
        let watchers: JSON = .array(["**/*.md", "**/" + ConfigurationLoader.fileName].map { .object(["globPattern": .string($0)]) })
        request("client/registerCapability", .object(["registrations": .array([.object([
            "id": .string("notekit-files"), "method": .string("workspace/didChangeWatchedFiles"),
            "registerOptions": .object(["watchers": watchers]),
        ])])]))
    }

    func shutdown(_ params: JSON) throws -> JSON {
        state = .shuttingDown
        return .null
    }

    /// Loads the vault if `initialize` left it for later.
    func ensureVault() {
        guard vaultPending else { return }
        vaultPending = false
        loadVault()
    }

    /// Before the vault is loaded: publishes the findings of the note rules of an opened note
    /// (parsed alone with its configuration); the vault rules' follow once the vault is loaded.
    func publishNoteRules(of document: OpenDocument) {
        guard let file = DocumentURI.path(of: document.uri), let loader = try? ConfigurationLoader(defaultRoot: folder),
              let configuration = try? loader.configuration(for: file) else { return }
        let vaultPath = VaultPath.relative(file, to: configuration.root)
        let root = configuration.root
        let input = Linter.Input(path: root == "." ? vaultPath : (root.hasSuffix("/") ? root : root + "/") + vaultPath, bytes: document.text.bytes)
        guard case .success(let context) = Linter.parse(input, configuration: configuration), !configuration.isIgnored(vaultPath) else { return }
        let linter = Linter()
        // Which suppressions are unused is known only with the vault rules' findings.
        let findings = linter.merge([context], [linter.checkNote(context)]).filter { $0.ruleID != "suppression/unused" }
        let converter = PositionConverter(document.text, encoding: encoding)
        let diagnostics = (try? JSON(findings.map { diagnostic($0, converter: converter, path: vaultPath) })) ?? .array([])
        send(Message.outgoing(method: "textDocument/publishDiagnostics", params: .object([
            "uri": .string(document.uri), "version": .int(document.version), "diagnostics": diagnostics,
        ])))
    }

    /// Loads the vault of `folder` with its configuration, the open documents' text in place of
    /// their files, and publishes every open document's diagnostics. A configuration that does
    /// not load is shown to the user; the server then has no vault until it is fixed.
    func loadVault() {
        do {
            let vault = try Vault(folder: folder)
            self.vault = vault
            for document in documents.values.sorted(by: { $0.uri < $1.uri }) {
                documents[document.uri] = OpenDocument(uri: document.uri, path: vault.vaultPath(of: DocumentURI.path(of: document.uri) ?? ""),
                                                       version: document.version, text: document.text)
                if let path = documents[document.uri]?.path { _ = try vault.update(path, bytes: document.text.bytes) }
            }
        } catch {
            vault = nil
            let message = "notekit: the vault was not loaded: \(error)"
            send(Message.outgoing(method: "window/showMessage", params: .object(["type": .int(1), "message": .string(message)])))
        }
        publish(uris: Array(documents.keys))
    }
}
