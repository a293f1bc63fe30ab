/// Resolves wikilink targets to vault files the way Obsidian does: case-insensitively,
/// `.md` optional, a path by its suffix (`[[folder/note]]`), a bare name by file name
/// anywhere in the vault, then by the `aliases` of notes. Build it once per vault.
public struct WikilinkResolver: Sendable {
    /// Where a link target leads.
    public enum Resolution: Hashable, Sendable {
        /// One file (vault-relative path).
        case file(String)
        /// Several files match equally, sorted: Obsidian picks one, readers cannot tell which.
        case ambiguous([String])
        case unresolved

        /// The file a reader lands on: the one file, or the first of several (Obsidian picks one too).
        public var path: String? {
            switch self {
            case .file(let path): return path
            case .ambiguous(let paths): return paths.first
            case .unresolved: return nil
            }
        }
    }

    /// The files a key leads to: one (nearly every key: no array made for it) or several, sorted.
    private enum Files: Sendable {
        case one(String)
        case several([String])
    }

    /// Lowercased path suffixes at `/` boundaries (`a/b.md`, `b.md`) → the files ending so.
    private let bySuffix: [String: Files]
    /// Lowercased aliases → the notes declaring them.
    private let byAlias: [String: [String]]

    /// - Parameters:
    ///   - files: every file of the vault, relative to its root with `/` separators.
    ///   - aliases: the `aliases` of notes by vault path.
    public init(files: [String], aliases: [String: [String]] = [:]) {
        let suffixes = Set(files).map { (path: $0, suffixes: Self.suffixes(of: $0)) }
        var bySuffix: [String: Files] = [:]
        bySuffix.reserveCapacity(suffixes.reduce(0) { $0 + $1.suffixes.count })
        // Each path added to the files of its keys in place (one lookup a key).
        func add(_ path: String, to entry: inout Files?) {
            switch entry {
            case nil: entry = .one(path)
            case .one(let first)?: entry = .several([first, path])
            case .several(let paths)?: entry = .several(paths + [path])
            }
        }
        for (path, pathSuffixes) in suffixes {
            for suffix in pathSuffixes { add(path, to: &bySuffix[suffix]) }
        }
        // Walked by index, not over `values.indices` (which holds the storage: the first write copied it).
        var index = bySuffix.values.startIndex
        while index != bySuffix.values.endIndex {
            if case .several(let paths) = bySuffix.values[index] { bySuffix.values[index] = .several(paths.sorted()) }
            bySuffix.values.formIndex(after: &index)
        }
        self.bySuffix = bySuffix
        var byAlias: [String: [String]] = [:]
        for (path, names) in aliases {
            for name in names {
                if let key = Self.aliasKey(name) { byAlias[key, default: []].append(path) }
            }
        }
        for index in byAlias.values.indices where byAlias.values[index].count > 1 { byAlias.values[index].sort() }
        self.byAlias = byAlias
    }

    /// A resolver over the vault's files and the `aliases` of `notes` (parsed notes by vault path).
    public init(files: [String], notes: [(vaultPath: String, note: Note)]) {
        // Only the notes with aliases (most have none) are keyed.
        let aliases = Dictionary(notes.compactMap { note in
            let names = Self.aliases(of: note.note)
            return names.isEmpty ? nil : (note.vaultPath, names)
        }, uniquingKeysWith: +)
        self.init(files: files + notes.map(\.vaultPath), aliases: aliases)
    }

    /// Where `target` (a wikilink's target, without heading or alias) leads from the note at `source`.
    public func resolve(_ target: String, from source: String) -> Resolution {
        switch Self.lookup(target, from: source) {
        case .source: return .file(source)
        case .nowhere: return .unresolved
        case .names(let candidates, let exact, let alias):
            for candidate in candidates {
                // A path from the vault root wins, as in Obsidian (one file is the one found
                // unless the path must be whole).
                switch bySuffix[candidate] {
                case nil: continue
                case .one(let path)?:
                    if !exact || path.lowercasedCheaply() == candidate { return .file(path) }
                case .several(let paths)?:
                    if let root = paths.first(where: { $0.lowercasedCheaply() == candidate }) { return .file(root) }
                    if !exact { return .ambiguous(paths) }
                }
            }
            if let alias, let note = byAlias[alias]?.first { return .file(note) }
            return .unresolved
        }
    }

    /// True when `resolve(target, from:)` gives the same for every source note, as far as its first
    /// byte tells: a printable ASCII byte other than `.` and `/` (the target is then neither blank,
    /// the note itself, nor a path relative to the note's folder).
    public static func leadsAlikeFromEveryNote(_ target: String) -> Bool {
        guard let first = target.utf8.first else { return false }
        return first > Byte.space && first < 0x7F && first != UInt8(ascii: ".") && first != UInt8(ascii: "/")
    }

    /// The names `resolve(target, from: source)` looks up: the keys of the files and aliases
    /// (`keys(ofFile:)`, `keys(ofAlias:)`) it can lead to. Where a link leads depends only on the
    /// files and aliases sharing one of these keys.
    public static func keys(of target: String, from source: String) -> Set<String> {
        guard case .names(let candidates, _, let alias) = lookup(target, from: source) else { return [] }
        return Set(candidates.map { "path " + $0 } + (alias.map { ["alias " + $0] } ?? []))
    }

    /// The keys a file at vault path `path` is found by: its lowercased path and each ending of it
    /// after a `/`.
    public static func keys(ofFile path: String) -> Set<String> { Set(suffixes(of: path).map { "path " + $0 }) }

