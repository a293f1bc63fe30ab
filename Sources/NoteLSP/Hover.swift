import NoteCitations
import NoteLint
import NoteParser

/// `textDocument/hover`: on a citation, its source (title, URL, dates) and the notes citing it;
/// on a wikilink, the target's title and first lines.
extension LanguageServer {
    func hover(_ params: JSON) throws -> JSON {
        guard let cursor = try cursor(params) else { return .null }
        let text: String, range: SourceRange
        if let (label, labelRange) = cursor.footnoteLabel, let markdown = citationHover(label, in: cursor) {
            (text, range) = (markdown, labelRange)
        } else if let link = cursor.wikilink, let markdown = linkHover(link, from: cursor.path) {
            (text, range) = (markdown, link.range)
        } else {
            return .null
        }
        return .object(["contents": .object(["kind": .string("markdown"), "value": .string(text)]),
                        "range": try JSON(cursor.converter.range(of: range.bytes))])
    }

    /// The source a citation id cites in this note, with what the vault knows of it.
    private func citationHover(_ label: String, in cursor: Cursor) -> String? {
        guard let vault, let definition = cursor.note.footnoteDefinitions.first(where: { IndexedDefinition.key($0.label) == IndexedDefinition.key(label) })
        else { return nil }
        let fields = definition.fields
        var lines = ["**\(fields.title ?? "[^\(definition.label)]")**"]
        if let url = fields.url { lines.append("<\(url)>") }
        var dates: [String] = []
        if let date = fields.prefixDate { dates.append("cited \(date)") }
        if let date = fields.published?.date { dates.append("published \(date)") }
        if let date = fields.updated?.date { dates.append("updated \(date)") }
        if !dates.isEmpty { lines.append(dates.joined(separator: " · ")) }
        if let url = indexedURL(definition, in: cursor.path), let source = vault.sources[url] {
            let notes = source.uses.map { "- \($0.path) (\($0.references)×)" }
            lines.append("Cited \(source.referenceCount) time\(source.referenceCount == 1 ? "" : "s") in \(source.uses.count) note\(source.uses.count == 1 ? "" : "s"):\n"
                         + notes.prefix(20).joined(separator: "\n") + (notes.count > 20 ? "\n- …" : ""))
        }
        return lines.joined(separator: "\n\n")
    }

    /// A wikilink's target: its title and first lines.
    private func linkHover(_ link: Wikilink, from path: String) -> String? {
        guard let target = target(link.target, from: path) else { return "`\(link.target)`: no such note" }
        let note = target.note
        let title = note.frontMatter?.value("title")?.scalarText ?? note.headings.first?.text ?? Self.name(of: target.vaultPath)
        let firstLine = link.heading.flatMap { heading(_: $0, in: note) }.map { $0.range.end.line + 1 } ?? note.bodyStartLine
        var lines: [String] = []
        var line = firstLine
        while line <= note.source.lineCount, lines.count < 6 {
            let text = note.source.lineString(line)
            if !text.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(text) }
            line += 1
        }
        return "**\(title)** (\(target.vaultPath))\n\n" + lines.joined(separator: "\n")
    }
}
