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
}

/// The result buffer shared by the iterations of `concurrentMap`. Sendable although it is a
/// mutable pointer: iteration `i` writes slot `i` only (no two tasks touch one slot), and the
/// array reads them only after `concurrentPerform` has returned, which waits for every iteration.
private struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
}
