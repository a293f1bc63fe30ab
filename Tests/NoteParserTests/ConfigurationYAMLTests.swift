import Foundation
import NoteParser
import Testing
import Yams

/// `ConfigurationYAML.compose` reads configuration text as `Yams.compose(yaml:)` with the
/// default resolver does: the same nodes, texts, styles and typed reads, and the same errors.
struct ConfigurationYAMLTests {
    /// What the configuration readers see of a node.
    /// What the configuration readers see of a node: keys are read as text only.
    static func reading(_ node: Node, isKey: Bool = false) -> String {
        switch node {
        case .scalar(let scalar):
            return "\(scalar.string.debugDescription)/\(scalar.style)/\(isKey ? "" : node.bool.map(String.init) ?? "-")/\(node.int.map(String.init) ?? "-")"
                + "@\(scalar.mark.map { "\($0.line):\($0.column)" } ?? "")"
        case .mapping(let mapping):
            return "{" + mapping.map { reading($0.key, isKey: true) + ": " + reading($0.value) }.joined(separator: ", ") + "}"
        case .sequence(let sequence):
            return "[" + sequence.map { reading($0) }.joined(separator: ", ") + "]"
        case .alias:
            return "*"
        }
    }

    static func reading(_ compose: () throws -> Node?) -> String {
        do { return try compose().map { reading($0) } ?? "nil" } catch { return "error: \(error)" }
    }

    @Test(arguments: [
        "root: true\nrules:\n  frontmatter/type: warning\n  link/unresolved-wikilink: {level: error, ignore: 3}\n",
        "collections:\n  essays:\n    paths: [\"essays/**\"]\n    allowUnknownKeys: yes\n    keys:\n      date_created: {type: date}\n",
        "limits:\n  maxFileBytes: 0x10\n  maxYAMLNodes: 1_000\nwatch:\n  dateModified: Off\n",
        "root: 'true'\nsite: {title: Bench, collections: {All: \"**\"}}\n", "", "# only a comment\n", "- a\n- b\n",
        "1: a\n'1': b\n", "true: a\n\"true\": b\n", "1: a\n!!int 1: b\n", "? [1]\n: a\n? ['1']\n: b\n", "a: &x {b: 1}\nc: *x\n", "&k yes: 1\nb: *k\n",
        "root: !!str true\n", "root: !!bool yes\n", "a: 1\na: 2\n", "a: [1, 2\n", "a: b: c\n", "~: 1\nnull: 2\n", "2024-01-01: a\n'2024-01-01': b\n",
    ])
    func readsAsTheDefaultResolver(text: String) {
        #expect(Self.reading { try ConfigurationYAML.compose(text) } == Self.reading { try Yams.compose(yaml: text) })
    }

    @Test func readsTheVaultConfiguration() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Notes/.notekit.yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(Self.reading { try ConfigurationYAML.compose(text) } == Self.reading { try Yams.compose(yaml: text) })
    }
}
