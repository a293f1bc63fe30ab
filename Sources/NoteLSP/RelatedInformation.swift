import NoteCitations
import NoteLint
import NoteParser

/// The other notes a vault-wide finding is about, found in the vault's model (never in the
/// finding's message): the other notes with the same UUID, the other definitions of a citation
/// id that cite another URL, the other ids citing the same URL.
extension LanguageServer {
    static let rulesWithRelatedNotes: Set = ["frontmatter/duplicate-uuid", "citation/id-conflict", "citation/same-source-several-ids"]

    func related(_ finding: Finding, path: String) -> [DiagnosticRelatedInformation]? {
        guard Self.rulesWithRelatedNotes.contains(finding.ruleID), let vault, let note = vault.notes[path]?.note else { return nil }
        let written = note.text(finding.range)
        let locations: [(path: String, range: SourceRange, message: String)]
        switch finding.ruleID {
        case "frontmatter/duplicate-uuid":
            let uuid = written.trimmingCharacters(in: .init(charactersIn: "\"' ")).lowercased()
            locations = vault.contexts.flatMap { context in
                (context.note.frontMatter?.entries ?? []).filter { entry in
                    entry.value?.scalarText?.lowercased() == uuid && !(context.vaultPath == path && entry.valueRange == finding.range)
                }.map { (context.vaultPath, $0.valueRange, "\($0.key) \(uuid)") }
            }
        case "citation/id-conflict", "citation/same-source-several-ids":
            guard let here = vault.notes[path]?.citations.definitions.first(where: { $0.definition.labelRange == finding.range }),
                  let url = here.url else { return nil }
            let sameID = finding.ruleID == "citation/id-conflict"
            let candidates = sameID ? vault.definitionsByKey[here.key] ?? [] : vault.sources[url]?.definitions ?? []
            locations = candidates.filter { other in
                guard other.indexed.definition.form == .proper, !other.indexed.definition.isDuplicate, let otherURL = other.indexed.url,
                      !(other.path == path && other.indexed.definition.labelRange == here.definition.labelRange) else { return false }
                return sameID ? otherURL != url : other.indexed.key != here.key
            }.map { ($0.path, $0.indexed.definition.labelRange, "[^\($0.indexed.id)]: \($0.indexed.url ?? "")") }
        default:
            return nil
        }
        let related = locations.prefix(20).compactMap { location -> DiagnosticRelatedInformation? in
            guard let other = vault.notes[location.path]?.note else { return nil }
            let converter = PositionConverter(other.source, encoding: encoding)
            return DiagnosticRelatedInformation(location: Location(uri: uri(of: location.path), range: converter.range(of: location.range.bytes)),
                                                message: location.message)
        }
        return related.isEmpty ? nil : related
    }

    /// The URI of the note at vault path `path`: the open document's, else its file's.
    func uri(of path: String) -> String {
        documents.values.first { $0.path == path }?.uri ?? DocumentURI.uri(of: vault?.fullPath(path) ?? path)
    }
}
