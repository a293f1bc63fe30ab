/// Writes JSON byte by byte in exactly the layout of `JSONText` (Foundation's pretty,
/// key-sorted encoder with slashes unescaped), or compact on one line as that encoder writes
/// without `.prettyPrinted`, for reports too large to go through `Encodable`. Callers give an
/// object's keys in sorted order.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    /// For each open container, whether it has no element yet.
    private var empty: [Bool] = []
    /// One line, no spaces (JSON lines).
    private let compact: Bool

    init(capacity: Int = 0, compact: Bool = false) {
        bytes.reserveCapacity(capacity)
        self.compact = compact
    }

    /// The document written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts an array element.
    mutating func element() { separate() }

    /// Starts an object member: its key, then the value written next.
    mutating func key(_ key: String) {
        separate()
        quote(key)
        if compact { bytes.append(UInt8(ascii: ":")) } else { bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20]) }
    }

    mutating func value(_ string: String) { quote(string) }
    mutating func value(_ number: Int) { bytes.append(contentsOf: String(number).utf8) }
    mutating func value(_ flag: Bool) { bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
    mutating func null() { bytes.append(contentsOf: "null".utf8) }

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
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * empty.count))
    }

    private static let shortEscapes: [UInt8: UInt8] = [
        0x08: UInt8(ascii: "b"), 0x09: UInt8(ascii: "t"), 0x0A: UInt8(ascii: "n"), 0x0C: UInt8(ascii: "f"),
        0x0D: UInt8(ascii: "r"), UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
    ]

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func quote(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                bytes.append(byte)
            } else if let short = Self.shortEscapes[byte] {
                bytes.append(contentsOf: [UInt8(ascii: "\\"), short])
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30,
                                          Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
