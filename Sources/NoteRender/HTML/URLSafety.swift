import Foundation
import NoteParser

/// Keeps script-running URLs (`javascript:`, `vbscript:`, `data:` other than images) out of
/// rendered pages, even when raw HTML is let through.
enum URLSafety {
    /// True when a browser following `url` would not run script.
    static func isSafe(_ url: String) -> Bool {
        let verdict = url.utf8.withContiguousStorageIfAvailable(asciiVerdict) ?? Array(url.utf8).withUnsafeBufferPointer(asciiVerdict)
        if let verdict { return verdict }
        let decoded = decodeEntities(url).unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let compact = String(String.UnicodeScalarView(decoded)).lowercased()
        if compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") { return false }
        if compact.hasPrefix("data:") { return compact.hasPrefix("data:image/") && !compact.hasPrefix("data:image/svg") }
        return true
    }

    /// `isSafe` read on the bytes of a URL of ASCII characters without `&` (no entity to decode):
    /// its first 14 bytes above space (DEL left out), lowercased; nil for any other URL.
    private static func asciiVerdict(_ url: UnsafeBufferPointer<UInt8>) -> Bool? {
        // The head on the stack: this runs for most links of every page.
        var head: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &head) { head -> Bool? in
            var count = 0, index = 0
            while index < url.count, count < 14 {
                let byte = url[index]
                guard byte < 0x80, byte != UInt8(ascii: "&") else { return nil }
                if byte > 0x20, byte != 0x7F {
                    head[count] = Byte.lowercased(byte)
                    count += 1
                }
                index += 1
            }
            // The rest only checked: eight bytes at a time, none with its high bit set, none `&`
            // (a zero byte after an XOR with `&`s).
            let ones: UInt64 = 0x0101_0101_0101_0101, highs = ones &* 0x80
            while index + 8 <= url.count {
                let word = UnsafeRawPointer(url.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let ampersands = word ^ (ones &* UInt64(UInt8(ascii: "&")))
                guard word & highs == 0, (ampersands &- ones) & ~ampersands & highs == 0 else { return nil }
                index += 8
            }
            while index < url.count {
                guard url[index] < 0x80, url[index] != UInt8(ascii: "&") else { return nil }
                index += 1
            }
            func starts(with prefix: StaticString) -> Bool {
                count >= prefix.utf8CodeUnitCount && memcmp(head.baseAddress!, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
            }
            if starts(with: "javascript:") || starts(with: "vbscript:") { return false }
            if starts(with: "data:") { return starts(with: "data:image/") && !starts(with: "data:image/svg") }
            return true
        }
    }

    /// Attributes holding a URL, a list of URLs (`srcset`; SVG animation values, which can set
    /// `href`), or pinging URLs (`ping`, always emptied); lowercase, tried in this order.
    private static let attributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
                                     "codebase", "cite", "longdesc", "dynsrc", "lowsrc", "srcset", "imagesrcset", "values",
                                     "to", "from", "by", "ping"]

    /// `attributes`' bytes.
    private static let attributeBytes = attributes.map { Array($0.utf8) }

    /// Whether each of `attributes` is judged other than as one URL (`isSafe(_:in:)`).
    private static let isList = attributes.map { ["ping", "srcset", "imagesrcset", "values", "to", "from", "by"].contains($0) }

    /// For each byte, the indices in `attributes` of the names starting with it (in either case),
    /// in their order: most places start none, and are passed without trying the names.
    private static let namesStartingWith: [[Int]] = {
        var table = [[Int]](repeating: [], count: 256)
        for (index, name) in attributeBytes.enumerated() {
            table[Int(name[0])].append(index)
            table[Int(name[0] - 0x20)].append(index)
        }
        return table
    }()

    /// For each byte, whether a name starts with it.
    private static let startsName = namesStartingWith.map { !$0.isEmpty }

    /// The longest name's length: a name that fits ends on the last byte before an `=` (and
    /// its spaces), so only the places this close before it can start one.
    private static let longestName = attributes.map(\.utf8.count).max() ?? 0

    /// `html` with every unsafe `href`, `src` and similar attribute value emptied: each
    /// `NAME = VALUE` (any case, ASCII spaces around `=`, the value quoted or bare) that starts
    /// a word, wherever it is. One pass over the bytes, the first name that fits at each place;
    /// only the start of the word before each `=` is tried (and, past a `:`, the places before it).
    static func filterAttributes(_ html: String) -> String {
        var html = html
        guard let filtered = html.withUTF8(filteredAttributes) else { return html }
        return String(decoding: filtered, as: UTF8.self)
    }

