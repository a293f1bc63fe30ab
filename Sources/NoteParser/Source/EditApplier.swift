/// Applies byte edits to a note in one pass.
public enum EditApplier {
    public enum Failure: Error, Equatable {
        /// Two edits touch the same bytes (`Edit.clashes(with:)`); neither is guessed.
        case overlap(Edit, Edit)
        case outOfBounds(Edit)
    }

    /// `bytes` with `edits` applied. Edits must not clash (`Edit.clashes(with:)`); they apply
    /// in the order of `inApplicationOrder`, so insertions at one point keep their order.
    public static func apply(_ edits: [Edit], to bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        var previous: Edit?
        for edit in inApplicationOrder(edits, edit: { $0 }) {
            guard edit.range.lowerBound >= 0, edit.range.upperBound <= bytes.count else { throw .outOfBounds(edit) }
            // In this order an edit that clashes with none before it starts at or after `cursor`.
            if let previous, previous.clashes(with: edit) { throw .overlap(previous, edit) }
            output += bytes[cursor..<edit.range.lowerBound]
            output += Array(edit.replacement.utf8)
            cursor = edit.range.upperBound
            previous = edit
        }
        output += bytes[cursor...]
        return output
    }

    /// `items` in the order their edits apply: by start, an insertion before a replacement
    /// starting at the same byte, ties in the order given. Edits that do not clash then follow
    /// each other without sharing a byte, so checking each against the one before checks them all.
    public static func inApplicationOrder<Item>(_ items: [Item], edit: (Item) -> Edit) -> [Item] {
        items.enumerated().sorted {
            let (a, b) = (edit($0.element).range, edit($1.element).range)
            return (a.lowerBound, a.upperBound, $0.offset) < (b.lowerBound, b.upperBound, $1.offset)
        }.map(\.element)
    }

    /// True when `a` applies before `b` whatever order they come in (see `inApplicationOrder`).
    public static func precedes(_ a: Edit, _ b: Edit) -> Bool {
        (a.range.lowerBound, a.range.upperBound) < (b.range.lowerBound, b.range.upperBound)
    }
}
