import NoteParser
import Testing
@testable import NoteFix

/// The one overlap test (`Edit.clashes(with:)`) as `EditApplier` and `EditSelection` use it.
@Suite struct EditSelectionTests {
    /// Every edit of `0..<4` (insertions included) against every other, in both orders.
    static let edits = (0...4).flatMap { lower in (lower...4).map { Edit(range: lower..<$0, replacement: "x") } }

    @Test func clashesIsWhatTheApplierRefuses() {
        let bytes = Array("abcd".utf8)
        for a in Self.edits {
            for b in Self.edits where a != b {
                #expect(a.clashes(with: b) == b.clashes(with: a), "\(a.range) \(b.range)")
                let forward = try? EditApplier.apply([a, b], to: bytes), backward = try? EditApplier.apply([b, a], to: bytes)
                #expect((forward == nil) == a.clashes(with: b), "\(a.range) then \(b.range)")
                // Only insertions at one point depend on the order they are given in.
                if !(a.range.isEmpty && b.range.isEmpty && a.range == b.range) {
                    #expect(forward == backward, "\(a.range) \(b.range)")
                }
            }
        }
    }

    @Test func anInsertionAtAReplacementsStartGoesFirstInEitherOrder() throws {
        let replace = Edit(range: 1..<3, replacement: "X"), insert = Edit(range: 1..<1, replacement: "+")
        #expect(try EditApplier.apply([replace, insert], to: Array("abcd".utf8)) == Array("a+Xd".utf8))
        #expect(try EditApplier.apply([insert, replace], to: Array("abcd".utf8)) == Array("a+Xd".utf8))
    }

    @Test func negativeRangesAreOutOfBounds() {
        let edit = Edit(range: -2..<1, replacement: "")
        #expect(throws: EditApplier.Failure.outOfBounds(edit)) { try EditApplier.apply([edit], to: Array("abc".utf8)) }
    }

    @Test func aGroupIsTakenWholeOrNotAtAll() throws {
        var selection = EditSelection(note: try Support.note("abcdefgh\n"))
        selection.take([Support.edit(1..<3, "X", origin: "a/first")])
        // Its first edit fits, its second clashes: neither applies.
        selection.take([Support.edit(5..<6, "Y", origin: "b/second"), Support.edit(2..<4, "Z", origin: "b/second")])
        selection.take([Support.edit(6..<8, "W", origin: "c/third"), Support.edit(0..<0, ">", origin: "c/third")])
        #expect(String(decoding: selection.result, as: UTF8.self) == ">aXdefW\n")
        #expect(selection.taken.map(\.edit.range) == [0..<0, 1..<3, 6..<8])
        #expect(selection.conflicts.map { [$0.kept.origin, $0.dropped.origin] } == [["a/first", "b/second"]])
    }

    @Test func aGroupClashingWithItselfIsDropped() throws {
        var selection = EditSelection(note: try Support.note("abcdef\n"))
        selection.take([Support.edit(0..<1, "A"), Support.edit(4..<5, "E"), Support.edit(3..<5, "D")])
        #expect(selection.taken.isEmpty && selection.conflicts.count == 1 && !selection.changes)
    }

    @Test func groupsTakenOutOfOrderApplyInOrder() throws {
        var selection = EditSelection(note: try Support.note("abcdef\n"))
        for (range, replacement) in [(4..<5, "E"), (0..<1, "A"), (2..<2, "+"), (2..<3, "C"), (2..<2, "-"), (0..<1, "A")] {
            selection.take([Support.edit(range, replacement)])
        }
        #expect(String(decoding: selection.result, as: UTF8.self) == "Ab+-CdEf\n")
        #expect(selection.taken.count == 5 && selection.conflicts.isEmpty)
    }
}
