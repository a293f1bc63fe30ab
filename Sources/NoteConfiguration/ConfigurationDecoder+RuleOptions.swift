import NoteParser
import Yams

/// A rule's entry under `rules`: the short form `ID: LEVEL`, or the long form
/// `ID: {level: LEVEL, OPTION: VALUE, ...}` whose options are checked against the rule's
/// declared `RuleOptionDeclaration`s.
extension ConfigurationDecoder {
    func ruleSetting(_ id: String, _ node: Node, into configuration: inout Configuration) throws {
        guard case .mapping(let entries) = node else {
            configuration.rules[id] = try level(node)
            return
        }
        let declarations = rules.rule(id)?.options ?? []
        for (nameNode, valueNode) in entries {
            let name = nameNode.string ?? ""
            if name == "level" {
                configuration.rules[id] = try level(valueNode)
                continue
            }
            guard let declaration = declarations.first(where: { $0.name == name }) else {
                let names = ["level"] + declarations.map(\.name)
                let hint = closest(name, among: names)
                throw error(nameNode, "unknown option '\(name)' for rule \(id)"
                            + (hint.isEmpty ? " (it takes: \(names.joined(separator: ", ")))" : hint))
            }
            configuration.ruleOptions[id, default: [:]][name] = try optionValue(valueNode, declaration, rule: id)
        }
    }

    private func level(_ node: Node) throws -> Configuration.Level {
        guard let level = node.string.flatMap(Configuration.Level.init(rawValue:)) else {
            throw error(node, "rule level must be off, warning or error")
        }
        return level
    }

    /// The value as written, when the declaration allows it.
    private func optionValue(_ node: Node, _ declaration: RuleOptionDeclaration, rule id: String) throws -> String {
        let what = "option '\(declaration.name)' of \(id)"
        switch declaration.kind {
        case .oneOf(let values):
            guard case .scalar(let scalar) = node else { throw error(node, "\(what) must be one of \(declaration.allowedValues(quotedWith: "'"))") }
            guard values.contains(scalar.string) else {
                let hint = closest(scalar.string, among: values)
                throw error(node, "'\(scalar.string)' is not a value of \(what)"
                            + (hint.isEmpty ? " (expected one of \(declaration.allowedValues(quotedWith: "'")))" : hint))
            }
            return scalar.string
        case .integer(let range):
            guard case .scalar = node, let number = node.int, range.contains(number) else {
                throw error(node, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return String(number)
        }
    }

    /// " (did you mean 'X'?)" for the candidate `word` begins (`kebab` → `kebab-case`) or is a
    /// typo of (`stlye` → `style`), else "".
    private func closest(_ word: String, among candidates: [String]) -> String {
        let folded = Suggestion.fold(word)
        let match = candidates.first { !folded.isEmpty && Suggestion.fold($0).hasPrefix(folded) }
            ?? Suggestion.closest(to: word, among: candidates, maxDistance: max(1, min(2, folded.count / 2)))
        return match.map { " (did you mean '\($0)'?)" } ?? ""
    }
}
