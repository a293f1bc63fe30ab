import Foundation
import NoteParser

/// A starting `.notekit.yml` inferred from the notes of a vault: what `notekit init` writes.
///
/// Each top-level folder with at least three notes becomes a collection; keys present in
/// at least 90% of its notes are required, and every key gets the type its values have by
/// majority (the values that do not fit stay findings). Keys that are YAML accidents (`https:`
/// of a URL split by a space, empty keys) are left out. Callout types used at least three times
/// that Obsidian does not know are accepted. A style (`research-vault`) is extended when most of
/// the notes already follow it (`StyleInference`).
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
    /// How closely the notes follow each named style.
    public let styles: [StyleInference]

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
        styles = Preset.styles.map { StyleInference(style: $0, notes: notes) }
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
            for key in Set(entries.map(\.key)) where !isAccident(key, entries) { counts[key, default: 0] += 1 }
            for entry in entries {
                if let value = entry.value, value != .null { values[entry.key, default: []].append(value) }
            }
        }
        let keys = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { (key: $0.key, schema: schema(for: $0.key, values[$0.key] ?? []), count: $0.value) }
        let required = keys.filter { Double($0.count) >= 0.9 * Double(notes.count) }.map(\.key)
        return InferredCollection(name: name, noteCount: notes.count, keys: keys, required: required)
    }

    /// The narrowest type all values fit; else the type most values fit when that is more than
    /// half of them; else `string` or `list`, whichever more values fit (`string` takes any
    /// scalar), so that at most half of the values are findings. A value fits a type when
    /// `frontmatter/type` accepts it there: a quoted date fits `date` and `datetime` only in
    /// keys named `date…`, which lint reads as dates anyway.
    static func schema(for key: String, _ values: [YAMLValue]) -> KeySchema {
        if key == "tags" { return KeySchema(type: .tags) }
        guard !values.isEmpty else { return KeySchema(type: .string) }
        let dateKey = DateText.isDateKey(key)
        let candidates: [(KeySchema.ValueType, (YAMLValue) -> Bool)] = [
            (.date, { value in
                switch value {
                case .date(let text): DateText.isCalendarDate(text)
                case .string(let text): dateKey && DateText.isCalendarDate(text)
                default: false
                }
            }),
            (.datetime, { value in
                switch value {
                case .date, .datetime: true
                case .string(let text): dateKey && (DateText.isCalendarDate(text) || DateText.isDateTime(text))
                default: false
                }
            }),
            (.uuid, { $0.scalarText?.wholeMatch(of: #/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/#) != nil }),
            (.url, { if case .string(let text) = $0 { text.wholeMatch(of: #/https?:\/\/\S+/#) != nil } else { false } }),
            (.bool, { if case .bool = $0 { true } else { false } }),
            (.number, { if case .number = $0 { true } else { false } }),
            (.list, { if case .list = $0 { true } else { false } }),
        ]
        let fits = candidates.map { type, fits in (type: type, count: values.count(where: fits)) }
        if let all = fits.first(where: { $0.count == values.count }) { return KeySchema(type: all.type) }
        let most = fits.max { $0.count < $1.count }!
        if most.count * 2 > values.count { return KeySchema(type: most.type) }
        let lists = fits.first { $0.type == .list }!.count
        return KeySchema(type: lists > values.count { $0.scalarText != nil } ? .list : .string)
    }

    /// A key no one meant: empty, or a piece of a URL that YAML split at `: ` (`https: //host`
    /// gives the key `https`; `www.example.com: 8080` or a key holding `://` are pieces too).
    static func isAccident(_ key: String, _ entries: [FrontMatterEntry]) -> Bool {
        let trimmed = key.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.isEmpty || trimmed.contains("://") || trimmed.hasPrefix("//") || trimmed.hasPrefix("www.") { return true }
        let values = entries.filter { $0.key == key }.compactMap(\.value?.scalarText)
        return ["http", "https"].contains(trimmed) || !values.isEmpty && values.allSatisfy { $0.hasPrefix("//") }
    }

    /// The configuration as commented YAML that `ConfigurationLoader` reads.
    public var yaml: String {
        var lines = [
            "# notekit configuration, inferred by `notekit init` from the notes in this vault.",
            "# Review it: required keys are those present in at least 90% of a folder's notes.",
            "",
            "# Presets: recommended (the correctness rules) and the styles most notes follow.",
            "extends: [\(([Preset.recommended] + styles.filter(\.isFollowed).map(\.style)).joined(separator: ", "))]",
        ]
        for style in styles {
            let share = style.choosing == 0 ? 0 : Int((100 * Double(style.following) / Double(style.choosing)).rounded(.down))
            lines.append("# \(style.style) style: \(style.following) of the \(style.choosing) notes with tags, rules or citations "
                         + "follow it (\(share)%; \(Int(StyleInference.threshold * 100))% turns it on).")
        }
        lines += [
            "",
            "# Rule levels: off, warning or error. `notekit rules` lists every rule.",
            "# rules:",
            "#   frontmatter/missing: warning",
            "#   body/dash-rule: {level: warning, style: \"***\"}  # the long form sets options (docs/rule-options.md)",
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
        return plain ? text : YAMLQuoting.singleQuoted(text)
    }
}
