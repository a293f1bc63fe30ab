import Foundation
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

    /// Counts the results made and not yet consumed, and the most there were at once.
    final class Alive: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        private(set) var most = 0
        func made() { lock.withLock { count += 1; most = max(most, count) } }
        func consumed() { lock.withLock { count -= 1 } }
    }

    @Test func windowedMapConsumesInOrderWithAtMostWindowAlive() {
        let alive = Alive()
        var consumed: [Int] = []
        Array(0..<500).concurrentMap(window: 8, { value -> Int in
            alive.made()
            if value % 7 == 0 { usleep(200) }  // uneven work: later elements finish first
            return value * 3
        }) { result in
            consumed.append(result)
            alive.consumed()
        }
        #expect(consumed == Array(0..<500).map { $0 * 3 })
        // The window's results, and the one the consumer holds (taken, not yet consumed).
        #expect(alive.most <= 8 + 1)
        var none: [Int] = []
        [Int]().concurrentMap(window: 4, { $0 }) { none.append($0) }
        #expect(none.isEmpty)
    }

    struct Stop: Error {}

    @Test func windowedMapStopsWhenConsumeThrows() {
        let alive = Alive()
        var consumed = 0
        #expect(throws: Stop.self) {
            try Array(0..<10_000).concurrentMap(window: 4, { value -> Int in
                alive.made()
                return value
            }) { value in
                consumed += 1
                if value == 9 { throw Stop() }
            }
        }
        #expect(consumed == 10)
        // The ten consumed and at most a window's more were started, not the 10,000.
        #expect(alive.most <= 10 + 4)
    }
}
