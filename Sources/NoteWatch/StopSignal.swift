#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM turned into a readable file descriptor (a self-pipe), so that a loop
/// waiting in `poll` ends between two batches, never in the middle of a write.
public enum StopSignal {
    nonisolated(unsafe) fileprivate static var writeEnd: Int32 = -1
    nonisolated(unsafe) private static var readEnd: Int32 = -1

    /// The descriptor that becomes readable once SIGINT or SIGTERM arrived. The two signals are
    /// unblocked (a parent may have blocked them).
    public static func install() -> Int32 {
        if readEnd < 0 {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { return -1 }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
            (readEnd, writeEnd) = (ends[0], ends[1])
        }
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM] {
            sigaddset(&set, number)
            signal(number) { _ in
                var byte: UInt8 = 1
                _ = write(StopSignal.writeEnd, &byte, 1)
            }
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        return readEnd
    }
}
