import Dispatch

/// Runs `work` on another thread and returns the value it hands to `deliver` as soon as it
/// hands it: what `work` frees after that (its locals, when it returns) is freed on that thread
/// while the caller goes on. `work` calls `deliver` exactly once.
package func handedOver<T: Sendable>(_ work: @escaping @Sendable (_ deliver: (T) -> Void) -> Void) -> T {
    let slot = HandOverSlot<T>()
    DispatchQueue.global().async {
        work { value in
            slot.value = value
            slot.ready.signal()
        }
    }
    slot.ready.wait()
    return slot.value!
}

/// The value `handedOver` waits for. Sendable although mutable: it is written once, before the
/// semaphore is signalled, and read only after the wait returns.
private final class HandOverSlot<T>: @unchecked Sendable {
    var value: T?
    let ready = DispatchSemaphore(value: 0)
}
