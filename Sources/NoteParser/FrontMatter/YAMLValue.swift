/// A front-matter value as YAML reads it, with dates kept as written. Not `indirect`: lists
/// and maps hold their values in arrays already, and a boxed case costs an allocation per value.
public enum YAMLValue: Hashable, Sendable {
    case string(String)
    /// A plain `YYYY-MM-DD` scalar that is a real calendar date.
    case date(String)
    /// A plain ISO-8601 timestamp with a time part.
    case datetime(String)
    case number(Double)
    case bool(Bool)
    case null
    case list([YAMLValue])
    case map([YAMLPair])

    /// The name used in JSON output and messages.
    public var typeName: String {
        switch self {
        case .string: return "string"
        case .date: return "date"
        case .datetime: return "datetime"
        case .number: return "number"
        case .bool: return "bool"
        case .null: return "null"
        case .list: return "list"
        case .map: return "map"
        }
    }

    /// The text of a scalar value; nil for lists, maps and null.
    public var scalarText: String? {
        switch self {
        case .string(let text), .date(let text), .datetime(let text): return text
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .bool(let value): return String(value)
        case .null, .list, .map: return nil
        }
    }

    /// True for null, empty strings, and empty lists and maps.
    public var isEmpty: Bool {
        switch self {
        case .null: return true
        case .string(let text):
            // Most values start with a visible byte: it alone answers (`allSatisfy` over a
            // string's UTF-8 costs as much to read one byte as the first byte does here).
            guard let first = text.utf8.first else { return true }
            return Byte.isWhitespace(first) && text.isBlank
        case .list(let items): return items.isEmpty
        case .map(let pairs): return pairs.isEmpty
        default: return false
        }
    }
}

/// One key and value of a YAML map.
public struct YAMLPair: Hashable, Sendable {
    public let key: String
    public let value: YAMLValue
}

/// How a scalar or collection is written in the source.
public enum YAMLStyle: String, Hashable, Sendable, Codable {
    case plain, singleQuoted, doubleQuoted, literal, folded, flow, block
}

import Foundation

extension YAMLValue: Encodable {
    /// Encodes as the native JSON value: dates as strings, maps as objects in key order, and
    /// the numbers JSON cannot write (infinities, NaN) as the strings `.inf`, `-.inf`, `.nan`.
    public func encode(to encoder: Encoder) throws {
        switch self {
        case .string(let text), .date(let text), .datetime(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .number(let value):
            var container = encoder.singleValueContainer()
            if value.isFinite { try container.encode(value) } else { try container.encode(value.isNaN ? ".nan" : value < 0 ? "-.inf" : ".inf") }
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .map(let pairs):
            var container = encoder.container(keyedBy: DynamicKey.self)
            for pair in pairs { try container.encode(pair.value, forKey: DynamicKey(pair.key)) }
        }
    }
}

/// A coding key made from any string.
struct DynamicKey: CodingKey {
    let stringValue: String
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { return nil }
}