    /// The bytes of `filterAttributes` of `bytes`; nil when it empties no value (the HTML stays as it is).
    private static func filteredAttributes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        let namesStartingWith = Self.namesStartingWith, startsName = Self.startsName, attributes = Self.attributes, isList = Self.isList
        let attributeBytes = Self.attributeBytes, longestName = Self.longestName
        func last(_ quote: UInt8) -> Int {
            var index = count - 1
            while index >= 0, bytes[index] != quote { index -= 1 }
            return index
        }
        // A quote opened after its kind's last one is never closed: no scan to the end for it.
        let lastQuotes = (double: last(UInt8(ascii: "\"")), single: last(UInt8(ascii: "'")))
        var output: [UInt8] = []
        var copied = 0, index = 0
        // The next `=` from `index`, and the last byte before it that is not a space: a name that
        // fits at `index` or later (before the `=`) ends there.
        var nextEquals = -1, nameEnd = -1
        while index < count {
            if nextEquals < index {
                guard let hit = memchr(base + index, Int32(UInt8(ascii: "=")), count - index) else { break }
                nextEquals = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                nameEnd = nextEquals - 1
                while nameEnd >= index, Byte.isCharacterWhitespace(bytes[nameEnd]) { nameEnd -= 1 }
            }
            guard index <= nameEnd else {
                index = nextEquals + 1
                continue
            }
            // A name that fits ends at `nameEnd` and starts a word: only where the word ending
            // there starts, or before it past a `:` (as `xlink:href` does). Other places start no
            // word, or hold a byte no name has.
            let low = max(index, nameEnd - longestName + 1)
            var wordStart = nameEnd
            while wordStart > low, isWordByte(bytes[wordStart - 1]) { wordStart -= 1 }
            let places = wordStart > low && bytes[wordStart - 1] == UInt8(ascii: ":") ? low...nameEnd : wordStart...wordStart
            var fits: (name: Int, equalsEnd: Int, value: Range<Int>)?
            for place in places where startsName[Int(bytes[place])] && (place == 0 || !isWordByte(bytes[place - 1])) {
                fits = attribute(at: place, in: bytes, names: namesStartingWith[Int(bytes[place])], attributes: attributeBytes,
                                 lastQuotes: lastQuotes)
                if fits != nil { break }
            }
            guard let (name, equalsEnd, value) = fits else {
                index = nextEquals + 1
                continue
            }
            let first = bytes[value.lowerBound]
            let unquoted = UnsafeBufferPointer(rebasing: first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
                ? bytes[(value.lowerBound + 1)..<(value.upperBound - 1)] : bytes[value])
            // A single URL of ASCII characters without `&` is judged on its bytes (most links).
            let safe = (isList[name] ? nil : asciiVerdict(unquoted))
                ?? isSafe(String(decoding: unquoted, as: UTF8.self), in: attributes[name])
            if !safe {
                if output.isEmpty { output.reserveCapacity(count) }
                output += UnsafeBufferPointer(rebasing: bytes[copied..<equalsEnd])
                output += [UInt8(ascii: "\""), UInt8(ascii: "\"")]
                copied = value.upperBound
            }
            index = value.upperBound
        }
        guard copied > 0 else { return nil }
        output += UnsafeBufferPointer(rebasing: bytes[copied...])
        return output
    }

    /// A letter, digit or `_`: what continues a word (bytes of non-ASCII characters do not).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte < 0x80 && (byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")))
    }

    /// The index in `attributes` of the first of `names` that fits at `start`, the end of its
    /// `=` and the spaces around it, and its value; nil when none fits.
    private static func attribute(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, names: [Int], attributes: [[UInt8]],
                                  lastQuotes: (double: Int, single: Int)) -> (Int, Int, Range<Int>)? {
        for nameIndex in names {
            let name = attributes[nameIndex]
            guard start + name.count <= bytes.count else { continue }
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
                // The quote's kind occurs after it (the last one), so memchr finds a close.
                guard index < (first == UInt8(ascii: "'") ? lastQuotes.single : lastQuotes.double),
                      let close = memchr(bytes.baseAddress! + index + 1, Int32(first), bytes.count - index - 1) else { continue }
                index = bytes.baseAddress!.distance(to: close.assumingMemoryBound(to: UInt8.self)) + 1
            } else {
                while index < bytes.count, !Byte.isCharacterWhitespace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
                      bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") { index += 1 }
                guard index > valueStart else { continue }
            }
            return (nameIndex, valueStart, valueStart..<index)
        }
        return nil
    }

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
