import Foundation
import NoteCitations
import NoteParser

/// The fix of `citation/same-source-several-ids` within one note: a later id for a source the
/// note already defines is merged into the first id. Built once per note, so that each
/// problem's fix looks its definitions and references up instead of scanning the note.
struct SameSourceMerge {
    private let context: NoteContext
    /// The note's definitions by the offset of their label (the first of each).
    private let byLabelStart: [Int: IndexedDefinition]
    /// The proper, non-duplicate definitions of each normalised URL, in the note's order.
    private let properByURL: [String: [IndexedDefinition]]
    /// The URLs each key is defined with (nil for a definition without one).
    private let urlsByKey: [String: Set<String?>]
    /// The key of each footnote reference, in the note's order, and the indices of each key's
    /// (none for a vault view: its fixes' edits are worked out from the note read again).
    private let referenceKeys: [String]
    private let referencesByKey: [String: [Int]]
    /// The note read again, shared by its fixes, for a vault view.
    private let whole: WholeNote?

    /// The index of the note of `context`; nil when no two of its definitions cite one URL (no
    /// problem of the note has a fix then, and the vault's problems are looked up note by note).
    init?(_ context: NoteContext) {
        self.context = context
        var byLabelStart: [Int: IndexedDefinition] = [:]
        var properByURL: [String: [IndexedDefinition]] = [:]
        var urlsByKey: [String: Set<String?>] = [:]
        for definition in context.citations.definitions {
            if byLabelStart[definition.definition.labelRange.start.offset] == nil {
                byLabelStart[definition.definition.labelRange.start.offset] = definition
            }
            if definition.definition.form == .proper, !definition.definition.isDuplicate, let url = definition.url {
                properByURL[url, default: []].append(definition)
            }
            urlsByKey[definition.key, default: []].insert(definition.url)
        }
        guard properByURL.values.contains(where: { $0.count > 1 }) else { return nil }
        (self.byLabelStart, self.properByURL, self.urlsByKey) = (byLabelStart, properByURL, urlsByKey)
        whole = context.isCut ? WholeNote(context) : nil
        referenceKeys = context.isCut ? [] : context.note.footnoteReferences.map { IndexedDefinition.key($0.label) }
        var referencesByKey: [String: [Int]] = [:]
        for (index, key) in referenceKeys.enumerated() { referencesByKey[key, default: []].append(index) }
        self.referencesByKey = referencesByKey
    }

    /// For the definition `problem` is about: rewrites the references of its label to the note's
    /// first id for the same normalised URL and deletes it; adjacent markers of the two ids become
    /// one (never `[^a] [^a]`). Nil when no earlier
    /// definition in the note cites that URL, or when the note also defines that id with another URL.
    func fix(for problem: CitationProblem) -> Fix? {
        guard let merged = byLabelStart[problem.range.start.offset],
              let url = merged.url,
              let kept = properByURL[url]?.first(where: {
                  $0.definition.range.start.offset < merged.definition.range.start.offset
              }),
              kept.key != merged.key,
              urlsByKey[kept.key, default: []].allSatisfy({ $0 == url }) else { return nil }
        let summary = "cite it as [^\(kept.id)] and remove this definition"
        if let whole {
            // The fix of the whole note, as it is when the edits are asked for.
            return Fix(summary, applicability: .unsafe) { whole.merge?.fix(for: problem)?.edits ?? [] }
        }
        let note = context.note
        let bytes = note.source.bytes
        let references = note.footnoteReferences
        // Only the merged id's markers and the markers right after them change.
        var changed = Set<Int>()
        for index in referencesByKey[merged.key] ?? [] {
            changed.insert(index)
            if index + 1 < references.count { changed.insert(index + 1) }
        }
        var edits: [Edit] = []
        for index in changed.sorted() {
            let isMerged = referenceKeys[index] == merged.key
            guard isMerged || referenceKeys[index] == kept.key else { continue }
            let range = references[index].range.bytes
            // The previous marker: where it ends, whether it cites the source, whether it is rewritten.
            if index > 0, referenceKeys[index - 1] == merged.key || referenceKeys[index - 1] == kept.key,
               isMerged || referenceKeys[index - 1] == merged.key,
               case let end = references[index - 1].range.end.offset,
               end == range.lowerBound || (end + 1 == range.lowerBound && bytes[end] == UInt8(ascii: " ")) {
                edits.append(Edit(range: end..<range.upperBound, replacement: ""))
            } else if isMerged {
                edits.append(Edit(range: range, replacement: "[^\(kept.id)]"))
            }
        }
        let deletion = Edit(range: CitationHelpers.deletion(of: merged.definition.range, in: note.source), replacement: "")
        return Fix(summary, edits: edits + [deletion], applicability: .unsafe)
    }
}

/// A note of a vault view, parsed again from its file the first time one of its fixes' edits is
/// asked for (a view keeps no body: `NoteContext.vaultView(legacyCitations:bodyOnDisk:)`).
private final class WholeNote: @unchecked Sendable {
    private let path: String
    private let configuration: Configuration
    /// The view's definitions (the scan's array, not a copy), which the note read again must still have.
    private let definitions: [IndexedDefinition]
    private var read: SameSourceMerge??
    private let lock = NSLock()

    init(_ view: NoteContext) {
        (path, configuration, definitions) = (view.note.path, view.configuration, view.citations.definitions)
    }

    /// The merge of the whole note; nil when it cannot be read or parsed any more, or its
    /// definitions are no longer those linted (labels, URLs, forms and places).
    var merge: SameSourceMerge? {
        lock.lock()
        defer { lock.unlock() }
        if read == nil {
            let parsed = try? Linter.parse(Linter.Input(path: path), configuration: configuration).get()
            read = .some(parsed.flatMap { whole in Self.same(whole.citations.definitions, definitions) ? SameSourceMerge(whole) : nil })
        }
        return read ?? nil
    }

    private static func same(_ read: [IndexedDefinition], _ linted: [IndexedDefinition]) -> Bool {
        read.count == linted.count && zip(read, linted).allSatisfy { read, linted in
            let (new, old) = (read.definition, linted.definition)
            return read.url == linted.url && new.label == old.label && new.form == old.form && new.isDuplicate == old.isDuplicate
                && new.range == old.range && new.labelRange == old.labelRange
        }
    }
}
