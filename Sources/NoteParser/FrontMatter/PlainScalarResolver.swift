/// Types plain (unquoted) YAML scalars the way Yams' default resolver does (YAML 1.1:
/// null, bool, int, float, timestamp), without its regular expressions. Front matter is
/// read with it, and the front-matter emitter checks what it writes with it.
public enum PlainScalarResolver {
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let trues: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falses: Set<String> = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    /// The typed value of the plain scalar `text`.
    public static func value(of text: String) -> YAMLValue {
        // The null and bool words are at most five bytes long: longer text skips the hashing.
        if text.utf8.count <= 5 {
            if nulls.contains(text) { return .null }
            if trues.contains(text) { return .bool(true) }
            if falses.contains(text) { return .bool(false) }
        }
        guard let first = text.utf8.first else { return .string(text) }
        let startsNumeric = Byte.isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        guard startsNumeric else { return .string(text) }
        if let number = number(text) { return .number(number) }
        if DateText.isCalendarDate(text) { return .date(text) }
        if DateText.isDateTime(text) { return .datetime(text) }
        return .string(text)
    }

    /// Decimal, hexadecimal (`0x`), octal (`0o`, leading `0`) and binary (`0b`) integers,
    /// decimal floats with exponent, `.inf` and `.nan`; `_` separators allowed.
    static func number(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        var body = Substring(text)
        var sign = 1.0
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        let digits = body.filter { $0 != "_" }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            return Int(digits.dropFirst(2), radix: radix).map { sign * Double($0) }
        }
        if digits.count > 1, digits.hasPrefix("0"), digits.allSatisfy({ ("0"..."7").contains($0) }) {
            return Int(digits.dropFirst(), radix: 8).map { sign * Double($0) }
        }
        guard isDecimal(digits) else { return nil }
        return Double(digits).map { sign * $0 }
    }

    /// `[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?` or `\.[0-9]+([eE][-+][0-9]+)?`.
    private static func isDecimal(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func digitRun() -> Int {
            let start = index
            while index < bytes.count, Byte.isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        let whole = digitRun()
        var fraction = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fraction = digitRun()
        }
        guard whole > 0 || fraction > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard digitRun() > 0 else { return false }
        }
        return index == bytes.count
    }
}
