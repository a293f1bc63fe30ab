import NoteParser
import Testing

/// `concurrentMap` runs the parser and the linter on all cores; the fuzzer's leak check found
/// that its results were never released (14,546 finding arrays over 28,806 runs).
@Suite struct ConcurrentMapTests {
    final class Box: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test func keepsOrderAndReleasesEveryResult() {
        var released: [() -> Box?] = []
        do {
            let boxes = Array(0..<100).concurrentMap { Box($0 * 2) }
            #expect(boxes.map(\.value) == Array(0..<100).map { $0 * 2 })
            released = boxes.map { box in { [weak box] in box } }
        }
        #expect(released.allSatisfy { $0() == nil })
    }

    @Test func mapsNoElementsAndOneElement() {
        #expect([Int]().concurrentMap { $0 + 1 } == [])
        #expect([41].concurrentMap { $0 + 1 } == [42])
    }
}
