#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NoteParser

extension LintCache {
    /// The cache file a run read, open: its beginning (header, index, the report's findings) is
    /// read at once; the rest (quoted lines, entries: most of the file) only when the run asks for
    /// some of it, from the same open file (the same bytes, even if another run replaced the file
    /// meanwhile). Parts of it are addressed by their offsets in the file.
    final class File: @unchecked Sendable {
        private let descriptor: Int32
        /// The file's size when it was opened.
        let size: Int
        /// The quoted lines' parts and the hash of their hashes, checked when the rest is read.
        var quoted: (parts: [Range<Int>], hash: ContentHash)?
        /// The whole file once the rest was asked for: empty when it could not be read, or its
        /// quoted lines are damaged.
        private var whole: [UInt8]?
        private let lock = NSLock()

        /// The regular file at `path`, open; nil when there is none or it cannot be opened.
        init?(path: String) {
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
            guard descriptor >= 0 else { return nil }
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                return nil
            }
            size = Int(status.st_size)
        }

        deinit { close(descriptor) }

        /// The bytes at `range` of the file, read now; nil when they cannot all be read.
        func read(_ range: Range<Int>) -> [UInt8]? {
            guard range.lowerBound >= 0, range.upperBound <= size else { return nil }
            var complete = true
            let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
                initialized = 0
                while initialized < range.count {
                    let count = pread(descriptor, buffer.baseAddress! + initialized, range.count - initialized, off_t(range.lowerBound + initialized))
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { break }
                    initialized += count
                }
                complete = initialized == range.count
            }
            return complete ? bytes : nil
        }

        /// The bytes at `range` of the file, the whole file read the first time; nil when it
        /// cannot be read or its quoted lines are damaged.
        func bytes(_ range: Range<Int>) -> ArraySlice<UInt8>? {
            lock.lock()
            defer { lock.unlock() }
            if whole == nil {
                var read = self.read(0..<size) ?? []
                if let quoted, !read.isEmpty {
                    var hash = ContentHash()
                    for part in quoted.parts { hash.combine(ContentHash(read[part])) }
                    if hash != quoted.hash { read = [] }
                }
                whole = read
            }
            guard let whole, range.upperBound <= whole.count else { return nil }
            return whole[range]
        }

        /// The bytes at `range` of the file: read alone, unless the whole file was read.
        func part(_ range: Range<Int>) -> ArraySlice<UInt8>? {
            lock.lock()
            let whole = whole
            lock.unlock()
            if let whole, range.upperBound <= whole.count { return whole[range] }
            return read(range)?[...]
        }

        /// Whether the rest was read and found damaged or unreadable.
        var isDamaged: Bool {
            lock.lock()
            defer { lock.unlock() }
            return whole?.isEmpty == true && size > 0
        }
    }

    /// Bytes of an entry or of a note's quoted lines: its own, or a part of the cache file read,
    /// read when first asked for.
    enum Part: @unchecked Sendable {
        case own(ArraySlice<UInt8>)
        case file(Range<Int>, File)

        /// The bytes; nil when the file's cannot be read (or are damaged).
        var bytes: ArraySlice<UInt8>? {
            switch self {
            case .own(let bytes): return bytes
            case .file(let range, let file): return file.bytes(range)
            }
        }

        /// The bytes of an entry (checked by its own hash), read alone when the rest of the file
        /// was not read: a run that decodes one entry does not read them all.
        var entryBytes: ArraySlice<UInt8>? {
            switch self {
            case .own(let bytes): return bytes
            case .file(let range, let file): return file.part(range)
            }
        }

        /// Whether the bytes are the cache file's.
        var isInFile: Bool {
            if case .file = self { return true }
            return false
        }
    }
}
