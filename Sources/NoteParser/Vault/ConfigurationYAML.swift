import Yams

/// Composes configuration YAML (`.notekit.yml`) as `Yams.compose(yaml:)` does, without building
/// Yams' default resolver when it can: that resolver compiles seven regular expressions (through
/// ICU) on first use, which costs a lint run more than reading the file.
///
/// A resolver only names the tags of plain scalars, and Yams resolves a tag only when a node is
/// compared or hashed: in composing, the keys of each mapping, for its duplicate check. The
/// configuration readers read keys as text, and values as text, style and unresolved tag
/// (`Node.bool` refuses only an explicit `!!str`). So a document composed with the basic
/// resolver (no rules) reads the same, unless two keys of a mapping have the same text, which
/// one resolver may take for a duplicate and the other not (`1` and `'1'`), a key is no scalar,
/// or the text has an anchor (`&`: an alias of a key would share its resolved tag with a
/// value). Then, when composing fails, and for documents too large to check, it is composed
/// again with the default resolver.
package enum ConfigurationYAML {
    package static func compose(_ text: String) throws -> Node? {
        var budget = 10_000
        if !text.utf8.contains(UInt8(ascii: "&")), let root = try? Yams.compose(yaml: text, .basic), keysDiffer(root, budget: &budget) {
            return root
        }
        return try Yams.compose(yaml: text)
    }

    /// Whether every mapping in `node` has scalar keys of different texts (false past `budget` nodes).
    private static func keysDiffer(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .mapping(let mapping):
            var seen = Set<String>()
            for (key, value) in mapping {
                guard case .scalar(let scalar) = key, seen.insert(scalar.string).inserted, keysDiffer(value, budget: &budget) else { return false }
            }
            return true
        case .sequence(let sequence):
            return sequence.allSatisfy { keysDiffer($0, budget: &budget) }
        case .scalar, .alias:
            return true
        }
    }
}
