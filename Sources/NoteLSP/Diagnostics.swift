import NoteLint
import NoteLintReporters
import NoteParser

/// Findings as LSP diagnostics: pushed for open documents, pulled for a document or the vault.
extension LanguageServer {
    /// Publishes the diagnostics of the open documents among the vault paths `paths`.
    func publish(paths: [String]) {
        publish(uris: openURIs(of: paths))
    }

    /// The URIs of the open documents at the vault paths `paths`.
    func openURIs(of paths: [String]) -> [String] {
        let wanted = Set(paths)
        return documents.values.filter { $0.path.map(wanted.contains) == true }.map(\.uri).sorted()
    }

    /// Publishes the diagnostics of the open documents `uris`.
    func publish(uris: [String]) {
        for uri in uris {
            guard let document = documents[uri] else { continue }
            let diagnostics = (try? JSON(diagnostics(of: document))) ?? .array([])
            send(Message.outgoing(method: "textDocument/publishDiagnostics", params: .object([
                "uri": .string(uri), "version": .int(document.version), "diagnostics": diagnostics,
            ])))
        }
    }

    /// The findings of the note an open document holds (none outside the vault).
    func findings(of document: OpenDocument) -> [Finding] {
        guard let vault, let path = document.path else { return [] }
        return vault.workspace.findings(for: path)
    }

    func diagnostics(of document: OpenDocument) -> [Diagnostic] {
        let converter = PositionConverter(document.text, encoding: encoding)
        return findings(of: document).map { diagnostic($0, converter: converter, path: document.path ?? "") }
    }

    /// A finding as a diagnostic: the rule id is its code, with a link to the rule's documentation
    /// when `NOTEKIT_DOCS_URL` says where it is published.
    func diagnostic(_ finding: Finding, converter: PositionConverter, path: String) -> Diagnostic {
        Diagnostic(range: converter.range(of: finding.range.bytes), severity: finding.severity == .error ? 1 : 2,
                   code: finding.ruleID,
                   codeDescription: documentationURL.map { CodeDescription(href: $0 + "#" + RuleDocumentation.anchor(for: finding.ruleID)) },
                   source: "notekit", message: finding.message, relatedInformation: related(finding, path: path))
    }

    /// `textDocument/diagnostic`: one document's diagnostics (open or not).
    func documentDiagnostic(_ params: JSON) throws -> JSON {
        let uri = try decode(params, as: DocumentParams.self).textDocument.uri
        return .object(["kind": .string("full"), "items": try JSON(diagnostics(ofURI: uri))])
    }

    /// `workspace/diagnostic`: every note of the vault with findings.
    func workspaceDiagnostic(_ params: JSON) throws -> JSON {
        guard let vault else { return .object(["items": .array([])]) }
        var items: [JSON] = []
        for context in vault.contexts {
            let uri = documents.values.first { $0.path == context.vaultPath }?.uri ?? DocumentURI.uri(of: vault.fullPath(context.vaultPath))
            let diagnostics = diagnostics(ofURI: uri)
            guard !diagnostics.isEmpty else { continue }
            items.append(.object(["kind": .string("full"), "uri": .string(uri), "version": documents[uri].map { .int($0.version) } ?? .null,
                                  "items": try JSON(diagnostics)]))
        }
        return .object(["items": .array(items)])
    }

    /// The diagnostics of the note at `uri`: the open document's, else the note's in the vault.
    private func diagnostics(ofURI uri: String) -> [Diagnostic] {
        if let document = documents[uri] { return diagnostics(of: document) }
        guard let vault, let path = DocumentURI.path(of: uri).flatMap(vault.vaultPath(of:)),
              let context = vault.notes[path] else { return [] }
        let converter = PositionConverter(context.note.source, encoding: encoding)
        return vault.workspace.findings(for: path).map { diagnostic($0, converter: converter, path: path) }
    }
}
