import Dispatch

extension Array {
    /// `map` run on all cores, results in order. `transform` must be safe to call concurrently.
    package func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: count) { slots[$0] = transform(self[$0]) }
        return slots.map { $0! }
    }
}
