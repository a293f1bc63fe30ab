#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with one `open`, `fstat` and as few `read`s as the size allows.
/// Only regular files are read: a FIFO, device or socket is refused before any read (it is
/// opened without blocking, so a FIFO without a writer cannot hang the run).
package enum FileReader {
    package enum Failure: Error {
        /// The file is larger than the limit; its size in bytes.
        case tooLarge(Int)
        /// The system refused; its error text.
        case system(String)
    }

    /// The bytes of the file at `path`, refused when it is larger than `maxBytes`.
    package static func bytes(at path: String, maxBytes: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw .system(Self.errorText()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system(Self.errorText()) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .system(Self.notRegular(status.st_mode)) }
        let size = Int(status.st_size)
        guard size <= maxBytes else { throw .tooLarge(size) }
        // One byte more than the size, to see the end in the same read; no zero-filling.
        var failure: Failure?
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                switch read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized) {
                case 0: return
                case let count where count > 0: initialized += count
                default:
                    if errno == EINTR { continue }
                    failure = .system(Self.errorText())
                    return
                }
            }
        }
        if let failure { throw failure }
        // The file grew since `fstat`, or reports size 0: read on to the end.
        var chunk = [UInt8](repeating: 0, count: bytes.count > size ? 65536 : 0)
        while !chunk.isEmpty {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(Self.errorText())
            }
            if count == 0 { break }
            bytes += chunk[..<count]
            guard bytes.count <= maxBytes else { throw .tooLarge(bytes.count) }
        }
        guard bytes.count <= maxBytes else { throw .tooLarge(bytes.count) }
        return bytes
    }

    /// Why a file of type `mode` is not read: "not a regular file (a FIFO)" and the like.
    static func notRegular(_ mode: mode_t) -> String {
        let kind: String
        switch mode & S_IFMT {
        case S_IFDIR: return String(cString: strerror(EISDIR))
        case S_IFIFO: kind = "a FIFO"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "of an unknown type"
        }
        return "not a regular file (\(kind))"
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
