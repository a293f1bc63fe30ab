import NoteParser

/// Writes the lint cache's binary form: little-endian integers, length-prefixed UTF-8.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes += $0 }
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes += value.utf8
    }

    /// Bytes another writer wrote, length first.
    mutating func block(_ value: [UInt8]) {
        int(value.count)
        bytes += value
    }

    mutating func optional(_ value: String?) {
        int(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func position(_ value: SourcePosition) {
        int(value.line)
        int(value.column)
        int(value.offset)
    }

    /// A finding; its path written empty when it is `previousPath` (findings come by note).
    mutating func finding(_ finding: Finding, previousPath: String? = nil) {
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

    mutating func findings(_ findings: [Finding]) {
        int(findings.count)
        var path: String?
        for item in findings {
            finding(item, previousPath: path)
            path = item.path
        }
    }

    mutating func error(_ error: NoteError) {
        string(error.path)
        string(error.code.rawValue)
        string(error.message)
        int(error.position == nil ? 0 : 1)
        if let position = error.position { self.position(position) }
    }
}

/// Reads what `CacheWriter` wrote; nil for anything out of bounds or unknown, so that a
/// damaged cache file is an empty cache, never a crash.
struct CacheReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    /// The hash of the bytes not read yet, to check them against a checksum.
    var rest: ContentHash { ContentHash(bytes[index...]) }

    mutating func int() -> Int? {
        guard bytes.count - index >= 8 else { return nil }
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
        index += 8
        return Int(Int64(bitPattern: value))
    }

    /// A count of items, each at least `minimumSize` bytes, that fits in what is left.
    mutating func count(minimumSize: Int = 8) -> Int? {
        guard let value = int(), value >= 0, value <= (bytes.count - index) / max(1, minimumSize) else { return nil }
        return value
    }

    mutating func string() -> String? {
        guard let count = count(minimumSize: 1) else { return nil }
        defer { index += count }
        return String(decoding: bytes[index..<(index + count)], as: UTF8.self)
    }

    /// What `CacheWriter.block` wrote.
    mutating func block() -> [UInt8]? {
        guard let count = count(minimumSize: 1) else { return nil }
        defer { index += count }
        return Array(bytes[index..<(index + count)])
    }

    mutating func optional() -> String?? {
        switch int() {
        case 0: return .some(nil)
        case 1: return string().map { $0 }
        default: return nil
        }
    }

    mutating func position() -> SourcePosition? {
        guard let line = int(), let column = int(), let offset = int() else { return nil }
        return SourcePosition(line: line, column: column, offset: offset)
    }

    /// A finding; an empty path is `previousPath`.
    mutating func finding(previousPath: String? = nil) -> Finding? {
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

    mutating func findings() -> [Finding]? {
        guard let count = count() else { return nil }
        var findings: [Finding] = []
        findings.reserveCapacity(count)
        for _ in 0..<count {
            guard let finding = finding(previousPath: findings.last?.path) else { return nil }
            findings.append(finding)
        }
        return findings
    }

    mutating func error() -> NoteError? {
        guard let path = string(), let code = string().flatMap(ParseDiagnostic.Code.init(rawValue:)), let message = string(),
              let hasPosition = int() else { return nil }
        switch hasPosition {
        case 0: return NoteError(path: path, code: code, message: message)
        case 1: return position().map { NoteError(path: path, code: code, message: message, position: $0) }
        default: return nil
        }
    }
}
