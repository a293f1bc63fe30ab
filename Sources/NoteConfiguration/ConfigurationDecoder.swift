import NoteParser
import Yams

/// Turns `.notekit.yml` text into a `Configuration`, keeping the order of collections
/// and naming the line of every mistake.
///
/// A file is decoded onto a base (its parent folder's configuration, or the defaults), after the
/// presets and files it `extends` (ConfigurationDecoder+Extends.swift): its rules override the
/// base's per id (their options per option name), its limits per key; its ignore globs and
/// callout types add to the base's; its collections come first (replacing the base's of the same
/// name).
struct ConfigurationDecoder {
    let path: String
    /// The rules that `rules:`, `extends` and `watch.fix` may name.
    let rules: RuleCatalog
    /// The absolute vault root its globs are rebased onto; nil to keep them as written.
    var vaultRoot: String?
    /// The files being read, outermost first, to report `extends` cycles.
    var chain: [String] = []

    static let topLevelKeys: Set<String> = ["extends", "root", "rules", "ignore", "collections", "callouts", "limits", "render", "watch", "site"]
    static let limitKeys: [String: WritableKeyPath<LintLimits, Int> & Sendable] = [
        "maxFileBytes": \.parser.maxFileBytes, "maxYAMLNodes": \.parser.maxYAMLNodes, "maxYAMLDepth": \.parser.maxYAMLDepth,
        "maxMarkdownDepth": \.parser.maxMarkdownDepth, "maxFindingsPerFile": \.maxFindingsPerFile,
    ]
    static let collectionKeys: Set<String> = ["paths", "required", "keys", "aliases", "allowUnknownKeys"]

    /// The configuration `text` gives on top of `base`.
    func decode(_ text: String, onto base: Configuration = Configuration()) throws -> Configuration {
        try decode(try top(text), onto: base)
    }

    /// The top-level map of configuration text, nil when the text holds no document.
    func top(_ text: String) throws -> Node.Mapping? {
        guard let root = try ConfigurationYAML.compose(text) else { return nil }
        return try mapping(root, "the configuration")
    }

    /// The configuration a file's top-level map gives on top of `base`, its globs rebased onto the vault root.
    func decode(_ top: Node.Mapping?, onto base: Configuration) throws -> Configuration {
        guard let top else { return base }
        var configuration = try extending(base, top)
        let prefix = globPrefix
        var collections: [NoteCollection] = []
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "extends":
                continue  // read first, by extending(_:_:)
            case "root":
                _ = try isRoot(top)
            case "rules":
                for (ruleNode, levelNode) in try mapping(value, "rules") {
                    let id = ruleNode.string ?? ""
                    guard rules.rule(id) != nil else {
                        throw error(ruleNode, "unknown rule '\(id)'" + suggestion(id, among: rules.ids))
                    }
                    try ruleSetting(id, levelNode, into: &configuration)
                }
            case "ignore":
                configuration.ignore += try strings(value, "ignore").map { prefix + $0 }
            case "collections":
                for (nameNode, spec) in try mapping(value, "collections") {
                    var collection = try collection(named: nameNode.string ?? "", spec)
                    collection.paths = collection.paths.map { prefix + $0 }
                    collections.append(collection)
                }
            case "callouts":
                for (subkey, list) in try mapping(value, "callouts") {
                    guard subkey.string == "types" else { throw error(subkey, "unknown key '\(subkey.string ?? "")' under callouts (expected: types)") }
                    for type in try strings(list, "callouts.types") where !configuration.calloutTypes.contains(type) {
                        configuration.calloutTypes.append(type)
                    }
                }
            case "limits":
                for (limitNode, valueNode) in try mapping(value, "limits") {
                    let name = limitNode.string ?? ""
                    guard let keyPath = Self.limitKeys[name] else {
                        throw error(limitNode, "unknown key '\(name)' under limits" + suggestion(name, among: Array(Self.limitKeys.keys)))
                    }
                    guard let limit = valueNode.int, limit > 0 else { throw error(valueNode, "limits.\(name) must be a positive whole number") }
                    configuration.limits[keyPath: keyPath] = limit
                }
            case "render":
                // Read by `notekit render` (RenderOptions), at its place in the file.
                _ = try mapping(value, "render")
            case "watch": configuration.watch = try watchSettings(value)
            case "site": configuration.site = try siteSettings(value)
            default:
                throw error(keyNode, "unknown key '\(key)'" + suggestion(key, among: Array(Self.topLevelKeys)))
            }
        }
        let names = Set(collections.map(\.name))
        configuration.collections = collections + configuration.collections.filter { !names.contains($0.name) }
        return configuration
    }

    /// `root: true`: the file does not extend its parent folders' configuration.
    func isRoot(_ top: Node.Mapping?) throws -> Bool {
        guard let (_, value) = top?.first(where: { $0.key.string == "root" }) else { return false }
        guard let root = value.bool else { throw error(value, "root must be true or false") }
        return root
    }

    private func collection(named name: String, _ node: Node) throws -> NoteCollection {
        var collection = NoteCollection(name: name, paths: [])
        for (keyNode, value) in try mapping(node, "collection \(name)") {
            switch keyNode.string ?? "" {
            case "paths": collection.paths = try strings(value, "paths")
            case "required": collection.required = try strings(value, "required")
            case "allowUnknownKeys": collection.allowUnknownKeys = value.bool ?? false
            case "aliases":
                for (alias, target) in try mapping(value, "aliases") {
                    collection.aliases[alias.string ?? ""] = target.string ?? ""
                }
            case "keys":
                for (key, schema) in try mapping(value, "keys") {
                    do {
                        collection.keys[key.string ?? ""] = try YAMLDecoder().decode(KeySchema.self, from: schema)
                    } catch {
                        throw self.error(schema, "invalid schema for key '\(key.string ?? "")': expected type one of "
                                         + KeySchema.ValueType.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                }
            case let other:
                throw error(keyNode, "unknown key '\(other)' in collection \(name)" + suggestion(other, among: Array(Self.collectionKeys)))
            }
        }
        if collection.paths.isEmpty { collection.paths = ["\(name)/**"] }
        return collection
    }

    private func mapping(_ node: Node, _ what: String) throws -> Node.Mapping {
        guard case .mapping(let mapping) = node else { throw error(node, "\(what) must be a map") }
        return mapping
    }

    private func strings(_ node: Node, _ what: String) throws -> [String] {
        if let single = node.string { return [single] }
        guard case .sequence(let sequence) = node else { throw error(node, "\(what) must be a list of strings") }
        return sequence.compactMap(\.string)
    }

    func error(_ node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    func suggestion(_ word: String, among candidates: [String]) -> String {
        Suggestion.closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
