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

    /// An object whose members `body` writes (keys in sorted order), gathered on the stack and
    /// appended in one piece (or a few, when long) instead of one or two appends a member.
    package mutating func object(_ body: (inout Members) -> Void) {
        let compact = compact, depth = compact ? 0 : 2 * empty.count
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Members.capacity) { buffer in
            var members = Members(buffer: buffer, indentation: compact ? 0 : depth + 2, compact: compact)
            swap(&members.out, &bytes)
            members.write(maxCount: 2) { $0.byte(UInt8(ascii: "{")); if !compact { $0.byte(UInt8(ascii: "\n")) } }
            body(&members)
            members.write(maxCount: depth + 2) { out in
                if !compact { out.byte(UInt8(ascii: "\n")); out.spaces(depth) }
                out.byte(UInt8(ascii: "}"))
            }
            members.flush()
            swap(&members.out, &bytes)
        }
    }

    /// The members of an object that `object(_:)` writes: each key, then its value.
    package struct Members {
        /// The document's bytes, moved here while the object is written.
        fileprivate var out: [UInt8] = []
        private let buffer: UnsafeMutableBufferPointer<UInt8>
        private var count = 0
        private let indentation: Int
        private let compact: Bool
        private var first = true

        fileprivate static let capacity = 1024

        fileprivate init(buffer: UnsafeMutableBufferPointer<UInt8>, indentation: Int, compact: Bool) {
            self.buffer = buffer
            self.indentation = indentation
            self.compact = compact
        }

        /// A member's key (a name that needs no escape).
        package mutating func key(_ key: StaticString) {
            let first = first, compact = compact, indentation = indentation
            self.first = false
            write(maxCount: indentation + key.utf8CodeUnitCount + 8) { out in
                if !first { out.byte(UInt8(ascii: ",")) }
                if !first && !compact { out.byte(UInt8(ascii: "\n")) }
                out.spaces(indentation)
                out.key(key, compact: compact)
            }
        }

        package mutating func value(_ number: Int) { write(maxCount: 20) { $0.int(number) } }
        package mutating func value(_ flag: Bool) { write(maxCount: 5) { $0.text(flag ? "true" : "false") } }
        package mutating func null() { write(maxCount: 4) { $0.text("null") } }

        package mutating func value(_ string: String) {
            write(maxCount: 1) { $0.byte(UInt8(ascii: "\"")) }
            PrettyJSON.pieces(of: string) { piece in write(maxCount: Cursor.maxEscapedCount(piece.count)) { $0.escaped(piece) } }
            write(maxCount: 1) { $0.byte(UInt8(ascii: "\"")) }
        }

        /// What `body` writes, at most `maxCount` bytes: into the buffer when they fit (after
        /// emptying it into `out` when needed), else through a temporary one.
        fileprivate mutating func write(maxCount: Int, _ body: (inout Cursor) -> Void) {
            if buffer.count - count < maxCount { flush() }
            if maxCount <= buffer.count {
                var cursor = Cursor(next: buffer.baseAddress! + count)
                body(&cursor)
                count = cursor.next - buffer.baseAddress!
            } else {
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxCount) { large in
                    var cursor = Cursor(next: large.baseAddress!)
                    body(&cursor)
                    out.append(contentsOf: UnsafeBufferPointer(start: large.baseAddress!, count: cursor.next - large.baseAddress!))
                }
            }
        }

        fileprivate mutating func flush() {
            out.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: count))
            count = 0
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
    fileprivate struct Cursor {
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

        /// The bytes of `text`.
        mutating func text(_ text: StaticString) {
            next.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            next += text.utf8CodeUnitCount
        }

        /// The most bytes `escaped` writes for `count` bytes (`\u00XX` for each).
        static func maxEscapedCount(_ count: Int) -> Int { 6 * count }

        /// `utf8` escaped as in a JSON string: `"`, `\` and control characters; runs of bytes
        /// that need no escape are copied whole.
        mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
            guard let base = utf8.baseAddress else { return }
            let count = utf8.count
            var start = 0, index = 0
            while index < count {
                // Eight bytes at a time while none needs an escape.
                if index + 8 <= count, !Self.needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = base[index]
                index += 1
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") { continue }
                copy(base + start, count: index - 1 - start)
                escape(byte)
                start = index
            }
            copy(base + start, count: count - start)
        }

        /// Whether one of the eight bytes of `word` is below 0x20, `"` or `\`: a byte below 0x20
        /// borrows through its high bit, a byte equal to the other two is zero after the xor.
        private static func needsEscape(_ word: UInt64) -> Bool {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func hasByteBelow(_ word: UInt64, _ limit: UInt64) -> Bool { (word &- ones &* limit) & ~word & highs != 0 }
            return hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1) || hasByteBelow(word ^ (ones &* 0x5C), 1)
        }

        private mutating func copy(_ source: UnsafePointer<UInt8>, count: Int) {
            next.update(from: source, count: count)
            next += count
        }

        private mutating func escape(_ byte: UInt8) {
            self.byte(UInt8(ascii: "\\"))
            switch byte {
            case 0x08: self.byte(UInt8(ascii: "b"))
            case 0x09: self.byte(UInt8(ascii: "t"))
            case 0x0A: self.byte(UInt8(ascii: "n"))
            case 0x0C: self.byte(UInt8(ascii: "f"))
            case 0x0D: self.byte(UInt8(ascii: "r"))
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): self.byte(byte)
            default:
                text("u00")
                self.byte(Cursor.hexDigits.utf8Start[Int(byte >> 4)])
                self.byte(Cursor.hexDigits.utf8Start[Int(byte & 0xF)])
            }
        }

        private static let hexDigits: StaticString = "0123456789abcdef"
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

    /// A string in quotes, escaped.
    private mutating func quote(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        Self.pieces(of: string) { piece in write(maxCount: Cursor.maxEscapedCount(piece.count)) { $0.escaped(piece) } }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The bytes of `string` in pieces of at most 4 KB, escaped one at a time so that a long
    /// string needs no buffer six times its size.
    private static func pieces(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var string = string
        string.withUTF8 { utf8 in
            var start = 0
            while start < utf8.count {
                let piece = UnsafeBufferPointer(rebasing: utf8[start..<min(start + 4096, utf8.count)])
                body(piece)
                start += piece.count
            }
        }
    }
}
