import Foundation
import NoteParser
import Yams

extension MigrationPlan {
    static let stepKinds = ["rename", "delete", "set", "map", "convert", "reorder"]

    /// Reads and validates a plan file.
    public static func read(_ path: String) throws(PlanError) -> MigrationPlan {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PlanError(path: path, line: 1, column: 1, message: "cannot read plan: \(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    /// Parses plan text; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(PlanError) -> MigrationPlan {
        do {
            return try PlanDecoder(path: path).decode(text)
        } catch let error as PlanError {
            throw error
        } catch let error as YamlError {
            throw PlanError(path: path, yamlError: error)
        } catch {
            throw PlanError(path: path, line: 1, column: 1, message: "\(error)")
        }
    }
}

/// Turns plan YAML into steps, naming the line and column of every mistake.
private struct PlanDecoder {
    let path: String

    func decode(_ text: String) throws -> MigrationPlan {
        guard let root = try Yams.compose(yaml: text) else { throw PlanError(path: path, line: 1, column: 1, message: "the plan is empty") }
        var steps: [MigrationStep]?
        for (keyNode, value) in try mapping(root, "the plan") {
            switch keyNode.string ?? "" {
            case "steps":
                guard case .sequence(let sequence) = value else { throw error(value, "steps must be a list") }
                steps = try sequence.map(step)
            case "description":
                break
            case let other:
                throw error(keyNode, "unknown key '\(other)'" + suggestion(other, among: ["steps", "description"]))
            }
        }
        guard let steps else { throw error(root, "the plan has no steps") }
        return MigrationPlan(steps: steps)
    }

    private func step(_ node: Node) throws -> MigrationStep {
        var action: MigrationStep.Action?
        var paths: [Glob] = []
        var conditions: [(key: String, value: String)] = []
        for (keyNode, value) in try mapping(node, "a step") {
            let key = keyNode.string ?? ""
            switch key {
            case "paths":
                paths = try strings(value, "paths").map(Glob.init)
            case "where":
                conditions = try mapping(value, "where").map { keyNode, valueNode in
                    guard let text = valueNode.string else { throw error(valueNode, "where values must be scalars") }
                    return (try scalar(keyNode, "a where key"), text)
                }
            case _ where MigrationPlan.stepKinds.contains(key):
                guard action == nil else { throw error(keyNode, "a step does one thing; '\(key)' belongs in a step of its own") }
                action = try self.action(key, value)
            default:
                let expected = MigrationPlan.stepKinds + ["paths", "where"]
                throw error(keyNode, "unknown step '\(key)'" + suggestion(key, among: expected)
                            + " (expected one of: \(MigrationPlan.stepKinds.joined(separator: ", ")))")
            }
        }
        guard let action else {
            throw error(node, "a step needs one of: \(MigrationPlan.stepKinds.joined(separator: ", "))")
        }
        return MigrationStep(action: action, paths: paths, conditions: conditions, line: node.mark?.line ?? 1)
    }

    private func action(_ kind: String, _ node: Node) throws -> MigrationStep.Action {
        switch kind {
        case "rename":
            let fields = try self.fields(node, kind, allowed: ["from", "to", "overwrite"])
            return .rename(from: try required(fields, "from", node, kind), to: try required(fields, "to", node, kind),
                           overwrite: try flag(fields["overwrite"]))
        case "delete":
            return .delete(keys: try strings(node, "delete"))
        case "set":
            let fields = try self.fields(node, kind, allowed: ["key", "value"])
            let valueNode = fields["value"]
            let text = try required(fields, "value", node, kind)
            do {
                return .set(key: try required(fields, "key", node, kind), value: try ValueTemplate(text))
            } catch let unknown as ValueTemplate.UnknownPlaceholder {
                throw error(valueNode ?? node, "unknown placeholder '{{\(unknown.name)}}'"
                            + suggestion(unknown.name, among: ValueTemplate.placeholders)
                            + " (expected one of: \(ValueTemplate.placeholders.map { "{{\($0)}}" }.joined(separator: ", ")))")
            }
        case "map":
            let fields = try self.fields(node, kind, allowed: ["key", "values", "caseInsensitive"])
            let caseInsensitive = try flag(fields["caseInsensitive"])
            guard let valuesNode = fields["values"] else { throw error(node, "map needs 'values' (alias: canonical)") }
            var values: [String: String] = [:]
            for (aliasNode, canonicalNode) in try mapping(valuesNode, "values") {
                let alias = try scalar(aliasNode, "an alias"), folded = caseInsensitive ? alias.lowercased() : alias
                guard values[folded] == nil else { throw error(aliasNode, "alias '\(alias)' is listed twice") }
                values[folded] = try scalar(canonicalNode, "a canonical value")
            }
            return .map(key: try required(fields, "key", node, kind), values: values, caseInsensitive: caseInsensitive)
        case "convert":
            if let name = node.string { return .convert(style: try style(name, node), keys: nil) }
            let fields = try self.fields(node, kind, allowed: ["style", "keys"])
            let style = try self.style(try required(fields, "style", node, kind), fields["style"] ?? node)
            return .convert(style: style, keys: try fields["keys"].map { try strings($0, "keys") })
        default:
            return .reorder(keys: try strings(node, "reorder"))
        }
    }

    private func style(_ name: String, _ node: Node) throws -> MigrationStep.ConvertStyle {
        guard let style = MigrationStep.ConvertStyle(rawValue: name) else {
            let names = MigrationStep.ConvertStyle.allCases.map(\.rawValue)
            throw error(node, "unknown convert style '\(name)'" + suggestion(name, among: names) + " (expected one of: \(names.joined(separator: ", ")))")
        }
        return style
    }

    /// The fields of a step's map, refusing keys it does not know.
    private func fields(_ node: Node, _ kind: String, allowed: [String]) throws -> [String: Node] {
        var fields: [String: Node] = [:]
        for (keyNode, value) in try mapping(node, kind) {
            let key = keyNode.string ?? ""
            guard allowed.contains(key) else {
                throw error(keyNode, "unknown key '\(key)' in \(kind)" + suggestion(key, among: allowed)
                            + " (expected: \(allowed.joined(separator: ", ")))")
            }
            fields[key] = value
        }
        return fields
    }

    private func required(_ fields: [String: Node], _ key: String, _ node: Node, _ kind: String) throws -> String {
        guard let value = fields[key] else { throw error(node, "\(kind) needs '\(key)'") }
        return try scalar(value, "'\(key)'")
    }

    private func flag(_ node: Node?) throws -> Bool {
        guard let node else { return false }
        guard let bool = node.bool else { throw error(node, "expected true or false") }
        return bool
    }

    private func scalar(_ node: Node, _ what: String) throws -> String {
        guard let string = node.string, !string.isEmpty else { throw error(node, "\(what) must be a non-empty string") }
        return string
    }

    private func mapping(_ node: Node, _ what: String) throws -> Node.Mapping {
        guard case .mapping(let mapping) = node else { throw error(node, "\(what) must be a map") }
        return mapping
    }

    private func strings(_ node: Node, _ what: String) throws -> [String] {
        if case .scalar = node { return [try scalar(node, what)] }
        guard case .sequence(let sequence) = node, !sequence.isEmpty else { throw error(node, "\(what) must be a string or a list of strings") }
        return try sequence.map { try scalar($0, what) }
    }

    private func error(_ node: Node, _ message: String) -> PlanError {
        PlanError(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    private func suggestion(_ word: String, among candidates: [String]) -> String {
        Suggestion.closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
