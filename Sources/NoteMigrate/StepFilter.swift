import NoteParser

extension MigrationStep {
    /// True when the note at vault-relative `path` matches the step's `paths` globs (when
    /// given) and has every `where` value, as the text of a key's value or of one of its items.
    func applies(to note: Note, at path: String) -> Bool {
        guard paths.isEmpty || paths.contains(where: { $0.matches(path) }) else { return false }
        return conditions.allSatisfy { condition in
            note.entries(condition.key).contains { entry in
                if case .list(let items)? = entry.value { return items.contains { $0.scalarText == condition.value } }
                return entry.value?.scalarText == condition.value
            }
        }
    }
}
