#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The debounce every watcher shares: gathers changes until none came for a while.
enum Settling {
    /// Gathers changes into a batch and returns it once `debounce` seconds passed without a new
    /// one; nil as soon as `stop` becomes readable. `collect` adds what changed to the batch and
    /// says whether anything did; it runs when `descriptor` becomes readable (-1: never) and, with
    /// `tick`, every `tick` seconds.
    static func next(debounce: Double, stop: Int32, descriptor: Int32, tick: Double? = nil,
                     collect: (inout ChangeBatch) -> Bool) -> ChangeBatch? {
        var batch = ChangeBatch()
        var lastChange: Double?
        var nextTick = tick.map { now() + $0 }
        while true {
            var deadline = nextTick ?? .infinity
            if let lastChange {
                if lastChange + debounce <= now() { return batch }
                deadline = min(deadline, lastChange + debounce)
            }
            let timeout = deadline == .infinity ? -1 : Int32(max(0, ((deadline - now()) * 1000).rounded(.up)))
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { return nil }
            if fds[1].revents != 0 { return nil }
            let ticked = nextTick.map { now() >= $0 } ?? false
            if ticked, let tick { nextTick = now() + tick }
            if fds[0].revents != 0 || ticked, collect(&batch), !batch.isEmpty { lastChange = now() }
        }
    }

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
