import Foundation
import NoteCitations
import NoteLint
import NoteParser

/// `textDocument/prepareRename` and `textDocument/rename`: a citation id across the vault (every
/// reference and definition, and the `hexId` of its registry note), or a heading with the
/// wikilinks to it. Numeric ids (`[^1]`) are the note's own and are renamed in it only.
extension LanguageServer {
    func prepareRename(_ params: JSON) throws -> JSON {
        guard let cursor = try cursor(params) else { return .null }
        if let (label, range) = cursor.footnoteLabel {
            return .object(["range": try JSON(cursor.converter.range(of: Cursor.labelText(range, label: label))), "placeholder": .string(label)])
        }
        if let heading = cursor.heading, let range = headingText(heading, in: cursor.note) {
            return .object(["range": try JSON(cursor.converter.range(of: range)), "placeholder": .string(heading.text)])
        }
        return .null
    }

    func rename(_ params: JSON) throws -> JSON {
        let cursor = try cursor(params)
        guard let newName = params["newName"]?.string else {
            throw ResponseError(code: ResponseError.invalidParams, message: "rename needs a newName")
        }
        guard let cursor, let vault else { return .null }
        var edits: [String: [Edit]] = [:]
        var moves: [(from: String, to: String)] = []
        if let (label, _) = cursor.footnoteLabel {
            guard !newName.isEmpty, !newName.contains(where: { $0.isWhitespace || "[]^".contains($0) }) else {
                throw ResponseError(code: ResponseError.invalidParams, message: "a citation id has no blanks, brackets or ^: '\(newName)'")
            }
            let old = IndexedDefinition.key(label), new = IndexedDefinition.key(newName)
            let local = IndexedDefinition.isNoteLocal(label)
            let notes = local ? [cursor.context] : vault.contexts
            if new != old, notes.contains(where: { $0.note.footnoteDefinitions.contains { IndexedDefinition.key($0.label) == new } }) {
                throw ResponseError(code: ResponseError.requestFailed, message: "[^\(newName)] is already an id of the vault")
            }
            for context in notes {
                let note = context.note
                var here = note.footnoteReferences.filter { IndexedDefinition.key($0.label) == old }.map { Cursor.labelText($0.range, label: $0.label) }
                here += note.footnoteDefinitions.filter { IndexedDefinition.key($0.label) == old && note.source.bytes[$0.labelRange.bytes].starts(with: "[^".utf8) }
                    .map { Cursor.labelText($0.labelRange, label: $0.label) }
                if !local, let entry = note.frontMatter?.entry("hexId"), entry.value?.scalarText.map(IndexedDefinition.key) == old,
                   note.text(entry.valueRange).trimmingCharacters(in: .whitespaces) == entry.value?.scalarText {
                    here.append(entry.valueRange.bytes)
                    // A registry note named for its id (`<id>.md`) is renamed with it.
                    let folder = (context.vaultPath as NSString).deletingLastPathComponent
                    if (context.vaultPath as NSString).lastPathComponent == (entry.value?.scalarText ?? "") + ".md" {
                        let target = folder.isEmpty ? newName + ".md" : folder + "/" + newName + ".md"
                        if FileManager.default.fileExists(atPath: vault.fullPath(target)) || vault.notes[target] != nil {
                            throw ResponseError(code: ResponseError.requestFailed, message: "the registry note \(target) already exists")
                        }
                        moves.append((context.vaultPath, target))
                    }
                }
                if !here.isEmpty { edits[context.vaultPath] = Set(here).sorted { $0.lowerBound < $1.lowerBound }.map { Edit(range: $0, replacement: newName) } }
            }
        } else if let heading = cursor.heading, let range = headingText(heading, in: cursor.note) {
            guard !newName.isEmpty, !newName.contains(where: { "\n#|[]".contains($0) }) else {
                throw ResponseError(code: ResponseError.invalidParams, message: "a heading linked to has no line break, #, | or brackets: '\(newName)'")
            }
            edits[cursor.path] = [Edit(range: range, replacement: newName)]
            for context in vault.contexts {
                for link in context.note.wikilinks where link.heading.map({ $0.caseInsensitiveCompare(heading.text) == .orderedSame }) == true
                    && vault.resolver.resolve(link.target, from: context.vaultPath).path == cursor.path {
                    if let part = linkPart(link, in: context.note).heading { edits[context.vaultPath, default: []].append(Edit(range: part, replacement: newName)) }
                }
            }
        } else {
            throw ResponseError(code: ResponseError.requestFailed, message: "rename works on a citation id or a heading")
        }
        return try JSON(workspaceEdit(edits, moves: clientRenamesFiles ? moves : []))
    }

