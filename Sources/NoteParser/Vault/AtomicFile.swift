import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces files all at once: a reader sees the old bytes or the new ones, never a mix.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path): \(message)" }
    }

    /// Writes `data` to `path` through a temporary file in the same directory (fsync, then
    /// rename), keeping the file's mode.
    ///
    /// `expectedOriginal` is what the caller read before: the write is refused when the file
    /// changed since (or, for nil, when a file appeared), so edits made meanwhile are not lost.
    public static func write(_ data: Data, to path: String, expectedOriginal: Data?) throws(WriteError) {
        func fail(_ message: String) -> WriteError { WriteError(path: path, message: message) }
        let current = FileManager.default.contents(atPath: path)
        guard current == expectedOriginal else {
            throw fail(expectedOriginal == nil ? "file appeared since it was read" : "file changed since it was read")
        }
        var status = stat()
        let mode = stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".notekit-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw fail("cannot create a temporary file: \(String(cString: strerror(errno)))") }
        let temporary = String(cString: template)
        var done = false
        defer {
            if !done { unlink(temporary) }
        }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue } else { return false } }
                offset += count
            }
            return true
        }
        let modeSet = fchmod(descriptor, mode ?? (0o666 & ~currentUmask())) == 0
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, modeSet, synced else { throw fail("cannot write: \(String(cString: strerror(errno)))") }
        guard rename(temporary, path) == 0 else { throw fail("cannot replace: \(String(cString: strerror(errno)))") }
        done = true
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}