    /// The key a note's alias `name` is found by (none for a blank one).
    public static func keys(ofAlias name: String) -> Set<String> { aliasKey(name).map { ["alias " + $0] } ?? [] }

    /// Where a target is looked up.
    enum Lookup: Equatable {
        /// `[[#heading]]`: the note itself.
        case source
        /// A relative path above the vault root.
        case nowhere
        /// The lowercased path endings tried in turn (only a whole path when `exact`), then an alias.
        case names(candidates: [String], exact: Bool, alias: String?)
    }

    private static func lookup(_ target: String, from source: String) -> Lookup {
        asciiNames(target) ?? names(target, from: source)
    }

    /// `lookup` of any target, on its characters.
    static func names(_ target: String, from source: String) -> Lookup {
        var key = target.trimmed().lowercasedCheaply()
        guard !key.isEmpty else { return .source }
        var exact = false
        if key.hasPrefix("./") || key.hasPrefix("../") {
            guard let joined = join(folder: source.lowercasedCheaply(), key) else { return .nowhere }
            key = joined
            exact = true
        } else if key.hasPrefix("/") {
            key = String(key.drop { $0 == "/" })
            exact = true
        }
        let candidates = key.hasSuffix(".md") ? [key] : [key + ".md", key]
        return .names(candidates: candidates, exact: exact, alias: !exact && !key.utf8.contains(UInt8(ascii: "/")) ? key : nil)
    }

    /// `lookup` of a target that is ASCII and neither relative nor from the root (nearly every
    /// one), worked out on its bytes: trimmed, lowercased and given `.md` in one copy each.
    static func asciiNames(_ target: String) -> Lookup? {
        var target = target
        return target.withUTF8 { bytes -> Lookup? in
            guard let trimmed = Byte.trimmedASCIIEnds(0..<bytes.count, in: bytes) else { return nil }
            let key = UnsafeBufferPointer(rebasing: bytes[trimmed])
            guard let first = key.first, first != UInt8(ascii: "."), first != UInt8(ascii: "/"), key.allSatisfy({ $0 < 0x80 }) else { return nil }
            func lowered(addingMarkdown: Bool) -> String {
                String(unsafeUninitializedCapacity: key.count + (addingMarkdown ? 3 : 0)) { buffer in
                    for index in 0..<key.count { buffer[index] = Byte.lowercased(key[index]) }
                    guard addingMarkdown else { return key.count }
                    (buffer[key.count], buffer[key.count + 1], buffer[key.count + 2]) = (UInt8(ascii: "."), UInt8(ascii: "m"), UInt8(ascii: "d"))
                    return key.count + 3
                }
            }
            let name = lowered(addingMarkdown: false)
            let isMarkdown = key.count >= 3 && key[key.count - 3] == UInt8(ascii: ".") && Byte.lowercased(key[key.count - 2]) == UInt8(ascii: "m")
                && Byte.lowercased(key[key.count - 1]) == UInt8(ascii: "d")
            return .names(candidates: isMarkdown ? [name] : [lowered(addingMarkdown: true), name], exact: false,
                          alias: key.contains(UInt8(ascii: "/")) ? nil : name)
        }
    }

    /// The lowercased path (without empty components) and what follows each `/` in it.
    private static func suffixes(of path: String) -> [String] {
        var lowered = path.lowercasedCheaply()
        if lowered.utf8.first == UInt8(ascii: "/") || lowered.utf8.last == UInt8(ascii: "/") || lowered.byteRange(of: "//") != nil {
            lowered = lowered.split(separator: "/").joined(separator: "/")  // without empty components
        }
        guard !lowered.isEmpty else { return [] }
        // Where an ASCII byte follows each `/` (a character starts there), the endings are cut
        // from the bytes, without slicing the string at UTF-8 indices (each checked as a boundary).
        let cut = lowered.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var suffixes: [String] = []
            suffixes.reserveCapacity(1 + bytes.count(where: { $0 == UInt8(ascii: "/") }))
            suffixes.append(lowered)
            for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
                guard index + 1 < bytes.count, bytes[index + 1] < 0x80 else { return nil }
                suffixes.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)...]), as: UTF8.self))
            }
            return suffixes
        }
        if let cut, let cut { return cut }
        let bytes = lowered.utf8
        return [lowered] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "/") }.map { String(lowered[bytes.index(after: $0)...]) }
    }

    /// An alias as links find it: trimmed, lowercased; nil when blank.
    private static func aliasKey(_ name: String) -> String? {
        let key: String
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the space and the tab are all of `.whitespaces` there (Foundation's trimming
            // costs thousands of instructions a call).
            let bytes = name.utf8
            let isBlank = { (byte: UInt8) in byte == Byte.space || byte == Byte.tab }
            guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return nil }
            key = String(Substring(bytes[first...last])).lowercasedCheaply()
        } else {
            key = name.trimmingCharacters(in: .whitespaces).lowercased()
        }
        return key.isEmpty ? nil : key
    }

    /// The front-matter `aliases` of a note: a list, or one name.
    public static func aliases(of note: Note) -> [String] {
        switch note.frontMatter?.value("aliases") {
        case .list(let items): return items.compactMap(\.scalarText)
        case let value?: return value.scalarText.map { [$0] } ?? []
        case nil: return []
        }
    }

    /// `relative` (`./x`, `../x`) resolved against the folder of `source`; nil above the root.
    private static func join(folder source: String, _ relative: String) -> String? {
        var parts = source.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": guard parts.popLast() != nil else { return nil }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
