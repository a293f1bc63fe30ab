#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says of a file without reading it: size, modification and status-change times
/// (nanoseconds), device and inode. A write changes the status-change time, which no tool can
/// set back, so equal stamps mean an unchanged file, as long as both were taken after the
/// file's last change could show in its times (see `isSettled(before:)`).
package struct FileStamp: Hashable, Sendable {
    package let size: Int64
    package let modified: Int64
    package let changed: Int64
    package let device: UInt64
    package let inode: UInt64

    package init(size: Int64, modified: Int64, changed: Int64, device: UInt64, inode: UInt64) {
        (self.size, self.modified, self.changed, self.device, self.inode) = (size, modified, changed, device, inode)
    }

    /// The stamp of the file at `path` (symbolic links followed); nil when there is none.
    package init?(of path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        #if canImport(Darwin)
        let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
        let (modified, changed) = (status.st_mtim, status.st_ctim)
        #endif
        self.init(size: Int64(status.st_size),
                  modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
                  changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
                  device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// The current time in the same nanoseconds.
    package static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// True when the file's times are a second or more before `time`: a change made after
    /// `time` then shows as a later time even where file times are coarse (a tick of the
    /// kernel's clock, a second on some file systems), so the stamp can stand for the content.
    package func isSettled(before time: Int64) -> Bool {
        max(modified, changed) < time - 1_000_000_000
    }
}
