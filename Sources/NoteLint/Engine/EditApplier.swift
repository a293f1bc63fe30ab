/// Applies byte edits to a note in one pass.
public enum EditApplier {
    public enum Failure: Error, Equatable {
        /// Two edits touch the same bytes; neither is guessed.
        case overlap(Edit, Edit)
        case outOfBounds(Edit)
    }

    /// `bytes` with `edits` applied. Edits must not overlap (insertions at one point keep their order).
    public static func apply(_ edits: [Edit], to bytes: [UInt8]) throws(Failure) -> [UInt8] {
        let sorted = edits.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }.map(\.element)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        var previous: Edit?
        for edit in sorted {
            guard edit.range.upperBound <= bytes.count else { throw .outOfBounds(edit) }
            if let previous, edit.range.lowerBound < previous.range.upperBound || (edit.range.lowerBound == previous.range.lowerBound && !edit.range.isEmpty && !previous.range.isEmpty) {
                throw .overlap(previous, edit)
            }
            output += bytes[cursor..<edit.range.lowerBound]
            output += Array(edit.replacement.utf8)
            cursor = edit.range.upperBound
            previous = edit
        }
        output += bytes[cursor...]
        return output
    }

    /// `bytes` with as many of `fixes` applied as fit together: in order, each fix whose edits
    /// touch none of the bytes of the fixes already taken (a later lint pass offers the rest).
    public static func apply(compatible fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [Fix]) {
        var taken: [Edit] = []
        var applied: [Fix] = []
        var output = bytes
        for fix in fixes {
            guard let result = try? apply(taken + fix.edits, to: bytes) else { continue }
            taken += fix.edits
            applied.append(fix)
            output = result
        }
        return (output, applied)
    }
}
