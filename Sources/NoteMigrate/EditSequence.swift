import NoteFix
import NoteParser

/// The edits of one note step after step, each step planned against the note as the steps
/// before it leave it, all kept in the coordinates of the note as read (as `NoteRewrite.plan`
/// wants them): disjoint, and applied together they give `current`.
///
/// A new edit that touches the bytes an earlier edit wrote (a `reorder` moving a quoted entry,
/// a `map` of a renamed key's value) is merged with it into one edit of the later step, whose
/// summary names the earlier ones.
struct EditSequence {
    let original: Note
    private(set) var edits: [PlannedEdit] = []
    /// The note as the edits so far leave it.
    private(set) var current: Note

    init(_ note: Note) {
        original = note
        current = note
    }

    /// Adds one step's edits, planned against `current`.
    mutating func add(_ stepEdits: [PlannedEdit]) throws {
        guard !stepEdits.isEmpty else { return }
        var bytes = current.source.bytes
        // From the end, so that the positions of the edits still to add stay where they were planned.
        for new in Set(stepEdits).sorted(by: { ($0.edit.range.lowerBound, $0.edit.range.upperBound) > ($1.edit.range.lowerBound, $1.edit.range.upperBound) }) {
            merge(new, into: bytes)
            bytes = try EditApplier.apply([new.edit], to: bytes)
        }
        current = try NoteParser().parse(bytes: bytes, path: original.path)
    }

    /// Records `new`, an edit of `bytes` (the original with `edits` applied).
    private mutating func merge(_ new: PlannedEdit, into bytes: [UInt8]) {
        let range = new.edit.range
        // Where each earlier edit's replacement stands in `bytes`, in order.
        var shift = 0
        var written: [(planned: PlannedEdit, range: Range<Int>, shiftAfter: Int)] = []
        for planned in edits.enumerated().sorted(by: { ($0.element.edit.range.lowerBound, $0.offset) < ($1.element.edit.range.lowerBound, $1.offset) }).map(\.element) {
            let start = planned.edit.range.lowerBound + shift
            shift += planned.edit.replacement.utf8.count - planned.edit.range.count
            written.append((planned, start..<(start + planned.edit.replacement.utf8.count), shift))
        }
        // A position of `bytes` outside the earlier replacements, in the original; where an
        // earlier edit deleted bytes, a range ends before them and starts after them.
        func inOriginal(_ offset: Int, asEnd: Bool) -> Int {
            offset - (written.last { $0.range.upperBound < offset || ($0.range.upperBound == offset && !(asEnd && $0.range.isEmpty)) }?.shiftAfter ?? 0)
        }
        let touched = written.indices.filter { index in
            let other = written[index].range
            switch (range.isEmpty, other.isEmpty) {
            case (false, false): return range.lowerBound < other.upperBound && other.lowerBound < range.upperBound
            case (true, false): return other.lowerBound <= range.lowerBound && range.lowerBound < other.upperBound
            case (false, true): return range.lowerBound < other.lowerBound && other.lowerBound < range.upperBound
            case (true, true): return false
            }
        }
        guard let firstIndex = touched.first, let lastIndex = touched.last else {
            let start = inOriginal(range.lowerBound, asEnd: false)
            let edit = Edit(range: start..<(range.isEmpty ? start : inOriginal(range.upperBound, asEnd: true)), replacement: new.edit.replacement)
            edits.append(PlannedEdit(edit: edit, origin: new.origin, summary: new.summary))
            return
        }
        let merged = written[firstIndex...lastIndex]
        let first = written[firstIndex], last = written[lastIndex]
        let start = min(range.lowerBound, first.range.lowerBound), end = max(range.upperBound, last.range.upperBound)
        let from = range.lowerBound < first.range.lowerBound ? inOriginal(range.lowerBound, asEnd: false) : first.planned.edit.range.lowerBound
        let through = range.upperBound > last.range.upperBound ? inOriginal(range.upperBound, asEnd: true) : last.planned.edit.range.upperBound
        let replacement = String(decoding: bytes[start..<range.lowerBound], as: UTF8.self) + new.edit.replacement
            + String(decoding: bytes[range.upperBound..<end], as: UTF8.self)
        let absorbed = Set(merged.map(\.planned))
        edits.removeAll { absorbed.contains($0) }
        // Undone (a key set, then deleted): no edit at all.
        guard !original.source.bytes[from..<through].elementsEqual(replacement.utf8) else { return }
        edits.append(PlannedEdit(edit: Edit(range: from..<through, replacement: replacement), origin: new.origin,
                                 summary: new.summary + " (with: " + merged.map(\.planned.summary).joined(separator: "; ") + ")"))
    }
}
