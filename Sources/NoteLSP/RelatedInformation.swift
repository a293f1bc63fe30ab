import NoteCitations
import NoteLint
import NoteParser

/// The other notes a vault-wide finding is about, found in the vault's model (never in the
/// finding's message): the other notes with the same UUID, the other definitions of a citation
/// id that cite another URL, the other ids citing the same URL.
extension LanguageServer {
    func related(_ finding: Finding, path: String) -> [DiagnosticRelatedInformation]? {
        guard let vault, let note = vault.notes[path]?.note else { return nil }
        let written = note.text(finding.range)
        let locations: [(path: String, range: SourceRange, message: String)]
        switch finding.ruleID {
        case "frontmatter/duplicate-uuid":
            let uuid = written.trimmingCharacters(in: .init(charactersIn: "\"' ")).lowercased()
            locations = vault.workspace.contexts.flatMap { context in
                (context.note.frontMatter?.entries ?? []).filter { entry in
                    entry.value?.scalarText?.lowercased() == uuid && !(context.vaultPath == path && entry.valueRange == finding.range)
                }.map { (context.vaultPath, $0.valueRange, "\($0.key) \(uuid)") }
            }
        case "citation/id-conflict", "citation/same-source-several-ids":
            guard let here = vault.citations.definitions.first(where: { vault.vaultPath(ofNote: $0.path) == path && $0.definition.labelRange == finding.range }) else { return nil }
            let sameID = finding.ruleID == "citation/id-conflict"
            locations = vault.citations.definitions.filter { other in
                guard other.definition.form == .proper, !other.definition.isDuplicate, let url = other.url,
                      !(vault.vaultPath(ofNote: other.path) == path && other.definition.labelRange == here.definition.labelRange) else { return false }
                return sameID ? other.key == here.key && url != here.url : url == here.url && other.key != here.key
            }.map { (vault.vaultPath(ofNote: $0.path), $0.definition.labelRange, "[^\($0.id)]: \($0.url ?? "")") }
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
