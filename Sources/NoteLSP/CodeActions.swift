import NoteFix
import NoteLint
import NoteParser

/// `textDocument/codeAction`: each fix of the findings in range as a quick fix (unsafe ones
/// titled so), "disable RULE on this line", and every safe fix of the note at once
/// (`source.fixAll.notekit`, computed by `NoteFixer` as `notekit fix` computes it).
extension LanguageServer {
    static let fixAllKind = "source.fixAll.notekit"
    static let fixAllTitle = "Fix all safe fixes in this note"

    func codeActions(_ params: JSON) throws -> JSON {
        let uri = try decode(params["textDocument"] ?? .null, as: TextDocumentIdentifier.self).uri
        let range = try decode(params["range"] ?? .null, as: LSPRange.self)
        guard let document = documents[uri] else { return .array([]) }
        let only = params["context"]?["only"]?.array?.compactMap(\.string)
        let wanted = { (kind: String) in only.map { $0.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true }
        let converter = PositionConverter(document.text, encoding: encoding)
        let bytes = converter.bytes(of: range)
        var actions: [JSON] = []
        let findings = findings(of: document)
        if wanted("quickfix") {
            for finding in findings where finding.range.start.offset <= bytes.upperBound && finding.range.end.offset >= bytes.lowerBound {
                let diagnostic = try JSON([self.diagnostic(finding, converter: converter, path: document.path ?? "")])
                if let fix = finding.fix {
                    let edits = EditApplier.inApplicationOrder(fix.edits) { $0 }.map { textEdit($0, converter) }
                    if !edits.isEmpty {
                        actions.append(.object([
                            "title": .string(fix.summary + (fix.applicability == .unsafe ? " (unsafe)" : "")),
                            "kind": .string("quickfix"), "diagnostics": diagnostic,
                            "isPreferred": .bool(fix.applicability == .safe),
                            "edit": try JSON(WorkspaceEdit(changes: [uri: edits])),
                        ]))
                    }
                }
                if let edit = disableEdit(finding, in: document.text) {
                    actions.append(.object([
                        "title": .string("Disable \(finding.ruleID) on this line"), "kind": .string("quickfix"), "diagnostics": diagnostic,
                        "edit": try JSON(WorkspaceEdit(changes: [uri: [textEdit(edit, converter)]])),
                    ]))
                }
            }
        }
        if wanted(Self.fixAllKind), findings.contains(where: \.isFixable) {
            var action: [String: JSON] = ["title": .string(Self.fixAllTitle), "kind": .string(Self.fixAllKind),
                                          "data": .object(["uri": .string(uri), "version": .int(document.version)])]
            if !clientSupportsResolve {
                guard let edit = fixAllEdit(document) else { return .array(actions) }
                action["edit"] = try JSON(edit)
            }
            actions.append(.object(action))
        }
        return .array(actions)
    }

    /// `codeAction/resolve`: the edit of "fix all safe fixes", computed when chosen.
    func resolveCodeAction(_ params: JSON) throws -> JSON {
        guard case .object(var action) = params, let uri = params["data"]?["uri"]?.string else { return params }
        guard let document = documents[uri], params["data"]?["version"]?.int == document.version else {
            throw ResponseError(code: -32801, message: "the document changed since the code action was offered")
        }
        action["edit"] = try JSON(fixAllEdit(document) ?? WorkspaceEdit(changes: [:]))
        return .object(action)
    }

    /// Every safe fix of the document's note, applied by `NoteFixer` (passes to a fixed point,
    /// overlapping fixes as `notekit fix` handles them), as one edit of the changed bytes; the
    /// vault's other notes (open ones as the editor has them) are the context.
    func fixAllEdit(_ document: OpenDocument) -> WorkspaceEdit? {
        guard let vault, let path = document.path else { return nil }
        let others = vault.contexts.filter { $0.vaultPath != path }.map {
            Linter.Input(path: vault.fullPath($0.vaultPath), bytes: $0.note.source.bytes)
        }
        let loader = vault.loader
        guard let result = try? NoteFixer().fix([Linter.Input(path: vault.fullPath(path), bytes: document.text.bytes)], context: others,
                                     vaultFiles: NoteFiles.vaultFiles(under: vault.root), configuration: { try loader.configuration(for: $0) }),
              let rewrite = result.rewrites.first, rewrite.isChanged else { return nil }
        let edit = Self.difference(from: rewrite.original, to: rewrite.result)
        return WorkspaceEdit(changes: [document.uri: [textEdit(edit, PositionConverter(document.text, encoding: encoding))]])
    }

    /// One edit turning `old` into `new`: the bytes between their common prefix and suffix, cut
    /// at character boundaries.
    static func difference(from old: [UInt8], to new: [UInt8]) -> Edit {
        let isContinuation = { (byte: UInt8) in byte & 0xC0 == 0x80 }
        var prefix = 0
        while prefix < min(old.count, new.count), old[prefix] == new[prefix] { prefix += 1 }
        while prefix > 0, prefix < old.count && isContinuation(old[prefix]) || prefix < new.count && isContinuation(new[prefix]) { prefix -= 1 }
        var suffix = 0
        while suffix < min(old.count, new.count) - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        while suffix > 0, isContinuation(old[old.count - suffix]) { suffix -= 1 }
        return Edit(range: prefix..<old.count - suffix, replacement: String(decoding: new[prefix..<new.count - suffix], as: UTF8.self))
    }

    func textEdit(_ edit: Edit, _ converter: PositionConverter) -> TextEdit {
        TextEdit(range: converter.range(of: edit.range), newText: edit.replacement)
    }
}
