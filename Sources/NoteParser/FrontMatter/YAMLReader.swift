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
        /// A YAML error at a 1-based line and column of the text read.
        case syntax(message: String, line: Int, column: Int)
        case limit(String)
    }

    let limits: Limits

    /// Composes `text` and returns its top-level pairs with the 1-based line of each key.
    func readMapping(_ text: String) throws(Failure) -> [(key: String, line: Int, value: YAMLValue, style: YAMLStyle)] {
        try checkNesting(text)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
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
        var pairs: [(key: String, line: Int, value: YAMLValue, style: YAMLStyle)] = []
        for (key, value) in mapping {
            let converted = try convert(value, budget: &budget, depth: 0)
            pairs.append((key.string ?? key.any as? String ?? "\(key.any)", key.mark?.line ?? 0, converted, Self.style(of: value)))
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
            return scalar.style == .plain ? PlainScalarResolver.value(of: scalar.string) : .string(scalar.string)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence { items.append(try convert(item, budget: &budget, depth: depth + 1)) }
            return .list(items)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping {
                pairs.append(YAMLPair(key: key.string ?? "", value: try convert(value, budget: &budget, depth: depth + 1)))
            }
            return .map(pairs)
        case .alias:
            return .null
        }
    }

    static func style(of node: Node) -> YAMLStyle {
        switch node {
        case .scalar(let scalar):
            switch scalar.style {
            case .singleQuoted: return .singleQuoted
            case .doubleQuoted: return .doubleQuoted
            case .literal: return .literal
            case .folded: return .folded
            default: return .plain
            }
        case .sequence(let sequence): return sequence.style == .flow ? .flow : .block
        case .mapping(let mapping): return mapping.style == .flow ? .flow : .block
        case .alias: return .plain
        }
    }

    private static func failure(from error: YamlError) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            return .syntax(message: message, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .syntax(message: "duplicate keys: \(duplicates.joined(separator: ", "))",
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
