import Foundation
import NoteCitations
import NoteLint
import NoteParser

/// `textDocument/completion`: citation ids after `[^`, notes, aliases and headings inside `[[`,
/// and in front matter the keys of the note's collection schema and their allowed values.
extension LanguageServer {
    func completion(_ params: JSON) throws -> JSON {
        guard let cursor = try cursor(params) else { return .array([]) }
        let text = cursor.document.text
        let line = text.position(at: cursor.offset).line
        let lineStart = text.lineStarts[line - 1]
        let before = Array(text.bytes[lineStart..<cursor.offset])
        let items: [JSON]
        if let frontMatter = cursor.note.frontMatter, frontMatter.contentRange.start.offset <= cursor.offset,
           cursor.offset <= frontMatter.contentRange.end.offset {
            items = frontMatterItems(cursor, line: line, before: String(decoding: before, as: UTF8.self))
        } else if let open = Self.opening(Array("[[".utf8), in: before, closedBy: Array("]]".utf8)) {
            items = linkItems(cursor, typed: String(decoding: before[(open + 2)...], as: UTF8.self), from: lineStart + open + 2)
        } else if let open = Self.opening(Array("[^".utf8), in: before, closedBy: Array("]".utf8)) {
            items = citationItems(cursor, from: lineStart + open + 2)
        } else {
            items = []
        }
        return .object(["isIncomplete": .bool(items.count > Self.maxItems), "items": .array(Array(items.prefix(Self.maxItems)))])
    }

    /// The most items one answer lists (the list is then incomplete: the client asks again as the user types).
    static let maxItems = 200

    /// True when `typed` (what the user typed so far) is empty or in `text`, ignoring case.
    static func matches(_ typed: String, _ text: String) -> Bool {
        typed.isEmpty || text.range(of: typed, options: .caseInsensitive) != nil
    }

    /// The offset in `bytes` of the last `marker` not closed by `close` after it.
    static func opening(_ marker: [UInt8], in bytes: [UInt8], closedBy close: [UInt8]) -> Int? {
        guard bytes.count >= marker.count else { return nil }
        for start in stride(from: bytes.count - marker.count, through: 0, by: -1) where bytes[start..<start + marker.count].elementsEqual(marker) {
            let rest = bytes[(start + marker.count)...]
            let closed = rest.count >= close.count && (0...(rest.count - close.count)).contains { rest.dropFirst($0).starts(with: close) }
            return closed ? nil : start
        }
        return nil
    }

    /// The vault's citation ids (one per id, the first definition's text), each with its title,
    /// URL and how often it is cited; choosing one adds its definition at the end of a note
    /// that has none.
    private func citationItems(_ cursor: Cursor, from start: Int) -> [JSON] {
        guard let vault else { return [] }
        let replace = (try? JSON(cursor.converter.range(of: start..<cursor.offset))) ?? .null
        let typed = cursor.document.text.string(start..<cursor.offset)
        let closed = cursor.offset < cursor.document.text.bytes.count && cursor.document.text.bytes[cursor.offset] == UInt8(ascii: "]")
        let defined = Set(cursor.note.footnoteDefinitions.map { IndexedDefinition.key($0.label) })
        var seen = Set<String>()
        var items: [JSON] = []
        for url in vault.ranking where items.count <= Self.maxItems {
            guard let source = vault.sources[url] else { continue }
            for (_, definition) in source.definitions where !IndexedDefinition.isNoteLocal(definition.id) && seen.insert(definition.key).inserted {
                let count = source.referenceCount, notes = Set(source.definitions.map(\.path)).count
                let title = definition.definition.fields.title ?? source.url
                guard Self.matches(typed, definition.id) || Self.matches(typed, title) else { continue }
                var item: [String: JSON] = [
                    "label": .string(definition.id), "kind": .int(18), "detail": .string(title),
                    "documentation": documentation(clientCompletionMarkdown ? "**\(title)**\n\n<\(source.url)>" : "\(title)\n\(source.url)",
                                                   "cited \(count) time\(count == 1 ? "" : "s") in \(notes) note\(notes == 1 ? "" : "s")"),
                    "filterText": .string(definition.id + " " + title),
                    "sortText": .string(String(format: "%08d", max(0, 99_999_999 - count)) + definition.key),
                    "textEdit": .object(["range": replace, "newText": .string(definition.id + (closed ? "" : "]"))]),
                ]
                if !defined.contains(definition.key) {
                    let bytes = cursor.document.text.bytes
                    let end = cursor.converter.range(of: bytes.count..<bytes.count)
                    let newline = bytes.last == UInt8(ascii: "\n") ? "" : "\n"
                    let addition = newline + "\n[^\(definition.id)]: \(definition.definition.text)\n"
                    item["additionalTextEdits"] = .array([.object(["range": (try? JSON(end)) ?? .null, "newText": .string(addition)])])
                }
                items.append(.object(item))
            }
        }
        return items
    }

