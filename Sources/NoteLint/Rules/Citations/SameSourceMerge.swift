import Foundation
import NoteCitations
import NoteParser

/// The fix of `citation/same-source-several-ids` within one note: a later id for a source the
/// note already defines is merged into the first id. Built once per note; a note has few such
/// problems, so each problem's fix scans the note's definitions (no dictionaries built).
struct SameSourceMerge {
    private let context: NoteContext
    /// The note's definitions (the scan's array, not a copy).
    private let definitions: [IndexedDefinition]
    /// Where each definition and its label start, and whether it is proper and not a duplicate
    /// (read once: a vault view's `definition` is made on each access).
    private let places: [(start: Int, labelStart: Int, isProper: Bool)]
    /// Each definition's key (lowercased once, not for each problem).
    private let keys: [String]
    /// The key of each footnote reference, in the note's order (none for a vault view: its
    /// fixes' edits are worked out from the note read again).
    private let referenceKeys: [String]
    /// The note read again, shared by its fixes, for a vault view.
    private let whole: WholeNote?

    /// The index of the note of `context`; nil when no two of its definitions cite one URL (no
    /// problem of the note has a fix then, and the vault's problems are looked up note by note).
    init?(_ context: NoteContext) {
        let definitions = context.citations.definitions
        var places: [(start: Int, labelStart: Int, isProper: Bool)] = []
        places.reserveCapacity(definitions.count)
        var urls = Set<String>()
        var mergesSources = false
        for indexed in definitions {
            let definition = indexed.definition
            let isProper = definition.form == .proper && !definition.isDuplicate
            places.append((definition.range.start.offset, definition.labelRange.start.offset, isProper))
            if isProper, let url = indexed.url, !mergesSources, !urls.insert(url).inserted { mergesSources = true }
        }
        guard mergesSources else { return nil }
        (self.context, self.definitions, self.places, keys) = (context, definitions, places, definitions.map(\.key))
        whole = context.isCut ? WholeNote(context) : nil
        referenceKeys = context.isCut ? [] : context.note.footnoteReferences.map { IndexedDefinition.key($0.label) }
    }

    /// For the definition `problem` is about: rewrites the references of its label to the note's
    /// first id for the same normalised URL and deletes it; adjacent markers of the two ids become
    /// one (never `[^a] [^a]`). Nil when no earlier
    /// definition in the note cites that URL, or when the note also defines that id with another URL.
    func fix(for problem: CitationProblem) -> Fix? {
        // The first definition at the problem's label; the first proper one before it with its URL.
        guard let mergedIndex = places.firstIndex(where: { $0.labelStart == problem.range.start.offset }),
              let url = definitions[mergedIndex].url,
              let keptIndex = places.indices.first(where: { index in
                  places[index].isProper && places[index].start < places[mergedIndex].start && definitions[index].url == url
              }) else { return nil }
        let (merged, kept) = (definitions[mergedIndex], definitions[keptIndex])
        let (mergedKey, keptKey) = (keys[mergedIndex], keys[keptIndex])
        // No definition of the kept id with another URL (or none).
        guard keptKey != mergedKey, !keys.indices.contains(where: { keys[$0] == keptKey && definitions[$0].url != url }) else { return nil }
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
        for index in referenceKeys.indices where referenceKeys[index] == mergedKey {
            changed.insert(index)
            if index + 1 < references.count { changed.insert(index + 1) }
        }
        var edits: [Edit] = []
        for index in changed.sorted() {
            let isMerged = referenceKeys[index] == mergedKey
            guard isMerged || referenceKeys[index] == keptKey else { continue }
            let range = references[index].range.bytes
            // The previous marker: where it ends, whether it cites the source, whether it is rewritten.
            if index > 0, referenceKeys[index - 1] == mergedKey || referenceKeys[index - 1] == keptKey,
               isMerged || referenceKeys[index - 1] == mergedKey,
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
