import NoteCitations
import NoteLint
import NoteParser

/// `textDocument/definition` and `textDocument/references`: footnote reference ↔ definition,
/// wikilink → note or heading, a definition's URL → every note citing it, a note's backlinks.
extension LanguageServer {
    func definition(_ params: JSON) throws -> JSON {
        guard let cursor = try cursor(params) else { return .null }
        if let (label, _) = cursor.footnoteLabel {
            let key = IndexedDefinition.key(label)
            let locations = cursor.note.footnoteDefinitions.filter { IndexedDefinition.key($0.label) == key }
                .compactMap { location(cursor.path, $0.range.bytes) }
            return try JSON(locations)
        }
        if let link = cursor.wikilink, let target = target(link.target, from: cursor.path) {
            let range = link.heading.flatMap { heading($0, in: target.note) }?.range.bytes ?? 0..<0
            return try JSON(location(target.vaultPath, range))
        }
        return .null
    }

    func references(_ params: JSON) throws -> JSON {
        guard let cursor = try cursor(params), let vault else { return .null }
        let includeDeclaration = params["context"]?["includeDeclaration"]?.bool ?? true
        var locations: [Location] = []
        if let definition = cursor.definitionText, let url = indexedURL(definition, in: cursor.path) {
            // A source: every definition citing its URL, in every note.
            locations = (vault.sources[url]?.definitions ?? []).compactMap { location($0.path, $0.indexed.definition.range.bytes) }
        } else if let (label, _) = cursor.footnoteLabel {
            let key = IndexedDefinition.key(label)
            locations = cursor.note.footnoteReferences.filter { IndexedDefinition.key($0.label) == key }.compactMap { location(cursor.path, $0.range.bytes) }
            if includeDeclaration {
                locations += cursor.note.footnoteDefinitions.filter { IndexedDefinition.key($0.label) == key }.compactMap { location(cursor.path, $0.labelRange.bytes) }
            }
        } else {
            // The note's backlinks (to the heading under the cursor when on one).
            let heading = cursor.heading
            for context in vault.contexts {
                for link in context.note.wikilinks where vault.resolver.resolve(link.target, from: context.vaultPath).path == cursor.path {
                    if let heading, link.heading.map({ $0.caseInsensitiveCompare(heading.text) != .orderedSame }) ?? true { continue }
                    if let location = location(context.vaultPath, link.range.bytes) { locations.append(location) }
                }
            }
        }
        return try JSON(locations)
    }

    /// The normalized URL the vault's citation index gives a definition of the note at `path`.
    func indexedURL(_ definition: FootnoteDefinition, in path: String) -> String? {
        vault?.notes[path]?.citations.definitions.first { $0.definition.labelRange == definition.labelRange }?.url
    }
}
