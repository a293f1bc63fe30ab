import Foundation
import Yams

/// Writes one front-matter entry (or its value, or its key) in house style and proves the
/// text reads back as intended: block-list tags `  - Tag`, unquoted dates, UUIDs and URLs,
/// quotes only where YAML needs them (single preferred), never block scalars.
///
/// The one writer of front-matter values: rule fixes, `notekit migrate` and registry notes use it.
/// Every result is composed with Yams, its scalars typed as notekit reads front matter, and
/// compared with the intended value; when that fails the emitter returns nil (a rule then
/// offers no fix).
package enum FrontMatterEmitter {
    /// What an entry's value must read back as.
    package enum Value: Equatable, Sendable {
        /// A string scalar.
        case string(String)
        /// A plain `YYYY-MM-DD` or ISO-8601 scalar that YAML reads as a timestamp.
        case timestamp(String)
        /// A block list of strings.
        case list([String])

        /// Tells values apart in the memo, without the cost of string interpolation.
        var memoKey: String {
            switch self {
            case .string(let string): return "s" + string
            case .timestamp(let string): return "t" + string
            case .list(let items): return "l" + items.joined(separator: "\u{2}")
            }
        }
    }

    /// The whole entry `key: value` (without a final newline), or nil when it cannot be
    /// written so that it reads back as `value`.
    package static func entry(_ key: String, _ value: Value) -> String? {
        guard let keyText = self.key(key) else { return nil }
        let text: String
        switch value {
        case .string, .timestamp:
            guard let scalar = scalar(value, key: key) else { return nil }
            text = "\(keyText): \(scalar)"
        case .list(let items):
            var lines = ["\(keyText):"]
            for item in items {
                guard let scalar = listItem(item) else { return nil }
                lines.append("  - \(scalar)")
            }
            text = lines.joined(separator: "\n")
        }
        return reads(text, key: key, as: value) ? text : nil
    }

    /// The entry `key: [a, b]`, a flow list of strings on one line (for houses that write lists
    /// so), or nil when it cannot be written so that it reads back as the list.
    package static func flowEntry(_ key: String, _ items: [String]) -> String? {
        guard let keyText = self.key(key) else { return nil }
        var scalars: [String] = []
        for item in items {
            guard let scalar = firstCandidate(item, accepts: { reads("[\($0)]", as: .string(item)) }) else { return nil }
            scalars.append(scalar)
        }
        let text = "\(keyText): [\(scalars.joined(separator: ", "))]"
        return reads(text, key: key, as: .list(items)) ? text : nil
    }

    /// The text of a scalar value as it stands after `key: `, or nil.
    package static func scalar(_ value: Value, key: String) -> String? {
        guard let keyText = self.key(key) else { return nil }
        switch value {
        case .string(let string):
            return firstCandidate(string) { reads("\(keyText): \($0)", key: key, as: value) }
        case .timestamp(let string):
            return reads("\(keyText): \(string)", key: key, as: value) ? string : nil
        case .list:
            return nil
        }
    }

    /// Whether `scalar(.timestamp(text), key: key)` is not nil, found without composing
    /// `key: text`: the key is one `key(_:)` writes, and the text one `DateText.isYAMLTimestamp`
    /// accepts (ASCII digits, `-`, `:`, `.`, `T`, blanks inside, a zone: nothing that ends or
    /// splits a plain scalar), which YAML reads back as it is (tested against the round trip).
    package static func writesTimestamp(_ text: String, key: String) -> Bool {
        DateText.isYAMLTimestamp(text) && self.key(key) != nil
    }

    /// The text of a string list item as it stands after `  - `, or nil.
    package static func listItem(_ string: String) -> String? {
        firstCandidate(string) { reads("- \($0)", as: .string(string)) }
    }

    /// A key written plain when YAML allows, otherwise quoted.
    package static func key(_ key: String) -> String? {
        if isPlainKey(key) { return key }
        return firstCandidate(key) { reads("\($0): x", key: key, as: .string("x")) }
    }

    /// Whether `key` is a letter or `_`, then letters, digits, `_` and `-`, and no null or
    /// bool word: YAML reads `key: x` as the string key to `x`, without composing it (tested
    /// against composing it).
    static func isPlainKey(_ key: String) -> Bool {
        let utf8 = key.utf8
        guard let first = utf8.first, first == UInt8(ascii: "_") || Byte.isLetter(first), utf8.count <= 1000,
              utf8.allSatisfy(SimpleYAMLReader.isKeyByte) else { return false }
        return PlainScalarResolver.value(of: key) == .string(key)
    }

    /// The first of the plain, single-quoted and double-quoted forms of a string that
    /// `accepts` (only double-quoted for text with line breaks); each made only if needed.
    private static func firstCandidate(_ string: String, accepts: (String) -> Bool) -> String? {
        if !string.contains(where: \.isNewline) {
            if accepts(string) { return string }
            let single = YAMLQuoting.singleQuoted(string)
            if accepts(single) { return single }
        }
        let double = YAMLQuoting.doubleQuoted(string)
        return accepts(double) ? double : nil
    }

    /// True when `text` is a one-entry map of `key` to `value`.
    private static func reads(_ text: String, key: String, as value: Value) -> Bool {
        memo.value(for: text + "\u{1}" + key + "\u{1}" + value.memoKey) {
            guard case .mapping(let mapping)? = compose(text), mapping.count == 1,
                  let (keyNode, valueNode) = mapping.first, case .scalar(let keyScalar) = keyNode,
                  keyScalar.string == key, typed(keyScalar) == .string(key)
            else { return false }
            return matches(valueNode, value)
        }
    }

    /// True when `text` is a one-item list whose item is `value`.
    private static func reads(_ text: String, as value: Value) -> Bool {
        memo.value(for: text + "\u{1}" + value.memoKey) {
            guard case .sequence(let sequence)? = compose(text), sequence.count == 1, let item = sequence.first
            else { return false }
            return matches(item, value)
        }
    }

    /// The YAML node of `text`; scalars are typed afterwards by `typed`, as front matter is read.
    private static func compose(_ text: String) -> Node? {
        try? Yams.compose(yaml: text, .basic, .default, .utf8)
    }

    /// What a scalar reads as: quoted ones are strings; plain ones are typed by
    /// `PlainScalarResolver`, except that only what YAML 1.1 itself reads as a timestamp is
    /// one (other tools read `2025-09-17 17:43` as a string).
    private static func typed(_ scalar: Node.Scalar) -> YAMLValue {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        if DateText.isYAMLTimestamp(text) { return .datetime(text) }
        switch PlainScalarResolver.value(of: text) {
        case .date, .datetime: return .string(text)
        case let value: return value
        }
    }

    /// Validations already made: vaults repeat the same tags and values in many notes.
    private static let memo = Memo()

    private final class Memo: @unchecked Sendable {
        private var results: [String: Bool] = [:]
        private let lock = NSLock()

        func value(for key: String, _ compute: () -> Bool) -> Bool {
            lock.lock()
            let known = results[key]
            lock.unlock()
            if let known { return known }
            let result = compute()
            lock.lock()
            results[key] = result
            lock.unlock()
            return result
        }
    }

    private static func matches(_ node: Node, _ value: Value) -> Bool {
        switch (node, value) {
        case (.scalar(let scalar), .string(let string)):
            return scalar.string == string && typed(scalar) == .string(string)
        case (.scalar(let scalar), .timestamp(let string)):
            guard scalar.string == string, scalar.style == .plain else { return false }
            switch typed(scalar) {
            case .date, .datetime: return true
            default: return false
            }
        case (.sequence(let sequence), .list(let items)):
            return sequence.count == items.count && zip(sequence, items).allSatisfy { matches($0, .string($1)) }
        default:
            return false
        }
    }
}
