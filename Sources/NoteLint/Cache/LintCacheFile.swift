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
    /// Parts of it are addressed by their offsets in the file. A run's spill file (`init(spillingBeside:)`)
    /// is one too: the entries and quoted lines it keeps, written as they are encoded.
    final class File: @unchecked Sendable {
        private let descriptor: Int32
        /// The file's size when it was opened; a spill file's grows with each `append(_:)`.
        private(set) var size: Int
        /// Whether an append to a spill file failed (its end is then unknown: nothing more is appended).
        private var appendFailed = false
        /// Whether it is a spill file (`init(spillingBeside:)`).
        private let isSpill: Bool
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
            isSpill = false
        }

        /// A new file in the folder of `path` for this run's entries and quoted lines, removed from the folder at
        /// once (only its descriptor names it, and it goes with it); nil when it cannot be made.
        init?(spillingBeside path: String) {
            var template = Array((path + ".spill-XXXXXX").utf8CString)
            descriptor = mkstemp(&template)
            guard descriptor >= 0 else { return nil }
            unlink(template)
            size = 0
            isSpill = true
        }

        deinit { close(descriptor) }

        /// Writes `bytes` at the end of a spill file: where they lie, nil when they cannot all be written.
        func append(_ bytes: ArraySlice<UInt8>) -> Range<Int>? {
            lock.lock()
            defer { lock.unlock() }
            guard !appendFailed else { return nil }
            guard FileWriter.writeAll(bytes, to: descriptor) else {
                appendFailed = true
                return nil
            }
            size += bytes.count
            return (size - bytes.count)..<size
        }

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
        /// time; nil when they cannot be read or are damaged. A spill file's are read alone.
        func quotedBytes(_ range: Range<Int>) -> ArraySlice<UInt8>? {
            if isSpill { return read(range)?[...] }
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

        /// Whether the bytes are `file`'s.
        func isIn(_ file: File?) -> Bool {
            if case .file(_, let own) = self { return own === file }
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
