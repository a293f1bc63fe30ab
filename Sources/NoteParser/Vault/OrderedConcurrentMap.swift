import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` run on all cores, each result handed to `consume` on the calling thread in order
    /// as soon as it and those before it are done; the cores go on with the next elements
    /// meanwhile, at most `window` ahead of the one consumed. Only those results are alive at
    /// once, whatever the number of elements. When `consume` throws, no further element is
    /// started and the call returns once those started are done.
    package func concurrentMap<T: Sendable>(window: Int, _ transform: @escaping @Sendable (Element) -> T,
                                            consume: (T) throws -> Void) rethrows {
        guard !isEmpty else { return }
        let results = OrderedResults<T>(count: count, window: Swift.max(window, 1))
        let elements = self
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                guard results.admit(index) else { return }
                results.put(index, transform(elements[index]))
            }
            done.signal()
        }
        defer {
            results.stop()
            done.wait()
        }
        for index in indices { try consume(results.take(index)) }
    }
}

/// The results of an ordered `concurrentMap(window:_:consume:)`: element `i` starts once fewer
/// than `window` results before it are unconsumed, and is taken in order.
private final class OrderedResults<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [T?]
    private let window: Int
    /// Results taken so far (the next one to take).
    private var taken = 0
    private var stopped = false

    init(count: Int, window: Int) {
        slots = Array(repeating: nil, count: count)
        self.window = window
    }

    /// Waits until element `index` may start; false when the map was stopped.
    func admit(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && index >= taken + window { condition.wait() }
        return !stopped
    }

    func put(_ index: Int, _ result: T) {
        condition.lock()
        slots[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the result of element `index` (the next in order) and removes it.
    func take(_ index: Int) -> T {
        condition.lock()
        defer { condition.unlock() }
        while slots[index] == nil { condition.wait() }
        let result = slots[index].take()!
        taken = index + 1
        condition.broadcast()
        return result
    }

    /// Lets no further element start.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
