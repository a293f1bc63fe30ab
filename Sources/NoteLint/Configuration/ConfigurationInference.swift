import Foundation
import NoteParser

/// A starting `.notekit.yml` inferred from the notes of a vault: what `notekit init` writes.
///
/// Each top-level folder with at least three notes becomes a collection; keys present in
/// at least 90% of its notes are required, and every key gets a type read off its values.
/// Callout types used at least three times that Obsidian does not know are accepted.
public struct ConfigurationInference: Sendable {
    /// Obsidian's own callout types and aliases, as `callout/unknown-type` knows them.
    static let builtInCalloutTypes = Set(CalloutUnknownTypeRule.builtInTypes)

    /// A folder's notes and the front-matter schema they share.
    public struct InferredCollection: Sendable {
        public let name: String
        public let noteCount: Int
        /// Keys with their schema and the number of notes that have them, most common first.
        public let keys: [(key: String, schema: KeySchema, count: Int)]
        public let required: [String]
    }

    public let collections: [InferredCollection]
    /// Callout types as first written, with how often they occur.
    public let calloutTypes: [(type: String, count: Int)]

    /// Infers from notes keyed by their path relative to the vault root.
    public init(notes: [(vaultPath: String, note: Note)]) {
        let folders = Dictionary(grouping: notes.filter { $0.vaultPath.contains("/") }) {
            String($0.vaultPath.split(separator: "/")[0])
        }
        collections = folders.filter { $0.value.count >= 3 }.sorted { $0.key < $1.key }
            .map { Self.collection(named: $0.key, $0.value.map(\.note)) }
        var counts: [String: (type: String, count: Int)] = [:]
        for callout in notes.flatMap(\.note.callouts) where !Self.builtInCalloutTypes.contains(callout.normalizedType) {
            counts[callout.normalizedType, default: (callout.type, 0)].count += 1
        }
        calloutTypes = counts.values.filter { $0.count >= 3 }.sorted { $0.type < $1.type }
    }

    /// Infers from every `*.md` file under `root`; unreadable notes are skipped.
    public init(vaultAt root: String) {
        let (files, _) = NoteFiles.collect([root])
        let notes = NoteParser().parse(files: files).compactMap { try? $0.get() }
        self.init(notes: notes.map { (VaultPath.relative($0.path, to: root), $0) })
    }

    private static func collection(named name: String, _ notes: [Note]) -> InferredCollection {
        var values: [String: [YAMLValue]] = [:]
        var counts: [String: Int] = [:]
        for entries in notes.compactMap(\.frontMatter?.entries) {
            for key in Set(entries.map(\.key)) { counts[key, default: 0] += 1 }
            for entry in entries {
                if let value = entry.value, value != .null { values[entry.key, default: []].append(value) }
            }
        }
        let keys = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { (key: $0.key, schema: schema(for: $0.key, values[$0.key] ?? []), count: $0.value) }
        let required = keys.filter { Double($0.count) >= 0.9 * Double(notes.count) }.map(\.key)
        return InferredCollection(name: name, noteCount: notes.count, keys: keys, required: required)
    }

    /// The narrowest type all values fit, `string` when none does.
    static func schema(for key: String, _ values: [YAMLValue]) -> KeySchema {
        if key == "tags" { return KeySchema(type: .tags) }
        let texts = values.compactMap(\.scalarText)
        let allScalars = !values.isEmpty && texts.count == values.count
        func all(_ test: (YAMLValue) -> Bool) -> Bool { !values.isEmpty && values.allSatisfy(test) }
        func allTexts(_ pattern: some RegexComponent) -> Bool { allScalars && texts.allSatisfy { $0.wholeMatch(of: pattern) != nil } }
        if allScalars && texts.allSatisfy(DateText.isCalendarDate) { return KeySchema(type: .date) }
        if allScalars && texts.allSatisfy(DateText.isDateTime) { return KeySchema(type: .datetime) }
        if allTexts(#/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/#) { return KeySchema(type: .uuid) }
        if allTexts(#/https?:\/\/\S+/#) { return KeySchema(type: .url) }
        if all({ if case .bool = $0 { true } else { false } }) { return KeySchema(type: .bool) }
        if all({ if case .number = $0 { true } else { false } }) { return KeySchema(type: .number) }
        if all({ if case .list = $0 { true } else { false } }) { return KeySchema(type: .list) }
        return KeySchema(type: .string)
    }

    /// The configuration as commented YAML that `ConfigurationLoader` reads.
    public var yaml: String {
        var lines = [
            "# notekit configuration, inferred by `notekit init` from the notes in this vault.",
            "# Review it: required keys are those present in at least 90% of a folder's notes.",
            "",
            "# Rule levels: off, warning or error. `notekit rules` lists every rule.",
            "# rules:",
            "#   frontmatter/missing: warning",
            "",
            "# Notes never linted (globs relative to this file).",
            "# ignore:",
            "#   - Templates/**",
        ]
        if !collections.isEmpty { lines += ["", "collections:"] }
        for collection in collections {
            lines += ["  # \(collection.noteCount) notes in \(collection.name)/",
                      "  \(Self.quoted(collection.name)):",
                      "    paths: [\(Self.quoted(collection.name + "/**"))]",
                      "    required: [\(collection.required.map(Self.quoted).joined(separator: ", "))]"]
            if !collection.keys.isEmpty { lines.append("    keys:") }
            for key in collection.keys {
                lines.append("      \(Self.quoted(key.key)): {type: \(key.schema.type.rawValue)}  # in \(key.count) of \(collection.noteCount)")
            }
        }
        if !calloutTypes.isEmpty {
            lines += ["", "# Callout types used here besides Obsidian's own.", "callouts:", "  types:"]
            lines += calloutTypes.map { "    - \(Self.quoted($0.type))  # \($0.count) uses" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a YAML scalar: plain when safe, single-quoted otherwise.
    static func quoted(_ text: String) -> String {
        let plain = text.wholeMatch(of: #/[A-Za-z0-9_][A-Za-z0-9_.\/ -]*/#) != nil
            && !text.hasSuffix(" ") && Double(text) == nil && !["true", "false", "yes", "no", "null", "on", "off"].contains(text.lowercased())
        return plain ? text : "'" + text.replacing("'", with: "''") + "'"
    }
}
