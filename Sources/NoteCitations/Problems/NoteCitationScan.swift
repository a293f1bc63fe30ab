import NoteParser

/// The definitions and note-level citation problems of one note, computed once.
///
/// The single detection of the seven note-level kinds: the citations index and the lint
/// rules (through `NoteContext.citations`) both read it. Cross-note kinds come from
/// `VaultCitationProblems`, which reads these scans without looking at the notes again.
public struct NoteCitationScan: Sendable {
    /// The note's path (`Note.path`); the scan keeps no other part of the note.
    public let path: String
    /// The note's footnote references.
    public let referenceCount: Int
    /// The note's legacy numeric definitions.
    public let legacyDefinitionCount: Int
    /// The path notes are ordered by and other notes see in messages (the vault path
    /// when known); `note.path` by default.
    public let displayPath: String
    /// Every footnote definition of the note, every form and duplicates included.
    public let definitions: [IndexedDefinition]
    /// Problems of the note-level kinds, in detection order.
    public let problems: [CitationProblem]

    public init(note: Note, displayPath: String? = nil) {
        path = note.path
        referenceCount = note.footnoteReferences.count
        legacyDefinitionCount = note.legacyDefinitions.count
        self.displayPath = displayPath ?? note.path
        var referenceCounts = [String: Int](minimumCapacity: note.footnoteReferences.count)
        for reference in note.footnoteReferences { referenceCounts[IndexedDefinition.key(reference.label), default: 0] += 1 }
        definitions = note.footnoteDefinitions.map { definition in
            IndexedDefinition(path: note.path, definition: definition, url: definition.fields.url.map(URLNormalizer.normalize),
                              references: definition.isDuplicate ? 0 : referenceCounts[IndexedDefinition.key(definition.label)] ?? 0)
        }
        var problems: [CitationProblem] = []
        func add(_ kind: CitationProblem.Kind, _ range: SourceRange, _ message: String,
                 severity: Severity? = nil, isRedundant: Bool = false) {
            problems.append(CitationProblem(kind: kind, path: note.path, range: range, message: message,
                                            severity: severity, isRedundant: isRedundant))
        }
        for reference in note.footnoteReferences where !reference.isDefined {
            add(.undefined, reference.range, "citation [^\(reference.label)] has no definition")
        }
        // The index of each key's first definition (one lookup a definition).
        var firstByKey: [String: Int] = [:]
        firstByKey.reserveCapacity(definitions.count)
        for (index, indexed) in definitions.enumerated() {
            let definition = indexed.definition
            let label = definition.label
            func first(_ found: inout Int) -> Int {
                defer { if found < 0 { found = index } }
                return found
            }
            let firstIndex = first(&firstByKey[IndexedDefinition.key(label), default: -1])
            if definition.isDuplicate, firstIndex >= 0 {
                let original = definitions[firstIndex]
                // Renderers keep the first definition: an error only when both cite URLs and they differ.
                let line = original.definition.range.start.line
                if let first = original.url, let second = indexed.url, first != second {
                    add(.duplicateDefinition, definition.labelRange,
                        "[^\(label)] is defined again with a different URL (first on line \(line))", severity: .error)
                } else if original.url != nil ? original.url == indexed.url
                            : indexed.url == nil && original.definition.text == definition.text {
                    add(.duplicateDefinition, definition.labelRange, "[^\(label)] is already defined on line \(line)",
                        isRedundant: true)
                } else {
                    add(.duplicateDefinition, definition.labelRange,
                        "[^\(label)] is defined again with different text (first on line \(line))")
                }
            }
            // Colon-less and corrupted forms are reported as such, not also as unused.
            if definition.isUnused, definition.form == .proper {
                add(.unused, definition.labelRange, "definition [^\(label)] is not cited")
            }
            switch definition.form {
            case .proper: break
            case .missingColon:
                add(.missingColon, definition.labelRange, "definition [^\(label)] has no ':' after ']'")
            case .corruptedLabel:
                add(.corruptedLabel, definition.labelRange,
                    "corrupted label '\(note.text(definition.labelRange))' (expected '[^\(label)]:')")
            }
            if indexed.url == nil {
                add(.malformed, definition.labelRange, definition.text.isEmpty
                    ? "definition [^\(label)] is empty" : "definition [^\(label)] has no URL")
            }
        }
        if !note.legacyDefinitions.isEmpty {
            for legacy in note.legacyDefinitions {
                add(.legacyNumeric, legacy.labelRange, "legacy numeric definition [\(legacy.number)]: (use a footnote [^id]:)")
            }
            // Inline `[4]` only counts in a note that defines every number it cites.
            for reference in note.legacyReferences where reference.isDefined {
                add(.legacyNumeric, reference.range, "legacy numeric citation \(note.text(reference.range)) (use a footnote [^id])")
            }
        }
        self.problems = problems
    }

    private init(of scan: NoteCitationScan, definitions: [IndexedDefinition], problems: [CitationProblem]) {
        path = scan.path
        referenceCount = scan.referenceCount
        legacyDefinitionCount = scan.legacyDefinitionCount
        displayPath = scan.displayPath
        self.definitions = definitions
        self.problems = problems
    }

    /// What a pass over a whole vault keeps of the scan once the note's own checks are done:
    /// every definition without its text and parsed fields (`IndexedDefinition.withoutText`: the
    /// vault compares labels, URLs, forms and places), and only the problems of `kinds`.
    public func vaultView(keeping kinds: Set<CitationProblem.Kind>) -> NoteCitationScan {
        NoteCitationScan(of: self,
                         definitions: definitions.map(\.withoutText),
                         problems: kinds.isEmpty ? [] : problems.filter { kinds.contains($0.kind) })
    }

    /// The problems of one kind.
    public func problems(_ kind: CitationProblem.Kind) -> [CitationProblem] {
        problems.filter { $0.kind == kind }
    }
}
