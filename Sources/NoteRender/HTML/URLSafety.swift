import Foundation
import NoteParser

/// Keeps script-running URLs (`javascript:`, `vbscript:`, `data:` other than images) out of
/// rendered pages, even when raw HTML is let through.
enum URLSafety {
    /// True when a browser following `url` would not run script.
    static func isSafe(_ url: String) -> Bool {
        if let verdict = asciiVerdict(url.utf8) { return verdict }
        let decoded = decodeEntities(url).unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let compact = String(String.UnicodeScalarView(decoded)).lowercased()
        if compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") { return false }
        if compact.hasPrefix("data:") { return compact.hasPrefix("data:image/") && !compact.hasPrefix("data:image/svg") }
        return true
    }

    /// `isSafe` read on the bytes of a URL of ASCII characters without `&` (no entity to decode):
    /// its first 14 bytes above space (DEL left out), lowercased; nil for any other URL.
    private static func asciiVerdict(_ url: some Sequence<UInt8>) -> Bool? {
        // The head on the stack: this runs for most links of every page.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 14) { buffer -> Bool? in
            var count = 0
            for byte in url {
                guard byte < 0x80, byte != UInt8(ascii: "&") else { return nil }
                if byte > 0x20, byte != 0x7F, count < 14 {
                    buffer[count] = Byte.lowercased(byte)
                    count += 1
                }
            }
            let head = buffer[..<count]
            func starts(with prefix: String) -> Bool { head.starts(with: prefix.utf8) }
            if starts(with: "javascript:") || starts(with: "vbscript:") { return false }
            if starts(with: "data:") { return starts(with: "data:image/") && !starts(with: "data:image/svg") }
            return true
        }
    }

    /// Attributes holding a URL, a list of URLs (`srcset`; SVG animation values, which can set
    /// `href`), or pinging URLs (`ping`, always emptied); lowercase, tried in this order.
    private static let attributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
                                     "codebase", "cite", "longdesc", "dynsrc", "lowsrc", "srcset", "imagesrcset", "values",
                                     "to", "from", "by", "ping"].map { Array($0.utf8) }

    /// For each byte, the attributes whose name starts with it (in either case), in their order.
    private static let namesStartingWith: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for name in attributes {
            table[Int(name[0])].append(name)
            table[Int(name[0] - 0x20)].append(name)
        }
        return table
    }()

    /// For each byte, whether an attribute name can start with it: most places start none, and
    /// are passed without trying the names.
    private static let startsName = namesStartingWith.map { !$0.isEmpty }

    /// The longest name's length: a name that fits ends on the last byte before an `=` (and
    /// its spaces), so only the places this close before it can start one.
    private static let longestName = attributes.map(\.count).max() ?? 0

    /// `html` with every unsafe `href`, `src` and similar attribute value emptied: each
    /// `NAME = VALUE` (any case, ASCII spaces around `=`, the value quoted or bare) that starts
    /// a word, wherever it is. One pass over the bytes, the first name that fits at each place;
    /// only the places just before each `=` are tried.
    static func filterAttributes(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        var copied = 0, index = 0
        let startsName = Self.startsName, namesStartingWith = Self.namesStartingWith
        // A quote opened after its kind's last one is never closed: no scan to the end for it.
        let lastQuotes = (double: bytes.lastIndex(of: UInt8(ascii: "\"")) ?? -1, single: bytes.lastIndex(of: UInt8(ascii: "'")) ?? -1)
        // The next `=` from `index`, and the last byte before it that is not a space: a name that
        // fits at `index` or later (before the `=`) ends there.
        var nextEquals = -1, nameEnd = -1
        while index < bytes.count {
            if nextEquals < index {
                guard let found = bytes.withUnsafeBufferPointer({ buffer -> Int? in
                    guard let base = buffer.baseAddress, let hit = memchr(base + index, Int32(UInt8(ascii: "=")), buffer.count - index)
                    else { return nil }
                    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }) else { break }
                nextEquals = found
                nameEnd = nextEquals - 1
                while nameEnd >= index, Byte.isCharacterWhitespace(bytes[nameEnd]) { nameEnd -= 1 }
            }
            guard index <= nameEnd else {
                index = nextEquals + 1
                continue
            }
            index = max(index, nameEnd - Self.longestName + 1)
            guard startsName[Int(bytes[index])], index == 0 || !isWordByte(bytes[index - 1]),
                  let (name, equals, value) = attribute(at: index, in: bytes, names: namesStartingWith[Int(bytes[index])],
                                                        lastQuotes: lastQuotes) else {
                index += 1
                continue
            }
            let quoted = bytes[value]
            let unquoted = quoted.first == UInt8(ascii: "\"") || quoted.first == UInt8(ascii: "'") ? quoted.dropFirst().dropLast() : quoted
            // A single URL of ASCII characters without `&` is judged on its bytes (most links).
            let isList = listNames.contains { $0.elementsEqual(bytes[name].lazy.map(Byte.lowercased)) }
            let safe = (isList ? nil : asciiVerdict(unquoted))
                ?? isSafe(String(decoding: unquoted, as: UTF8.self), in: String(decoding: bytes[name], as: UTF8.self).lowercased())
            if !safe {
                if output.isEmpty { output.reserveCapacity(bytes.count) }
                output += bytes[copied..<equals.upperBound]
                output += Array("\"\"".utf8)
                copied = value.upperBound
            }
            index = value.upperBound
        }
        guard copied > 0 else { return html }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// A letter, digit or `_`: what continues a word (bytes of non-ASCII characters do not).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte < 0x80 && (byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")))
    }

    /// The name, the name with `=` and the spaces around it, and the value of the attribute
    /// starting at `start`, the first of `names` that fits; nil when none does.
    private static func attribute(at start: Int, in bytes: [UInt8], names: [[UInt8]],
                                  lastQuotes: (double: Int, single: Int)) -> (Range<Int>, Range<Int>, Range<Int>)? {
        for name in names where start + name.count <= bytes.count {
            var offset = 1
            while offset < name.count, case let byte = bytes[start + offset],
                  name[offset] == byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0) { offset += 1 }
            guard offset == name.count else { continue }
            var index = start + name.count
            while index < bytes.count, Byte.isCharacterWhitespace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, Byte.isCharacterWhitespace(bytes[index]) { index += 1 }
            let valueStart = index
            guard index < bytes.count else { continue }
            let first = bytes[index]
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                guard index < (first == UInt8(ascii: "'") ? lastQuotes.single : lastQuotes.double),
                      let close = bytes[(index + 1)...].firstIndex(of: first) else { continue }
                index = close + 1
            } else {
                while index < bytes.count, !Byte.isCharacterWhitespace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
                      bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") { index += 1 }
                guard index > valueStart else { continue }
            }
            return (start..<(start + name.count), start..<valueStart, valueStart..<index)
        }
        return nil
    }

    /// The attributes `isSafe(_:in:)` judges other than as one URL.
    private static let listNames = ["ping", "srcset", "imagesrcset", "values", "to", "from", "by"].map { Array($0.utf8) }

    /// Whether the value of attribute `name` is safe: each URL of a list, no `ping` at all.
    private static func isSafe(_ value: String, in name: String) -> Bool {
        switch name {
        case "ping": return false
        case "srcset", "imagesrcset":
            return value.split(separator: ",").allSatisfy { candidate in
                isSafe(String(candidate.split(whereSeparator: \.isWhitespace).first ?? ""))
            }
        case "values", "to", "from", "by":
            return decodeEntities(value).split(separator: ";").allSatisfy { isSafe(String($0)) }
        default: return isSafe(value)
        }
    }

    /// Whether `text` may hold an entity `decodeEntities` decodes: an `&` followed by `#`, or by
    /// `colon;`, `tab;` or `newline;` in any case (or by a non-ASCII byte among those letters'
    /// places, left to the `Regex`). A byte search that spares most texts the `Regex`.
    private static func mayHoldEntity(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                guard let base = bytes.baseAddress, let hit = memchr(base + index, Int32(UInt8(ascii: "&")), bytes.count - index) else { return false }
                let after = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                guard after < bytes.count else { return false }
                if bytes[after] == UInt8(ascii: "#") { return true }
                for name in namedEntities where name[0] == bytes[after] | 0x20 && after + name.count <= bytes.count {
                    var offset = 0
                    while offset < name.count, case let byte = bytes[after + offset], byte < 0x80,
                          byte == name[offset] || (Byte.isLetter(byte) && byte | 0x20 == name[offset]) { offset += 1 }
                    if offset == name.count || bytes[after + offset] >= 0x80 { return true }
                }
                index = after
            }
            return false
        }
    }

    /// The named entities `decodeEntities` decodes, lowercase, after their `&`.
    private static let namedEntities = ["colon;", "tab;", "newline;"].map { Array($0.utf8) }

    // Regex is not Sendable, yet matching one from several threads is safe: it compiles its program once, stored atomically.
    nonisolated(unsafe) private static let entity = #/&(#0*[0-9]{1,7};?|#[xX]0*[0-9a-fA-F]{1,6};?|colon;|tab;|newline;)/#.ignoresCase()

    /// Decodes the numeric entities (with any number of leading zeros) and `&colon;`, `&tab;`,
    /// `&newline;` browsers accept in attributes.
    static func decodeEntities(_ text: String) -> String {
        mayHoldEntity(text) ? decodeEntitiesByRegex(text) : text
    }

    /// `decodeEntities` without the byte check that skips texts holding no entity it decodes.
    static func decodeEntitiesByRegex(_ text: String) -> String {
        text.replacing(entity) { match in
            var body = String(match.1).lowercased()
            if body.hasSuffix(";") { body.removeLast() }
            switch body {
            case "colon": return ":"
            case "tab": return "\t"
            case "newline": return "\n"
            default:
                let value = body.hasPrefix("#x") ? UInt32(body.dropFirst(2), radix: 16) : UInt32(body.dropFirst())
                return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
            }
        }
    }
}