    /// Completion documentation: Markdown when the client shows it, else plain text.
    private func documentation(_ lines: String...) -> JSON {
        let text = lines.joined(separator: "\n\n")
        return clientCompletionMarkdown ? .object(["kind": .string("markdown"), "value": .string(text)]) : .string(text)
    }

    /// Inside `[[`: notes and aliases, or after `#` the headings of the target note.
    private func linkItems(_ cursor: Cursor, typed: String, from start: Int) -> [JSON] {
        guard let vault, !typed.contains("|") else { return [] }
        if let hash = typed.firstIndex(of: "#") {
            let target = String(typed[..<hash])
            guard let note = self.target(target, from: cursor.path)?.note else { return [] }
            let from = start + target.utf8.count + 1
            let replace = (try? JSON(cursor.converter.range(of: from..<cursor.offset))) ?? .null
            return note.headings.map { heading in
                .object(["label": .string(heading.text), "kind": .int(22), "detail": .string(String(repeating: "#", count: heading.level)),
                         "textEdit": .object(["range": replace, "newText": .string(heading.text)])])
            }
        }
        let replace = (try? JSON(cursor.converter.range(of: start..<cursor.offset))) ?? .null
        let notes = vault.contexts
        let names = Dictionary(grouping: notes) { Self.name(of: $0.vaultPath).lowercased() }
        var items: [JSON] = []
        for context in notes where items.count <= Self.maxItems {
            let name = Self.name(of: context.vaultPath)
            let aliases = WikilinkResolver.aliases(of: context.note)
            guard Self.matches(typed, context.vaultPath) || aliases.contains(where: { Self.matches(typed, $0) }) else { continue }
            let link = names[name.lowercased()]?.count == 1 ? name : String(context.vaultPath.dropLast(3))
            let title = context.note.frontMatter?.value("title")?.scalarText ?? name
            items.append(.object(["label": .string(link), "kind": .int(17), "detail": .string(title),
                                  "textEdit": .object(["range": replace, "newText": .string(link)])]))
            for alias in aliases {
                items.append(.object(["label": .string(alias), "kind": .int(17), "detail": .string("alias of \(link)"),
                                      "filterText": .string(alias),
                                      "textEdit": .object(["range": replace, "newText": .string(link + "|" + alias)])]))
            }
        }
        return items
    }

    /// A note's name: its file name without `.md`.
    static func name(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    /// Front matter: at the start of a line, the keys of the note's collection schema it lacks;
    /// after `key:` (or in a `- ` item under it) the key's allowed values, and for `tags` the
    /// tags used in the vault.
    private func frontMatterItems(_ cursor: Cursor, line: Int, before: String) -> [JSON] {
        let schema = cursor.context.collection
        let trimmed = before.drop { $0 == " " }
        if !before.contains(":"), !trimmed.hasPrefix("-") {
            guard let schema, before.first != " " else { return [] }
            let present = Set(cursor.note.frontMatter?.entries.map(\.key) ?? [])
            let keys = Set(schema.keys.keys).union(schema.required).subtracting(present).sorted()
            return keys.map { key in
                .object(["label": .string(key), "kind": .int(10), "detail": .string(schema.keys[key].map { $0.type.rawValue } ?? "required"),
                         "insertText": .string(key + ": ")])
            }
        }
        let key: String
        if let colon = before.firstIndex(of: ":"), before.first != " " {
            key = String(before[..<colon])
        } else {
            guard let entry = cursor.note.frontMatter?.entries.last(where: { $0.keyRange.start.line < line }) else { return [] }
            key = entry.key
        }
        var values = schema?.keys[key]?.values ?? []
        if key == "tags" || schema?.keys[key]?.type == .tags { values += vaultTags() }
        return Array(Set(values)).sorted().map { .object(["label": .string($0), "kind": .int(12)]) }
    }

    /// Every tag the vault's notes list in their front matter.
    private func vaultTags() -> [String] {
        var tags = Set<String>()
        for context in vault?.contexts ?? [] {
            switch context.note.frontMatter?.value("tags") {
            case .list(let items): items.compactMap(\.scalarText).forEach { tags.insert($0) }
            case let value?: value.scalarText.map { _ = tags.insert($0) }
            case nil: break
            }
        }
        return tags.sorted()
    }
}