    /// `workspace/willRenameFiles`: the wikilinks to each renamed note, written for its new place
    /// (its new name, or its new path without `.md` when the link gave a folder or the name is taken).
    func willRenameFiles(_ params: JSON) throws -> JSON {
        guard let vault else { return .null }
        var edits: [String: [Edit]] = [:]
        let names = Dictionary(grouping: vault.notes.keys) { Self.name(of: $0).lowercased() }
        for file in params["files"]?.array ?? [] {
            guard let from = file["oldUri"]?.string.flatMap(DocumentURI.path(of:)).flatMap(vault.vaultPath(of:)),
                  let to = file["newUri"]?.string.flatMap(DocumentURI.path(of:)).flatMap(vault.vaultPath(of:)),
                  vault.notes[from] != nil, to.hasSuffix(".md") else { continue }
            let newName = Self.name(of: to), oldPath = String(from.dropLast(3)).lowercased()
            let taken = (names[newName.lowercased()] ?? []).contains { $0 != from }
            for context in vault.contexts {
                for link in context.note.wikilinks where !link.target.isEmpty && vault.resolver.resolve(link.target, from: context.vaultPath).path == from {
                    // A link by alias names no file: it stays.
                    let written = link.target.lowercased().hasSuffix(".md") ? String(link.target.dropLast(3)).lowercased() : link.target.lowercased()
                    guard oldPath == written || oldPath.hasSuffix("/" + written.drop { $0 == "/" || $0 == "." }),
                          let range = linkPart(link, in: context.note).target else { continue }
                    let target = (link.target.contains("/") || taken ? String(to.dropLast(3)) : newName)
                        + (link.target.lowercased().hasSuffix(".md") ? ".md" : "")
                    edits[context.vaultPath, default: []].append(Edit(range: range, replacement: target))
                }
            }
        }
        return try JSON(workspaceEdit(edits))
    }

    /// Edits by vault path as a workspace edit (URIs of open documents as the client gave them).
    /// The edits as `changes`, or, when notes move too, as `documentChanges`: every note's text
    /// edits (at its old place), then the renames.
    private func workspaceEdit(_ edits: [String: [Edit]], moves: [(from: String, to: String)] = []) throws -> WorkspaceEdit {
        var changes: [String: [TextEdit]] = [:]
        for (path, edits) in edits {
            guard let note = vault?.notes[path]?.note else { continue }
            let converter = PositionConverter(note.source, encoding: encoding)
            changes[uri(of: path)] = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { textEdit($0, converter) }
        }
        guard !moves.isEmpty else { return WorkspaceEdit(changes: changes) }
        var documentChanges = try changes.sorted { $0.key < $1.key }.map { uri, edits in
            JSON.object(["textDocument": .object(["uri": .string(uri), "version": .null]), "edits": try JSON(edits)])
        }
        for move in moves {
            documentChanges.append(.object(["kind": .string("rename"), "oldUri": .string(uri(of: move.from)),
                                            "newUri": .string(DocumentURI.uri(of: vault?.fullPath(move.to) ?? move.to))]))
        }
        return WorkspaceEdit(documentChanges: documentChanges)
    }

    /// The bytes of a heading's text as written (ATX or setext), when they read as its plain text.
    private func headingText(_ heading: Heading, in note: Note) -> Range<Int>? {
        let bytes = note.source.bytes
        var start = heading.range.start.offset, end = note.source.lineEnd(heading.range.start.line)
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") }
        while start < end, isSpace(bytes[start]) { start += 1 }
        if start < end, bytes[start] == UInt8(ascii: "#") {
            while start < end, bytes[start] == UInt8(ascii: "#") { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            var closing = end
            while closing > start, bytes[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
            if closing < end, closing == start || isSpace(bytes[closing - 1]) { end = closing }
        }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return note.source.string(start..<end) == heading.text ? start..<end : nil
    }

    /// The bytes of a wikilink's target and of its heading as written (`[[target#heading|alias]]`).
    private func linkPart(_ link: Wikilink, in note: Note) -> (target: Range<Int>?, heading: Range<Int>?) {
        let bytes = note.source.bytes
        let open = link.range.start.offset + (link.isEmbed ? 3 : 2)
        var end = open
        while end < link.range.end.offset - 2, bytes[end] != UInt8(ascii: "|"), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        let inner = note.source.string(open..<end)
        guard let hash = inner.firstIndex(of: "#") else {
            return (inner.trimmingCharacters(in: .whitespaces) == link.target ? open..<end : nil, nil)
        }
        let hashOffset = open + inner[..<hash].utf8.count
        let target = note.source.string(open..<hashOffset) == link.target ? open..<hashOffset : nil
        let heading = note.source.string(hashOffset + 1..<end)
        return (target, link.heading.map { $0 == heading } == true ? hashOffset + 1..<end : nil)
    }
}
