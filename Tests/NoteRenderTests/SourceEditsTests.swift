import Testing
import NoteParser
@testable import NoteRender

@Suite struct SourceEditsTests {
    private let source = SourceText("0123456789abcdef\n")

    /// Offers each edit in order; returns which were accepted.
    private func offer(_ offers: [(Range<Int>, String)], to edits: inout SourceEdits) -> [Bool] {
        offers.map { edits.replace($0.0, with: $0.1) }
    }

    @Test func refusesAnEditOverlappingAnAcceptedOneInAnyOrder() {
        var edits = SourceEdits(source: source)
        let accepted = offer([(8..<10, "X"), (2..<4, "Y"), (12..<14, "Z"), (3..<5, "-"), (9..<12, "-"), (0..<17, "-"),
                              (13..<13, "inside"), (4..<8, "W"), (10..<12, "V"), (14..<14, "at an end")], to: &edits)
        #expect(accepted == [true, true, true, false, false, false, false, true, true, true])
        #expect(edits.applied() == "01YWXVZat an endef\n")
    }

    @Test func insertionsOverlapNothing() {
        var edits = SourceEdits(source: source)
        #expect(offer([(5..<5, "a"), (5..<5, "b"), (6..<8, "c")], to: &edits) == [true, true, true])
        let overlaps = [7..<7, 8..<8, 0..<6, 0..<7].map { edits.overlaps($0) }
        #expect(overlaps == [true, false, false, true])
        #expect(edits.applied() == "01234ab5c89abcdef\n")
    }

    @Test func manyEditsInReverseOrder() {
        let text = String(repeating: "ab", count: 2_000) + "\n"
        var edits = SourceEdits(source: SourceText(text))
        let accepted = offer(stride(from: 3_998, through: 0, by: -2).map { ($0..<($0 + 1), "c") } + [(100..<102, "d")], to: &edits)
        #expect(accepted == Array(repeating: true, count: 2_000) + [false])
        #expect(edits.applied() == String(repeating: "cb", count: 2_000) + "\n")
    }
}
