/// Writes JSON byte by byte in exactly the layout of Foundation's `JSONEncoder` with
/// `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes` (keys sorted by their UTF-8
/// bytes, as on Linux), or compact on one line as that encoder writes without
/// `.prettyPrinted`, for documents too large to go through `Encodable`. Callers give an
/// object's keys in sorted order.
///
/// A document can be written in pieces: a value written by a writer made with `depth` (on
/// another thread, say) is appended where the enclosing writer expects a value, and the
/// bytes written so far can be taken out to stream them.
package struct PrettyJSON: Sendable {
    private var bytes: [UInt8] = []
    /// For each open container, whether it has no element yet.
    private var empty: [Bool] = []
    /// One line, no spaces (JSON lines).
    private let compact: Bool

    /// A writer whose first value is nested in `depth` containers of an enclosing writer.
    package init(capacity: Int = 0, compact: Bool = false, depth: Int = 0) {
        bytes.reserveCapacity(capacity)
        self.compact = compact
        empty = Array(repeating: false, count: depth)
    }

    /// The document written so far.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes written so far, removed from the writer (which keeps its place in the document).
    package mutating func takeBytes() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        return taken
    }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts an array element.
    package mutating func element() { separate() }

    /// Starts an object member: its key (a name that needs no escape), then the value written next.
    package mutating func key(_ key: StaticString) {
        let first = empty[empty.count - 1]
        empty[empty.count - 1] = false
        let compact = compact, indentation = compact ? 0 : 2 * empty.count
        write(maxCount: indentation + key.utf8CodeUnitCount + 8) { out in
            if !first { out.byte(UInt8(ascii: ",")) }
            if !first && !compact { out.byte(UInt8(ascii: "\n")) }
            out.spaces(indentation)
            out.key(key, compact: compact)
        }
    }

    /// Starts an object member whose key is any text.
    package mutating func key(escaping key: String) {
        separate()
        quote(key)
        colon()
    }

    private mutating func colon() {
        if compact { bytes.append(UInt8(ascii: ":")) } else { bytes.append(contentsOf: Self.spacedColon) }
    }

    package mutating func value(_ string: String) { quote(string) }
    package mutating func value(_ number: Int) { write(maxCount: 20) { $0.int(number) } }
    /// A finite number as `JSONEncoder` writes it: Swift's shortest form, without a trailing `.0`.
    package mutating func value(_ number: Double) {
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }
    package mutating func value(_ flag: Bool) { bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
    package mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// Appends a value written by a writer made with this writer's depth (its open containers).
    package mutating func value(_ nested: PrettyJSON) {
        precondition(nested.compact == compact && nested.empty.count == empty.count, "a nested value of another layout")
        bytes.append(contentsOf: nested.bytes)
    }

    /// An array of `items`, each written by `write`.
    package mutating func array<Item>(_ items: [Item], _ write: (inout PrettyJSON, Item) -> Void) {
        beginArray()
        for item in items {
            element()
            write(&self, item)
        }
        endArray()
    }

    /// A source range as `{"end": position, "start": position}`, each position as
    /// `{"column", "line", "offset"}`: written at once, it is most of a note's document.
    package mutating func range(_ range: SourceRange) {
        let compact = compact, depth = compact ? 0 : 2 * empty.count
        write(maxCount: 11 * (depth + 40)) { out in
            func position(_ position: SourcePosition, depth: Int) {
                out.open(depth: depth + 2, compact: compact)
                out.key("column", compact: compact); out.int(position.column)
                out.separate(depth: depth + 2, compact: compact)
                out.key("line", compact: compact); out.int(position.line)
                out.separate(depth: depth + 2, compact: compact)
                out.key("offset", compact: compact); out.int(position.offset)
                out.close(depth: depth, compact: compact)
            }
            out.open(depth: depth + 2, compact: compact)
            out.key("end", compact: compact); position(range.end, depth: depth + 2)
            out.separate(depth: depth + 2, compact: compact)
            out.key("start", compact: compact); position(range.start, depth: depth + 2)
            out.close(depth: depth, compact: compact)
        }
    }

    /// Appends what `body` writes, at most `maxCount` bytes, in one append.
    private mutating func write(maxCount: Int, _ body: (inout Cursor) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxCount) { buffer in
            var cursor = Cursor(next: buffer.baseAddress!)
            body(&cursor)
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: cursor.next - buffer.baseAddress!))
        }
    }

    /// Writes bytes into the space `write(maxCount:_:)` reserved. Indentations are counts of spaces.
    private struct Cursor {
        var next: UnsafeMutablePointer<UInt8>

        mutating func byte(_ byte: UInt8) {
            next.pointee = byte
            next += 1
        }

        mutating func spaces(_ count: Int) {
            next.update(repeating: 0x20, count: count)
            next += count
        }

        /// `"key" : ` (`"key":` when compact).
        mutating func key(_ key: StaticString, compact: Bool) {
            byte(UInt8(ascii: "\""))
            next.update(from: key.utf8Start, count: key.utf8CodeUnitCount)
            next += key.utf8CodeUnitCount
            byte(UInt8(ascii: "\""))
            if !compact { byte(0x20) }
            byte(UInt8(ascii: ":"))
            if !compact { byte(0x20) }
        }

        /// `{` and the line break and indentation of its first member.
        mutating func open(depth: Int, compact: Bool) {
            byte(UInt8(ascii: "{"))
            if !compact { byte(UInt8(ascii: "\n")); spaces(depth) }
        }

        /// `,` and the line break and indentation of the next member.
        mutating func separate(depth: Int, compact: Bool) {
            byte(UInt8(ascii: ","))
            if !compact { byte(UInt8(ascii: "\n")); spaces(depth) }
        }

        /// The line break and indentation of `}`, and `}`.
        mutating func close(depth: Int, compact: Bool) {
            if !compact { byte(UInt8(ascii: "\n")); spaces(depth) }
            byte(UInt8(ascii: "}"))
        }

        /// The decimal digits of `number`, with `-` when negative (at most 20 bytes).
        mutating func int(_ number: Int) {
            var magnitude = number.magnitude
            if number < 0 { byte(UInt8(ascii: "-")) }
            var digits = 1
            var rest = magnitude
            while rest >= 10 { rest /= 10; digits += 1 }
            next += digits
            var at = next
            repeat {
                at -= 1
                at.pointee = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        if !compact { bytes.append(UInt8(ascii: "\n")) }
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        empty.removeLast()
        newLine()
        bytes.append(bracket)
    }

    private mutating func separate() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
            if !compact { indent() }
        } else {
            bytes.append(UInt8(ascii: ","))
            newLine()
        }
    }

    /// A line break and the indentation of the open containers; nothing when compact.
    private mutating func newLine() {
        guard !compact else { return }
        bytes.append(UInt8(ascii: "\n"))
        indent()
    }

    private mutating func indent() {
        var count = 2 * empty.count
        while count > 0 {
            let run = min(count, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<run])
            count -= run
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 128)
    private static let spacedColon: [UInt8] = [0x20, UInt8(ascii: ":"), 0x20]

    private static let shortEscapes: [UInt8: UInt8] = [
        0x08: UInt8(ascii: "b"), 0x09: UInt8(ascii: "t"), 0x0A: UInt8(ascii: "n"), 0x0C: UInt8(ascii: "f"),
        0x0D: UInt8(ascii: "r"), UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
    ]

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func quote(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        if let short = Self.shortEscapes[byte] {
            bytes.append(contentsOf: [UInt8(ascii: "\\"), short])
        } else {
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30,
                                      Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
        }
    }
}
