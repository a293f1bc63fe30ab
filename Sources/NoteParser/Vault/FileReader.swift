#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with one `open`, `fstat` and as few `read`s as the size allows.
enum FileReader {
    enum Failure: Error {
        /// The file is larger than the limit; its size in bytes.
        case tooLarge(Int)
        /// The system refused; its error text.
        case system(String)
    }

    /// The bytes of the file at `path`, refused when it is larger than `maxBytes`.
    static func bytes(at path: String, maxBytes: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(Self.errorText()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system(Self.errorText()) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .system(String(cString: strerror(EISDIR))) }
        let size = Int(status.st_size)
        guard size <= maxBytes else { throw .tooLarge(size) }
        // Read to the end, not just `size` bytes: the file may grow, and some report size 0.
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += repeatElement(0, count: max(4096, bytes.count)) }
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(Self.errorText())
            }
            if count == 0 { break }
            filled += count
            guard filled <= maxBytes else { throw .tooLarge(filled) }
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
