import NoteParser

extension EditApplier {
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
