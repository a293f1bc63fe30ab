
/// Writes the caches' binary form (the lint cache, the site cache): integers as zigzag LEB128 varints, hashes as eight
/// little-endian bytes, strings length-prefixed UTF-8.
package struct CacheWriter {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A hash, in eight bytes.
    package mutating func hash(_ value: ContentHash) {
        withUnsafeBytes(of: value.value.littleEndian) { bytes += $0 }
    }

    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { text in
            int(text.count)
            bytes.append(contentsOf: text)
        }
    }

    /// Bytes as they are, without their count.
    package mutating func raw(_ value: some Collection<UInt8>) { bytes += value }

    package mutating func optional(_ value: String?) {
        int(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    /// A file's stamp, or none.
    package mutating func stamp(_ stamp: FileStamp?) {
        int(stamp == nil ? 0 : 1)
        guard let stamp else { return }
        for value in [stamp.size, stamp.modified, stamp.changed, Int64(bitPattern: stamp.device), Int64(bitPattern: stamp.inode)] {
            int(Int(value))
        }
    }

    package mutating func position(_ value: SourcePosition) {
        int(value.line)
        int(value.column)
        int(value.offset)
    }

    /// A finding; its path written empty when it is `previousPath` (findings come by note).
    package mutating func finding(_ finding: Finding, previousPath: String? = nil) {
        string(finding.path == previousPath ? "" : finding.path)
        position(finding.range.start)
        position(finding.range.end)
        string(finding.ruleID)
        string(finding.severity.rawValue)
        string(finding.message)
        int(finding.fix == nil ? 0 : 1)
        guard let fix = finding.fix else { return }
        // A fix is kept as lint reports it, without its edits: working them out may be costly
        // (`git log`), and `fix` never reads the cache.
        string(fix.summary)
        string(fix.applicability.rawValue)
    }

    /// Findings, each path written empty when it is the one before (or, for the first, `path`).
    package mutating func findings(_ findings: [Finding], of path: String? = nil) {
        int(findings.count)
        var path = path
        for item in findings {
            finding(item, previousPath: path)
            path = item.path
        }
    }

    package mutating func error(_ error: NoteError) {
        string(error.path)
        string(error.code.rawValue)
        string(error.message)
        int(error.position == nil ? 0 : 1)
        if let position = error.position { self.position(position) }
    }
}

/// Reads what `CacheWriter` wrote from some bytes of the cache file (without copying them);
/// nil for anything out of bounds or unknown, so that a damaged cache file is an empty cache,
/// never a crash.
package struct CacheReader {
    private let bytes: ArraySlice<UInt8>
    package private(set) var index: Int

    package init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    package var isAtEnd: Bool { index == bytes.endIndex }

    package mutating func int() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.endIndex, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)) }
            shift += 7
        }
        return nil
    }

    /// What `CacheWriter.hash` wrote.
    package mutating func hash() -> ContentHash? {
        guard bytes.endIndex - index >= 8 else { return nil }
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
        index += 8
        return ContentHash(value: value)
    }

    /// A count of items, each at least `minimumSize` bytes, that fits in what is left.
    package mutating func count(minimumSize: Int = 1) -> Int? {
        guard let value = int(), value >= 0, value <= (bytes.endIndex - index) / max(1, minimumSize) else { return nil }
        return value
    }

    /// The next `count` bytes, not copied.
    package mutating func raw(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.endIndex - index >= count else { return nil }
        defer { index += count }
        return bytes[index..<(index + count)]
    }

    package mutating func string() -> String? {
        guard let count = count(), let raw = raw(count) else { return nil }
        return String(decoding: raw, as: UTF8.self)
    }

    package mutating func optional() -> String?? { optional { $0.string() } }

    /// A flag, then what `read` reads when it is 1: `.some(nil)` for 0, nil for damaged bytes.
    package mutating func optional<Value>(_ read: (inout CacheReader) -> Value?) -> Value?? {
        switch int() {
        case 0: return .some(nil)
        case 1: return read(&self).map { $0 }
        default: return nil
        }
    }

    /// What `CacheWriter.stamp` wrote: `.some(nil)` for no stamp, nil for damaged bytes.
    package mutating func stamp() -> FileStamp?? {
        switch int() {
        case 0: return .some(nil)
        case 1:
            guard let size = int(), let modified = int(), let changed = int(), let device = int(), let inode = int() else { return nil }
            return FileStamp(size: Int64(size), modified: Int64(modified), changed: Int64(changed),
                             device: UInt64(bitPattern: Int64(device)), inode: UInt64(bitPattern: Int64(inode)))
        default: return nil
        }
    }

    /// The hash of the bytes not read yet, to check them against a checksum.
    package var rest: ContentHash { ContentHash(bytes[index...]) }

    package mutating func position() -> SourcePosition? {
        guard let line = int(), let column = int(), let offset = int() else { return nil }
        return SourcePosition(line: line, column: column, offset: offset)
    }

    /// A finding; an empty path is `previousPath`.
    package mutating func finding(previousPath: String? = nil) -> Finding? {
        guard let written = string(), let path = written.isEmpty ? previousPath : written, let start = position(), let end = position(), let ruleID = string(),
              let severity = string().flatMap(Severity.init(rawValue:)), let message = string(), let hasFix = int()
        else { return nil }
        var fix: Fix?
        if hasFix == 1 {
            guard let summary = string(), let applicability = string().flatMap(Fix.Applicability.init(rawValue:)) else { return nil }
            fix = Fix(summary, edits: [], applicability: applicability)
        } else if hasFix != 0 {
            return nil
        }
        return Finding(path: path, range: SourceRange(start: start, end: end), ruleID: ruleID, severity: severity,
                       message: message, fix: fix)
    }

    /// What `CacheWriter.findings(_:of:)` wrote, given the same `path`.
    package mutating func findings(of path: String? = nil) -> [Finding]? {
        // A finding takes at least 13 bytes (six positions, four strings, a flag).
        guard let count = count(minimumSize: 13) else { return nil }
        var findings: [Finding] = []
        findings.reserveCapacity(count)
        for _ in 0..<count {
            guard let finding = finding(previousPath: findings.last?.path ?? path) else { return nil }
            findings.append(finding)
        }
        return findings
    }

    package mutating func error() -> NoteError? {
        guard let path = string(), let code = string().flatMap(ParseDiagnostic.Code.init(rawValue:)), let message = string(),
              let hasPosition = int() else { return nil }
        switch hasPosition {
        case 0: return NoteError(path: path, code: code, message: message)
        case 1: return position().map { NoteError(path: path, code: code, message: message, position: $0) }
        default: return nil
        }
    }
}
