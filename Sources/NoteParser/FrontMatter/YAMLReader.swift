/// Reads front-matter YAML into `YAMLValue`s, within resource limits.
struct YAMLReader {
    /// Limits that keep hostile YAML (alias bombs, deep nesting) cheap.
    struct Limits {
        var maxNodes = 100_000
        var maxDepth = 64
    }

    enum Failure: Error {
        /// A YAML error at a 1-based line and column (in code points) of the text read.
        case syntax(message: String, line: Int, column: Int)
        /// A key repeated in a nested map (top-level repeats are entries of their own, which
        /// the front-matter scanner reports).
        case duplicateKeys(message: String, line: Int, column: Int)
        case limit(String)
    }

    let limits: Limits

    /// libyaml (YAML 1.1) breaks lines at U+2028 and U+2029, notes split on `\n` only: they are
    /// read as the noncharacters U+FDD0 and U+FDD1 (as long in UTF-8), then restored in values.
    private static let separators: [UInt8] = [0xA8, 0xA9]  // U+2028, U+2029: E2 80 A8, E2 80 A9
    private static let standIns: [UInt8] = [0x90, 0x91]  // U+FDD0, U+FDD1: EF B7 90, EF B7 91

    /// Reads `text` and returns its top-level entries: the common shapes with
    /// `SimpleYAMLReader`, the rest composed from libyaml's events.
    func readMapping(_ text: String) throws(Failure) -> YAMLComposer.Mapping {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(Failure) in try readMapping(bytes) } }.get()
    }

    /// `readMapping(_:)` of UTF-8 bytes, read in place (a string is made of them only for libyaml).
    func readMapping(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> YAMLComposer.Mapping {
        // The simple reader reads only text within the nesting limits: the check is for the rest.
        if let mapping = SimpleYAMLReader.readMapping(bytes, limits: limits) { return mapping }
        if let failure = nestingFailure(bytes) { throw failure }
        return try compose(String(decoding: bytes, as: UTF8.self))
    }

    /// Composes `text` from libyaml's events and returns its top-level entries.
    func compose(_ text: String) throws(Failure) -> YAMLComposer.Mapping {
        let masked = Self.swapping(text, from: (0xE2, 0x80, Self.separators), to: (0xEF, 0xB7, Self.standIns))
        let composer = YAMLComposer(limits: limits, restore: Self.restore)
        return try composer.compose(Array(masked.utf8)) ?? YAMLComposer.Mapping(entries: [], isFlow: false)
    }

    /// The nesting or indentation limit `bytes` go past, if any.
    func nestingFailure(_ bytes: UnsafeBufferPointer<UInt8>) -> Failure? {
        var depth = 0
        var indent = 0
        var atLineStart = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limits.maxDepth { return .limit("YAML nested deeper than \(limits.maxDepth) levels") }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "\n"): atLineStart = true; indent = 0; continue
            case UInt8(ascii: " ") where atLineStart:
                indent += 1
                if indent > limits.maxDepth * 8 { return .limit("YAML indented deeper than \(limits.maxDepth * 8) spaces") }
                continue
            default: break
            }
            atLineStart = false
        }
        return nil
    }

    private static func restore(_ text: String) -> String {
        swapping(text, from: (0xEF, 0xB7, standIns), to: (0xE2, 0x80, separators))
    }

    /// `text` with each three-byte character `from` (two lead bytes, then one of the last
    /// bytes) replaced by the one of `to` at the same place in its list.
    private static func swapping(_ text: String, from: (UInt8, UInt8, [UInt8]), to: (UInt8, UInt8, [UInt8])) -> String {
        guard text.utf8.contains(from.0) else { return text }
        var bytes = Array(text.utf8)
        var changed = false
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == from.0, bytes[index + 1] == from.1, let which = from.2.firstIndex(of: bytes[index + 2]) {
                bytes[index] = to.0
                bytes[index + 1] = to.1
                bytes[index + 2] = to.2[which]
                changed = true
                index += 3
            } else {
                index += 1
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }
}
