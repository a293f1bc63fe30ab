/// Types plain (unquoted) YAML scalars the way Yams' default resolver does (YAML 1.1: null,
/// bool, int and float in bases 2 to 60, timestamp), without its regular expressions (tested
/// against it). Front matter is read with it, and the front-matter emitter checks with it.
package enum PlainScalarResolver {
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let trues: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falses: Set<String> = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    /// The typed value of the plain scalar `text`.
    package static func value(of text: String) -> YAMLValue {
        // Text that cannot be a null or bool word skips the hashing.
        guard let first = text.utf8.first else { return .null }
        if mayBeWord(first: first, count: text.utf8.count) {
            if nulls.contains(text) { return .null }
            if trues.contains(text) { return .bool(true) }
            if falses.contains(text) { return .bool(false) }
        }
        guard startsNumeric(first) else { return .string(text) }
        // Dates before numbers, the common case first: no number is a date or date-time (both
        // have a digit, then `-`, at bytes 3 and 4; a number has `-` only first or after `e`).
        if DateText.isCalendarDate(text) { return .date(text) }
        if DateText.isDateTime(text) { return .datetime(text) }
        if let number = number(text) { return .number(number) }
        return .string(text)
    }

    /// `value(of:)` of UTF-8 bytes: text that starts no word or number, and calendar dates,
    /// are typed on the bytes (cheaper than on their string); the rest by `value(of:)`.
    static func value(of bytes: UnsafeBufferPointer<UInt8>) -> YAMLValue {
        guard let first = bytes.first else { return .null }
        let text = String(decoding: bytes, as: UTF8.self)
        if startsNumeric(first) {
            if DateText.isCalendarDate(ascii: bytes) == true { return .date(text) }
        } else if !mayBeWord(first: first, count: bytes.count) {
            return .string(text)
        }
        return value(of: text)
    }

    /// Whether text of `count` bytes that starts with `first` may be a null or bool word: those
    /// are at most five bytes long and start with `~` or one of the letters `nNtTyYoOfF`.
    private static func mayBeWord(first: UInt8, count: Int) -> Bool {
        count <= 5 && (first == UInt8(ascii: "~") || "nNtTyYoOfF".utf8.contains(first))
    }

    /// Whether text that starts with `first` may be a number, a date or a date-time.
    private static func startsNumeric(_ first: UInt8) -> Bool {
        Byte.isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
    }

    /// The value of a YAML 1.1 int or float: decimal, hexadecimal (`0x`), octal (`0o`, leading
    /// `0`) and binary (`0b`) integers, base 60 (`1:20`), decimal floats with exponent, `.inf`
    /// and `.nan`; `_` separators allowed. Each form is matched as Yams' regular expression
    /// spells it.
    static func number(_ text: String) -> Double? {
        // The words are at most five bytes long: longer text skips comparing with each.
        if text.utf8.count <= 5 {
            switch text {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
            case "-.inf", "-.Inf", "-.INF": return -.infinity
            case ".nan", ".NaN", ".NAN": return .nan
            default: break
            }
        }
        var text = text
        return text.withUTF8 { number(Bytes(base: $0, bounds: 0..<$0.count)) }
    }

    /// Bytes of the text read, in place (no array is made of them).
    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `number(_:)` of the text's bytes.
    private static func number(_ bytes: Bytes) -> Double? {
        var body = bytes
        var sign = 1.0
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            body = body.dropFirst()
        }
        guard let first = body.first else { return nil }
        if body.contains(UInt8(ascii: ":")) { return sexagesimal(body).map { sign * $0 } }
        if first == UInt8(ascii: "0"), body.count > 1 {
            let rest = body.dropFirst(2)
            switch body[body.startIndex + 1] {
            case UInt8(ascii: "x"): return integer(rest, radix: 16).map { sign * $0 }
            case UInt8(ascii: "o"): return integer(rest, radix: 8).map { sign * $0 }
            case UInt8(ascii: "b"): return integer(rest, radix: 2).map { sign * $0 }
            default: if let octal = integer(body.dropFirst(), radix: 8) { return sign * octal }
            }
        }
        // `\.[0-9_]+([eE][-+][0-9]+)?` takes no sign; `[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?` does.
        let isFloat = first == UInt8(ascii: ".") ? body.count == bytes.count && isDecimal(body, leadingDot: true)
            : Byte.isDigit(first) && isDecimal(body, leadingDot: false)
        guard isFloat else { return nil }
        return Double(String(decoding: body.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)).map { sign * $0 }
    }

    /// The value of `[digits_]+` in `radix` (0 when there are only separators), or nil.
    private static func integer(_ digits: Bytes, radix: Int) -> Double? {
        guard !digits.isEmpty, digits.allSatisfy({ $0 == UInt8(ascii: "_") || digitValue($0) < radix }) else { return nil }
        let value = digits.reduce(0.0) { $1 == UInt8(ascii: "_") ? $0 : $0 * Double(radix) + Double(digitValue($1)) }
        return value
    }

    /// The value of a digit in bases up to 16, or 99.
    private static func digitValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return 99
        }
    }

    /// YAML 1.1 base 60: `[1-9][0-9_]*(:[0-5]?[0-9])+` (int) or `[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`
    /// (float), as in `1:20` (80) or `1:20.5`; nil for anything else.
    private static func sexagesimal(_ text: Bytes) -> Double? {
        var parts = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count > 1 else { return nil }
        var fraction: Bytes?
        if let dot = parts[parts.count - 1].firstIndex(of: UInt8(ascii: ".")) {
            fraction = parts[parts.count - 1][(dot + 1)...]
            parts[parts.count - 1] = parts[parts.count - 1][..<dot]
        }
        let isDigitOrSeparator: (UInt8) -> Bool = { Byte.isDigit($0) || $0 == UInt8(ascii: "_") }
        guard let first = parts[0].first, Byte.isDigit(first), fraction != nil || first != UInt8(ascii: "0"),
              parts[0].allSatisfy(isDigitOrSeparator),
              parts.dropFirst().allSatisfy({ part in
                  (1...2).contains(part.count) && part.allSatisfy(Byte.isDigit) && (part.count == 1 || part.first! <= UInt8(ascii: "5"))
              }),
              fraction?.allSatisfy(isDigitOrSeparator) ?? true,
              let head = Double(String(decoding: parts[0].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)) else { return nil }
        var value = head
        for part in parts.dropFirst() { value = value * 60 + Double(part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }) }
        if let fraction, let digits = Double("0." + String(decoding: fraction.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)) {
            value += digits
        }
        return value
    }

    /// `[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?`, or with `leadingDot`
    /// `\.[0-9_]+([eE][-+][0-9]+)?`.
    private static func isDecimal(_ bytes: Bytes, leadingDot: Bool) -> Bool {
        var index = bytes.startIndex
        func run(_ accepts: (UInt8) -> Bool) -> Int {
            let start = index
            while index < bytes.endIndex, accepts(bytes[index]) { index += 1 }
            return index - start
        }
        let digitOrSeparator: (UInt8) -> Bool = { Byte.isDigit($0) || $0 == UInt8(ascii: "_") }
        if leadingDot {
            index += 1
            guard run(digitOrSeparator) > 0 else { return false }
        } else {
            guard run(digitOrSeparator) > 0 else { return false }
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
                index += 1
                _ = run(digitOrSeparator)
            }
        }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            let signed = index < bytes.endIndex && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+"))
            guard signed || !leadingDot else { return false }
            if signed { index += 1 }
            guard run(Byte.isDigit) > 0 else { return false }
        }
        return index == bytes.endIndex
    }
}
