/// Types plain (unquoted) YAML scalars the way Yams' default resolver does (YAML 1.1: null,
/// bool, int and float in bases 2 to 60, timestamp), without its regular expressions (tested
/// against it). Front matter is read with it, and the front-matter emitter checks with it.
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
        if let sexagesimal = sexagesimal(body) { return sign * sexagesimal }
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

    /// YAML 1.1 base 60: `[1-9][0-9_]*(:[0-5]?[0-9])+` (int) or `[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`
    /// (float), as in `1:20` (80) or `1:20.5`; nil for anything else.
    private static func sexagesimal(_ text: Substring) -> Double? {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return nil }
        var fraction: Substring?
        if let dot = parts[parts.count - 1].firstIndex(of: ".") {
            fraction = parts[parts.count - 1][parts[parts.count - 1].index(after: dot)...]
            parts[parts.count - 1] = parts[parts.count - 1][..<dot]
        }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        guard let first = parts.first?.first, isDigit(first), fraction != nil || first != "0",
              parts[0].allSatisfy({ isDigit($0) || $0 == "_" }),
              parts.dropFirst().allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(isDigit) && ($0.count == 1 || $0.first! <= "5") }),
              fraction?.allSatisfy({ isDigit($0) || $0 == "_" }) ?? true,
              let head = Double(parts[0].filter { $0 != "_" }) else { return nil }
        var value = head
        for part in parts.dropFirst() { value = value * 60 + Double(part)! }
        if let fraction, !fraction.isEmpty, let digits = Double("0." + fraction.filter { $0 != "_" }) { value += digits }
        return value
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
