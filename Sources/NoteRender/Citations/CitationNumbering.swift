import NoteParser

/// Numbers a note's citations 1, 2, 3... by first appearance, footnote and legacy numeric
/// alike, merging definitions that cite the same URL.
struct CitationNumbering {
    /// A run of citation markers written next to each other, and what replaces it.
    struct Marker {
        var range: Range<Int>
        /// Source numbers in order, without repeats; empty when nothing it cites is defined.
        var numbers: [Int]
        /// The original text to keep (escaped so it is no longer a citation), when `numbers` is empty.
        var keptText: String?
    }

    private(set) var sources: [Source] = []
    private(set) var markers: [Marker] = []
    /// Labels cited but never defined, with the byte offset of their first citation.
    private(set) var undefinedLabels: [(label: String, offset: Int)] = []

    private struct Definition {
        let identity: String
        let label: String
        let text: String
        let fields: CitationFields
    }

    /// - Parameter isRemoved: tells whether a reference lies in text the cleaning removes.
    init(note: Note, isRemoved: (Range<Int>) -> Bool) {
        var footnotes: [String: Definition] = [:]
        // The first proper definition of a label wins over broken forms and later duplicates.
        let ordered = note.footnoteDefinitions.filter { $0.form == .proper } + note.footnoteDefinitions.filter { $0.form != .proper }
        for definition in ordered where footnotes[definition.label.lowercased()] == nil {
            footnotes[definition.label.lowercased()] = Self.definition(label: definition.label, namespace: "footnote",
                                                                      text: definition.text, fields: definition.fields)
        }
        var legacy: [Int: Definition] = [:]
        for definition in note.legacyDefinitions where legacy[definition.number] == nil {
            legacy[definition.number] = Self.definition(label: String(definition.number), namespace: "legacy",
                                                        text: definition.text, fields: definition.fields)
        }
        /// `original`: the label of a footnote reference, the text of a legacy one.
        typealias Cited = (range: Range<Int>, definitions: [Definition], original: String, isLegacy: Bool)
        var cited: [Cited] = note.footnoteReferences.map { reference in
            (reference.range.bytes, [footnotes[reference.label.lowercased()]].compactMap { $0 }, reference.label, false)
        }
        cited += note.legacyReferences.map { reference in
            (reference.range.bytes, reference.numbers.compactMap { legacy[$0] }, note.text(reference.range), true)
        }
        cited.sort { $0.range.lowerBound < $1.range.lowerBound }

        var numberOf: [String: Int] = [:], undefined = Set<String>()
        for item in cited where !isRemoved(item.range) {
            if !item.isLegacy, item.definitions.isEmpty, undefined.insert(item.original).inserted {
                undefinedLabels.append((item.original, item.range.lowerBound))
            }
            var numbers: [Int] = []
            for definition in item.definitions {
                let number = numberOf[definition.identity] ?? {
                    let next = sources.count + 1
                    numberOf[definition.identity] = next
                    sources.append(Source(number: next, text: definition.text, fields: definition.fields, labels: []))
                    return next
                }()
                if !sources[number - 1].labels.contains(definition.label) { sources[number - 1].labels.append(definition.label) }
                if !numbers.contains(number) { numbers.append(number) }
            }
            // An undefined legacy `[7]` stays as text, written `[7\]` so it is not a citation.
            let kept = item.isLegacy && numbers.isEmpty ? String(item.original.dropLast()) + "\\]" : nil
            if let last = markers.last, last.range.upperBound == item.range.lowerBound, kept == nil, last.keptText == nil {
                markers[markers.count - 1].range = last.range.lowerBound..<item.range.upperBound
                markers[markers.count - 1].numbers += numbers.filter { !last.numbers.contains($0) }
            } else {
                markers.append(Marker(range: item.range, numbers: numbers, keptText: kept))
            }
        }
    }

    // Regex is not Sendable, yet matching one from several threads is safe: it compiles its program once, stored atomically.
    nonisolated(unsafe) private static let pastedLabel = #/\s*\[\^[^\]\s]+\]/#

    /// `text` without `[^label]` pastes (corrupted definitions), which would cite again.
    private static func definition(label: String, namespace: String, text: String, fields: CitationFields) -> Definition {
        let text = (text.byteRange(of: "[^") == nil ? text : text.replacing(pastedLabel, with: "")).trimmed()
        let identity = fields.url.map { "url:" + URLNormalizer.normalize($0) } ?? namespace + ":" + label.lowercased()
        return Definition(identity: identity, label: label, text: text, fields: fields)
    }
}
