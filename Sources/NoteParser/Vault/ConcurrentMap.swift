import Dispatch

extension Array where Element: Sendable {
    /// `map` run on all cores, results in order.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            let slots = Slots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: count) { [self] index in
                slots.buffer.initializeElement(at: index, to: transform(self[index]))
            }
            initializedCount = count
        }
    }

    /// `concurrentMap` a chunk of `chunkSize` elements at a time, each chunk's results handed
    /// to `consume` in order before the next chunk starts: only one chunk's results are alive
    /// at once, whatever the number of elements.
    package func concurrentMap<T: Sendable>(chunkSize: Int, _ transform: @Sendable (Element) -> T,
                                            consume: ([T]) throws -> Void) rethrows {
        var start = startIndex
        while start < endIndex {
            let end = Swift.min(start + Swift.max(chunkSize, 1), endIndex)
            try consume(Array(self[start..<end]).concurrentMap(transform))
            start = end
        }
    }
}

/// The result buffer shared by the iterations of `concurrentMap`. Sendable although it is a
/// mutable pointer: iteration `i` writes slot `i` only (no two tasks touch one slot), and the
/// array reads them only after `concurrentPerform` has returned, which waits for every iteration.
private struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
}
