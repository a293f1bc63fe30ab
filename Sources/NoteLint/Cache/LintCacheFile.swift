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
    /// meanwhile), and parts of it a new cache file keeps are copied from it by the kernel.
    /// Parts of it are addressed by their offsets in the file.
    final class File: @unchecked Sendable {
        private let descriptor: Int32
        /// The file's size when it was opened.
        let size: Int
        /// The quoted lines' parts and the hash of their hashes, checked when the rest is read.
        var quoted: (parts: [Range<Int>], hash: ContentHash)?
        /// The quoted lines (all of them, from the first part's offset) once some were asked
        /// for: empty when they could not be read or are damaged.
        private var quotedLines: (start: Int, bytes: [UInt8])?
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

        /// The quoted lines at `range` of the file, all of them read (and checked) the first
        /// time; nil when they cannot be read or are damaged.
        func quotedBytes(_ range: Range<Int>) -> ArraySlice<UInt8>? {
            lock.lock()
            defer { lock.unlock() }
            if quotedLines == nil {
                let parts = quoted?.parts ?? []
                let start = parts.first?.lowerBound ?? 0
                var read = self.read(start..<(parts.last?.upperBound ?? start)) ?? []
                if let quoted, !read.isEmpty {
                    var hash = ContentHash()
                    for part in quoted.parts { hash.combine(ContentHash(read[(part.lowerBound - start)..<(part.upperBound - start)])) }
                    if hash != quoted.hash { read = [] }
                }
                quotedLines = (start, read)
            }
            guard let (start, bytes) = quotedLines, range.lowerBound >= start, range.upperBound - start <= bytes.count else { return nil }
            return bytes[(range.lowerBound - start)..<(range.upperBound - start)]
        }

        /// Whether the quoted lines were read and found damaged or unreadable.
        var isDamaged: Bool {
            lock.lock()
            defer { lock.unlock() }
            return quotedLines?.bytes.isEmpty == true && quoted?.parts.isEmpty == false
        }

        /// Appends the bytes at `range` of the file to the open file `output`, copied by the
        /// kernel (`sendfile`) where it can; false when they cannot all be copied.
        func copy(_ range: Range<Int>, to output: Int32) -> Bool {
            guard range.lowerBound >= 0, range.upperBound <= size else { return false }
#if canImport(Glibc)
            var offset = range.lowerBound
            while offset < range.upperBound {
                let count = sendfile(output, descriptor, &offset, range.upperBound - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
            }
            return true
#else
            guard let bytes = read(range) else { return false }
            return FileWriter.writeAll(bytes, to: output)
#endif
        }
    }

    /// Bytes of an entry or of a note's quoted lines: its own, or a part of the cache file read,
    /// read when first asked for.
    enum Part: @unchecked Sendable {
        case own(ArraySlice<UInt8>)
        case file(Range<Int>, File)

        /// The bytes of quoted lines; nil when the file's cannot be read (or are damaged).
        var quotedBytes: ArraySlice<UInt8>? {
            switch self {
            case .own(let bytes): return bytes
            case .file(let range, let file): return file.quotedBytes(range)
            }
        }

        /// The bytes of an entry (checked by its own hash), read alone: a run that decodes one
        /// entry does not read them all.
        var entryBytes: ArraySlice<UInt8>? {
            switch self {
            case .own(let bytes): return bytes
            case .file(let range, let file): return file.read(range)?[...]
            }
        }

        /// How many bytes it has.
        var count: Int {
            switch self {
            case .own(let bytes): return bytes.count
            case .file(let range, _): return range.count
            }
        }

        /// Whether the bytes are the cache file's.
        var isInFile: Bool {
            if case .file = self { return true }
            return false
        }

        /// Appends the bytes to the open file `output` (those of the cache file copied from it);
        /// false when they cannot all be written.
        func write(to output: Int32) -> Bool {
            switch self {
            case .own(let bytes): return FileWriter.writeAll(bytes, to: output)
            case .file(let range, let file): return file.copy(range, to: output)
            }
        }
    }
}
