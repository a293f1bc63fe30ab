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
        let footnotes = note.footnoteDefinitions
        // The scanner counted the references to each label: no keys to make and hash here.
        definitions = footnotes.indices.map { index in
            IndexedDefinition(path: note.path, definitions: footnotes, index: index, url: footnotes[index].fields.url.map(URLNormalizer.normalize),
                              references: footnotes[index].isDuplicate ? 0 : footnotes[index].referenceCount)
        }
        var problems: [CitationProblem] = []
        func add(_ kind: CitationProblem.Kind, _ range: SourceRange, _ message: String,
                 severity: Severity? = nil, isRedundant: Bool = false) {
            problems.append(CitationProblem(kind: kind, path: note.path, range: range, message: message,
                                            severity: severity, isRedundant: isRedundant))
        }
        let references = note.footnoteReferences
        for index in references.indices where !references[index].isDefined {
            add(.undefined, references[index].range, String(concatenating: "citation [^", references[index].label, "] has no definition"))
        }
        // The index of each key's first definition, made only in a note with a duplicate.
        var firstByKey: [String: Int]?
        // References and definitions are read in place (a loop over them would copy each, retaining its strings).
        for index in footnotes.indices {
            let label = footnotes[index].label, labelRange = footnotes[index].labelRange, url = definitions[index].url
            if footnotes[index].isDuplicate {
                if firstByKey == nil { firstByKey = Self.firstIndices(of: footnotes) }
                if let firstIndex = firstByKey?[IndexedDefinition.key(label)], firstIndex < index {
                    let original = definitions[firstIndex].url
                    // Renderers keep the first definition: an error only when both cite URLs and they differ.
                    let line = footnotes[firstIndex].range.start.line
                    if let first = original, let second = url, first != second {
                        add(.duplicateDefinition, labelRange,
                            "[^\(label)] is defined again with a different URL (first on line \(line))", severity: .error)
                    } else if original != nil ? original == url : url == nil && footnotes[firstIndex].text == footnotes[index].text {
                        add(.duplicateDefinition, labelRange, "[^\(label)] is already defined on line \(line)", isRedundant: true)
                    } else {
                        add(.duplicateDefinition, labelRange,
                            "[^\(label)] is defined again with different text (first on line \(line))")
                    }
                }
            }
            let form = footnotes[index].form
            // Colon-less and corrupted forms are reported as such, not also as unused.
            if footnotes[index].isUnused, form == .proper {
                add(.unused, labelRange, String(concatenating: "definition [^", label, "] is not cited"))
            }
            switch form {
            case .proper: break
            case .missingColon:
                add(.missingColon, labelRange, String(concatenating: "definition [^", label, "] has no ':' after ']'"))
            case .corruptedLabel:
                add(.corruptedLabel, labelRange, "corrupted label '\(note.text(labelRange))' (expected '[^\(label)]:')")
            }
            if url == nil {
                add(.malformed, labelRange, footnotes[index].text.isEmpty ? String(concatenating: "definition [^", label, "] is empty")
                                                                          : String(concatenating: "definition [^", label, "] has no URL"))
            }
        }
        if !note.legacyDefinitions.isEmpty {
            let legacies = note.legacyDefinitions
            for index in legacies.indices {
                add(.legacyNumeric, legacies[index].labelRange,
                    String(concatenating: "legacy numeric definition [", String(legacies[index].number), "]: (use a footnote [^id]:)"))
            }
            // Inline `[4]` only counts in a note that defines every number it cites.
            for reference in note.legacyReferences where reference.isDefined {
                add(.legacyNumeric, reference.range, String(concatenating: "legacy numeric citation ", note.text(reference.range), " (use a footnote [^id])"))
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

    /// The index of each key's first definition in `definitions`.
    private static func firstIndices(of definitions: [FootnoteDefinition]) -> [String: Int] {
        var first: [String: Int] = [:]
        first.reserveCapacity(definitions.count)
        // From the last up: each key keeps the index written last, its first.
        for index in definitions.indices.reversed() { first[IndexedDefinition.key(definitions[index].label)] = index }
        return first
    }

    /// The problems of one kind.
    public func problems(_ kind: CitationProblem.Kind) -> [CitationProblem] {
        problems.filter { $0.kind == kind }
    }
}
