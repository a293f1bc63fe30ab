import Foundation
import Yams

/// Reads YAML text with Yams into `YAMLValue`s, within resource limits.
struct YAMLReader {
    /// Limits that keep hostile YAML (alias bombs, deep nesting) cheap.
    struct Limits {
        var maxNodes = 100_000
        var maxDepth = 64
    }

    enum Failure: Error {
        /// A YAML error at a 1-based line and column (in code points) of the text read.
        case syntax(message: String, line: Int, column: Int)
        /// Keys repeated in one map; at column 1 they are top-level keys, which the
        /// front-matter scanner finds (and reports) on its own.
        case duplicateKeys(message: String, line: Int, column: Int)
        case limit(String)
    }

    let limits: Limits

    /// libyaml (YAML 1.1) breaks lines at U+2028 and U+2029, notes split on `\n` only: they are
    /// read as the noncharacters U+FDD0 and U+FDD1 (as long in UTF-8), then restored in values.
    private static let separators: [UInt8] = [0xA8, 0xA9]  // U+2028, U+2029: E2 80 A8, E2 80 A9
    private static let standIns: [UInt8] = [0x90, 0x91]  // U+FDD0, U+FDD1: EF B7 90, EF B7 91

    /// A top-level key, its 1-based line, value and style.
    typealias Pair = (key: String, line: Int, value: YAMLValue, style: YAMLStyle)

    /// Reads `text` and returns its top-level pairs: the common shapes with
    /// `SimpleYAMLReader`, the rest composed by Yams.
    func readMapping(_ text: String) throws(Failure) -> [Pair] {
        try checkNesting(text)
        if let pairs = SimpleYAMLReader.readMapping(text, maxNodes: limits.maxNodes) { return pairs }
        return try compose(text)
    }

    /// Composes `text` with Yams and returns its top-level pairs.
    func compose(_ text: String) throws(Failure) -> [Pair] {
        let masked = Self.swapping(text, from: (0xE2, 0x80, Self.separators), to: (0xEF, 0xB7, Self.standIns))
        // Split on bytes; a CRLF line keeps its CR at the end, after every column Yams reports.
        let lines = masked.utf8.split(separator: Byte.newline, omittingEmptySubsequences: false).map(Substring.init)
        let root: Node?
        do {
            root = try Yams.compose(yaml: masked, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw Self.failure(from: error)
        } catch {
            throw .syntax(message: "\(error)", line: 1, column: 1)
        }
        guard let root else { return [] }
        guard case .mapping(let mapping) = root else {
            throw .syntax(message: "front matter is a \(root.isScalar ? "scalar" : "list"), not a map of keys",
                          line: root.mark?.line ?? 1, column: root.mark?.column ?? 1)
        }
        var budget = limits.maxNodes
        var pairs: [Pair] = []
        for (key, value) in mapping {
            let converted = try convert(value, budget: &budget, depth: 0)
            pairs.append((Self.restore(key.string ?? key.any as? String ?? "\(key.any)"), key.mark?.line ?? 0, converted,
                          Self.style(of: value, lines: lines)))
        }
        return pairs
    }

    /// Refuses text nested deeper than the limit before Yams (which recurses) sees it.
    private func checkNesting(_ text: String) throws(Failure) {
        var depth = 0
        var indent = 0
        var atLineStart = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limits.maxDepth { throw .limit("YAML nested deeper than \(limits.maxDepth) levels") }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "\n"): atLineStart = true; indent = 0; continue
            case UInt8(ascii: " ") where atLineStart:
                indent += 1
                if indent > limits.maxDepth * 8 { throw .limit("YAML indented deeper than \(limits.maxDepth * 8) spaces") }
                continue
            default: break
            }
            atLineStart = false
        }
    }

    private func convert(_ node: Node, budget: inout Int, depth: Int) throws(Failure) -> YAMLValue {
        budget -= 1
        guard budget >= 0 else { throw .limit("YAML expands to more than \(limits.maxNodes) values (alias bomb?)") }
        guard depth <= limits.maxDepth else { throw .limit("YAML nested deeper than \(limits.maxDepth) levels") }
        switch node {
        case .scalar(let scalar):
            let text = Self.restore(scalar.string)
            return scalar.style == .plain ? PlainScalarResolver.value(of: text) : .string(text)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence { items.append(try convert(item, budget: &budget, depth: depth + 1)) }
            return .list(items)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping {
                pairs.append(YAMLPair(key: Self.restore(key.string ?? ""), value: try convert(value, budget: &budget, depth: depth + 1)))
            }
            return .map(pairs)
        case .alias:
            return .null
        }
    }

    private static func restore(_ text: String) -> String {
        swapping(text, from: (0xEF, 0xB7, standIns), to: (0xE2, 0x80, separators))
    }

    /// `text` with each three-byte character `from` (two lead bytes, then one of the last
    /// bytes) replaced by the one of `to` at the same place in its list.
    private static func swapping(_ text: String, from: (UInt8, UInt8, [UInt8]), to: (UInt8, UInt8, [UInt8])) -> String {
        guard text.utf8.contains(from.0) else { return text }
        var bytes = Array(text.utf8)
        var changed = false
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == from.0, bytes[index + 1] == from.1, let which = from.2.firstIndex(of: bytes[index + 2]) {
                bytes[index] = to.0
                bytes[index + 1] = to.1
                bytes[index + 2] = to.2[which]
                changed = true
                index += 3
            } else {
                index += 1
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// Yams reports collections as `.any` style, so flow collections are told by their
    /// opening `[` or `{` at the node's mark in `lines`.
    static func style(of node: Node, lines: [Substring]) -> YAMLStyle {
        switch node {
        case .scalar(let scalar):
            switch scalar.style {
            case .singleQuoted: return .singleQuoted
            case .doubleQuoted: return .doubleQuoted
            case .literal: return .literal
            case .folded: return .folded
            default: return .plain
            }
        case .sequence, .mapping: return opensFlow(node.mark, lines: lines) ? .flow : .block
        case .alias: return .plain
        }
    }

    private static func opensFlow(_ mark: Mark?, lines: [Substring]) -> Bool {
        guard let mark, mark.line >= 1, mark.line <= lines.count else { return false }
        // libyaml counts columns in code points.
        let line = lines[mark.line - 1].unicodeScalars
        guard var index = line.index(line.startIndex, offsetBy: mark.column - 1, limitedBy: line.endIndex) else { return false }
        // Skip an anchor (`&name`) or tag (`!tag`) written before the collection.
        while index < line.endIndex, line[index] == "&" || line[index] == "!" {
            while index < line.endIndex, line[index] != " " { index = line.index(after: index) }
            while index < line.endIndex, line[index] == " " { index = line.index(after: index) }
        }
        return index < line.endIndex && (line[index] == "[" || line[index] == "{")
    }

    private static func failure(from error: YamlError) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            return .syntax(message: message, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .duplicateKeys(message: "duplicate keys: \(duplicates.joined(separator: ", "))",
                                  line: context.mark.line, column: context.mark.column)
        case .reader(let problem, _, _, _):
            return .syntax(message: problem, line: 1, column: 1)
        default:
            return .syntax(message: "\(error)", line: 1, column: 1)
        }
    }
}

extension Node {
    fileprivate var isScalar: Bool { if case .scalar = self { return true } else { return false } }
}
