import Foundation
import NoteLint
import NoteParser

/// Document sync: the editor's text of an open note is what the workspace lints; closing it
/// reverts to the file on disk. Files changed outside the editor come as watched-file events.
extension LanguageServer {
    func didOpen(_ params: JSON) throws {
        let item = try decode(params, as: DidOpenParams.self).textDocument
        let path = DocumentURI.path(of: item.uri).flatMap { vault?.vaultPath(of: $0) }
        let document = OpenDocument(uri: item.uri, path: path, version: item.version, text: SourceText(item.text))
        documents[item.uri] = document
        if vaultPending {
            publishNoteRules(of: document)
            ensureVault()  // feeds the open documents to the workspace and publishes them again
        } else {
            update(document)
        }
    }

    func didChange(_ params: JSON) throws {
        let change = try decode(params, as: DidChangeParams.self)
        guard var document = documents[change.textDocument.uri] else { return }
        document.text = document.applying(change.contentChanges, encoding: encoding)
        document.version = change.textDocument.version ?? document.version
        documents[document.uri] = document
        update(document)
    }

    func didSave(_ params: JSON) throws {
        let uri = try decode(params, as: DocumentParams.self).textDocument.uri
        if isConfiguration(uri) {
            loadVault()
        } else {
            publish(uris: [uri])
        }
    }

    func didClose(_ params: JSON) throws {
        let uri = try decode(params, as: DocumentParams.self).textDocument.uri
        guard let document = documents.removeValue(forKey: uri) else { return }
        send(Message.outgoing(method: "textDocument/publishDiagnostics",
                              params: .object(["uri": .string(uri), "diagnostics": .array([])])))
        guard let vault, let path = document.path else { return }
        reloadFromDisk(path, in: vault)
    }

    /// `workspace/didChangeWatchedFiles`: `.notekit.yml` reloads the vault; a note not open is read
    /// again (created, changed) or removed (deleted).
    func didChangeWatchedFiles(_ params: JSON) throws {
        let changes = params["changes"]?.array ?? []
        if changes.contains(where: { $0["uri"]?.string.map(isConfiguration) == true }) {
            loadVault()
            return
        }
        guard let vault else { return }
        for change in changes {
            guard let uri = change["uri"]?.string, let full = DocumentURI.path(of: uri), let path = vault.vaultPath(of: full),
                  !documents.values.contains(where: { $0.path.map { ExactPath.same($0, path) } == true }) else { continue }
            reloadFromDisk(path, in: vault)
        }
    }

    /// `workspace/didRenameFiles`: the workspace follows the move (open documents' URIs too).
    func didRenameFiles(_ params: JSON) throws {
        guard let vault else { return }
        var changed: [String] = []
        for file in params["files"]?.array ?? [] {
            guard let old = file["oldUri"]?.string, let new = file["newUri"]?.string,
                  let from = DocumentURI.path(of: old).flatMap(vault.vaultPath(of:)),
                  let to = DocumentURI.path(of: new).flatMap(vault.vaultPath(of:)) else { continue }
            changed += try vault.rename(from: from, to: to)
            if let document = documents.removeValue(forKey: old) {
                documents[new] = OpenDocument(uri: new, path: to, version: document.version, text: document.text)
                changed += try vault.update(to, bytes: document.text.bytes)
            }
        }
        publish(paths: changed)
    }

    /// Feeds an open document's text to the workspace and publishes the diagnostics that changed.
    private func update(_ document: OpenDocument) {
        guard let vault, let path = document.path else {
            publish(uris: [document.uri])
            return
        }
        let changed = (try? vault.update(path, bytes: document.text.bytes)) ?? []
        publish(uris: [document.uri] + openURIs(of: changed).filter { $0 != document.uri })
    }

    /// The workspace takes the file at `path` from disk again (removed when it is gone).
    private func reloadFromDisk(_ path: String, in vault: Vault) {
        let changed: [String]
        if let bytes = FileManager.default.contents(atPath: vault.fullPath(path)) {
            changed = (try? vault.update(path, bytes: Array(bytes))) ?? []
        } else {
            changed = vault.remove(path)
        }
        publish(paths: changed)
    }

    private func isConfiguration(_ uri: String) -> Bool {
        DocumentURI.path(of: uri).map { ($0 as NSString).lastPathComponent == ConfigurationLoader.fileName } == true
    }
}
