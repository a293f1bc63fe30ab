import NoteParser

/// The definitions and note-level problems of one note.
struct NoteCitationScan {
    let note: Note
    let definitions: [IndexedDefinition]
    let problems: [CitationProblem]

    init(note: Note) {
        self.note = note
        var referenceCounts: [String: Int] = [:]
        for reference in note.footnoteReferences { referenceCounts[IndexedDefinition.key(reference.label), default: 0] += 1 }
        definitions = note.footnoteDefinitions.map { definition in
            IndexedDefinition(path: note.path, definition: definition, url: definition.fields.url.map(URLNormalizer.normalize),
                              references: definition.isDuplicate ? 0 : referenceCounts[IndexedDefinition.key(definition.label)] ?? 0)
        }
        var problems: [CitationProblem] = []
        func add(_ kind: CitationProblem.Kind, _ range: SourceRange, _ message: String) {
            problems.append(CitationProblem(kind: kind, path: note.path, range: range, message: message))
        }
        for reference in note.footnoteReferences where !reference.isDefined {
            add(.undefined, reference.range, "[^\(reference.label)] has no definition in this note")
        }
        var firstLines: [String: Int] = [:]
        for definition in note.footnoteDefinitions {
            let label = "[^\(definition.label)]"
            let key = IndexedDefinition.key(definition.label)
            if definition.isDuplicate {
                add(.duplicateDefinition, definition.labelRange,
                    "\(label) is already defined on line \(firstLines[key] ?? 0); this definition is ignored")
            } else {
                firstLines[key] = definition.range.start.line
            }
            if definition.isUnused { add(.unused, definition.labelRange, "\(label) is defined but never referenced") }
            switch definition.form {
            case .proper: break
            case .missingColon: add(.missingColon, definition.labelRange, "\(label) definition lacks the colon after the label")
            case .corruptedLabel: add(.corruptedLabel, definition.labelRange, "\(label) definition label is corrupted")
            }
            if definition.fields.url == nil { add(.malformed, definition.range, "\(label) definition has no URL") }
        }
        for legacy in note.legacyDefinitions {
            add(.legacyNumeric, legacy.labelRange, "legacy numeric citation [\(legacy.number)]: use a footnote")
        }
        self.problems = problems
    }
}
