import Foundation
import NoteParser

/// The site's cache of note facts (`site.cache` beside the lint cache: `.notekit_cache/` in the
/// vault, or `$XDG_CACHE_HOME/notekit/`): each note's `SiteNote` and the stamp of its file, so
/// that a rebuild reads only notes whose stamp changed and parses and cleans only notes whose
/// bytes did. It is kept out of the site's folder, which is published, because it holds facts
/// of unpublished notes. Binary (length-prefixed UTF-8, little-endian integers), versioned and
/// checksummed; a cache of another format, notekit version, vault root or site, render or
/// `--unsafe` settings (`key`) is no cache, as is a damaged one.
public struct SiteCache: Sendable {
    private static let magic = Array("notekit-site-cache 1\n".utf8)

    /// A note's facts and the stamp of its file when they were read (nil when it was too new to trust).
    struct Entry: Sendable {
        var stamp: FileStamp?
        var note: SiteNote
    }

    /// Entries by the note's path as given.
    var entries: [String: Entry] = [:]

    init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The site cache of the vault at `root`, beside its lint cache.
    public static func file(forVault root: String) -> String {
        CacheFolder.file("site.cache", forVault: root)
    }

    /// The cache in the file at `path` made with `key`; empty when there is none, or another.
    static func read(from path: String, key: UInt64) -> SiteCache {
        guard let data = FileManager.default.contents(atPath: path) else { return SiteCache() }
        var reader = SiteCacheReader([UInt8](data))
        guard reader.bytes(magic.count) == magic, reader.int().map({ UInt64(bitPattern: Int64($0)) }) == key,
              let checksum = reader.int(), UInt64(bitPattern: Int64(checksum)) == reader.rest.value,
              let count = reader.int(), count >= 0 else { return SiteCache() }
        var entries: [String: Entry] = [:]
        for _ in 0..<count {
            guard let entry = reader.entry() else { return SiteCache() }
            entries[entry.note.path] = entry
        }
        return reader.isAtEnd ? SiteCache(entries: entries) : SiteCache()
    }

    /// Writes the cache to `path` atomically, making its folder (ignored by git, marked as a
    /// cache for backup tools, as the lint cache's) when there is none.
    func write(to path: String, key: UInt64) throws {
        var writer = SiteCacheWriter()
        writer.bytes.reserveCapacity(entries.values.reduce(0) { $0 + $1.note.searchText.utf8.count + 2048 })
        writer.int(entries.count)
        for path in entries.keys.sorted() { writer.entry(entries[path]!) }
        var header = SiteCacheWriter()
        header.bytes += Self.magic
        header.int(Int(bitPattern: UInt(key)))
        header.int(Int(bitPattern: UInt(ContentHash(writer.bytes).value)))
        header.bytes.append(contentsOf: writer.bytes)
        let folder = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if (folder as NSString).lastPathComponent == ".notekit_cache" {
                _ = FileManager.default.createFile(atPath: folder + "/.gitignore", contents: Data("# Created by notekit.\n*\n".utf8))
                _ = FileManager.default.createFile(atPath: folder + "/CACHEDIR.TAG",
                                                   contents: Data("Signature: 8a477f597d28d172789f06886806bc55\n# notekit cache\n".utf8))
            }
        }
        try Data(header.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// Writes `SiteCache` entries.
struct SiteCacheWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes += $0 } }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional(_ value: String?) {
        int(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func strings<S: Collection<String>>(_ values: S) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func position(_ value: SourcePosition) {
        for number in [value.line, value.column, value.offset] { int(number) }
    }

    mutating func links(_ links: [SiteLink]) {
        int(links.count)
        for link in links {
            string(link.target)
            optional(link.heading)
            int(link.isEmbed ? 1 : 0)
            position(link.start)
        }
    }

    mutating func entry(_ entry: SiteCache.Entry) {
        int(entry.stamp == nil ? 0 : 1)
        if let stamp = entry.stamp {
            for value in [stamp.size, stamp.modified, stamp.changed, Int64(bitPattern: stamp.device), Int64(bitPattern: stamp.inode)] { int(Int(value)) }
        }
        let note = entry.note
        for text in [note.path, note.vaultPath] { string(text) }
        int(Int(bitPattern: UInt(note.content)))
        int(note.isPublished ? 1 : 0)
        for text in [note.title, note.collection] { string(text) }
        strings(note.tags)
        for text in [note.published, note.modified, note.lede, note.uuid] { optional(text) }
        strings(note.aliases)
        links(note.links)
        strings(note.headingSlugs)
        strings(note.blocks)
        int(note.cleaning == nil ? 0 : 1)
        guard let cleaning = note.cleaning else { return }
        int(Int(bitPattern: UInt(cleaning)))
        int(note.sources.count)
        for source in note.sources {
            int(source.number)
            for text in [source.key, source.name, source.title, source.markdown] { string(text) }
        }
        string(note.searchText)
        int(note.warnings.count)
        for warning in note.warnings {
            position(warning.position)
            string(warning.message)
        }
        strings(note.assets)
        links(note.unlinked)
    }
}

/// Reads what `SiteCacheWriter` wrote; nil for anything out of bounds, so that a damaged cache
/// is an empty one, never a crash.
struct SiteCacheReader {
    private let data: [UInt8]
    private var index = 0

    init(_ data: [UInt8]) { self.data = data }

    var isAtEnd: Bool { index == data.count }

    /// The hash of the bytes not read yet, to check them against a checksum.
    var rest: ContentHash { ContentHash(data[index...]) }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, data.count - index >= count else { return nil }
        defer { index += count }
        return Array(data[index..<(index + count)])
    }

    mutating func int() -> Int? {
        guard data.count - index >= 8 else { return nil }
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(data[index + offset]) << (8 * UInt64(offset)) }
        index += 8
        return Int(Int64(bitPattern: value))
    }

    /// A count of items that fits in what is left (each at least 8 bytes, or `minimumSize`).
    private mutating func count(minimumSize: Int = 8) -> Int? {
        guard let value = int(), value >= 0, value <= (data.count - index) / minimumSize else { return nil }
        return value
    }

    mutating func string() -> String? {
        guard let count = count(minimumSize: 1) else { return nil }
        defer { index += count }
        return data.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[index..<(index + count)]), as: UTF8.self) }
    }

    mutating func optional() -> String?? {
        switch int() {
        case 0: return .some(nil)
        case 1: return string().map { $0 }
        default: return nil
        }
    }

    mutating func strings() -> [String]? {
        guard let count = count() else { return nil }
        var values: [String] = []
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func position() -> SourcePosition? {
        guard let line = int(), let column = int(), let offset = int() else { return nil }
        return SourcePosition(line: line, column: column, offset: offset)
    }

    mutating func links() -> [SiteLink]? {
        guard let count = count() else { return nil }
        var links: [SiteLink] = []
        for _ in 0..<count {
            guard let target = string(), let heading = optional(), let embed = int(), let start = position() else { return nil }
            links.append(SiteLink(target: target, heading: heading, isEmbed: embed == 1, start: start))
        }
        return links
    }

    mutating func entry() -> SiteCache.Entry? {
        var stamp: FileStamp?
        switch int() {
        case 0: break
        case 1:
            guard let size = int(), let modified = int(), let changed = int(), let device = int(), let inode = int() else { return nil }
            stamp = FileStamp(size: Int64(size), modified: Int64(modified), changed: Int64(changed),
                              device: UInt64(bitPattern: Int64(device)), inode: UInt64(bitPattern: Int64(inode)))
        default: return nil
        }
        guard let path = string(), let vaultPath = string(), let content = int(), let published = int(),
              let title = string(), let collection = string(), let tags = strings(),
              let date = optional(), let modified = optional(), let lede = optional(), let uuid = optional(),
              let aliases = strings(), let wikilinks = links(), let headingSlugs = strings(), let blocks = strings() else { return nil }
        var note = SiteNote(path: path, vaultPath: vaultPath, content: UInt64(bitPattern: Int64(content)), isPublished: published == 1,
                            title: title, collection: collection, tags: tags, published: date, modified: modified, lede: lede,
                            uuid: uuid, aliases: aliases, links: wikilinks, headingSlugs: headingSlugs, blocks: blocks)
        switch int() {
        case 0: return SiteCache.Entry(stamp: stamp, note: note)
        case 1: break
        default: return nil
        }
        guard let cleaning = int(), let sourceCount = count() else { return nil }
        note.cleaning = UInt64(bitPattern: Int64(cleaning))
        for _ in 0..<sourceCount {
            guard let number = int(), let key = string(), let name = string(), let title = string(), let markdown = string() else { return nil }
            note.sources.append(SiteSource(number: number, key: key, name: name, title: title, markdown: markdown))
        }
        guard let searchText = string(), let warningCount = count() else { return nil }
        note.searchText = searchText
        for _ in 0..<warningCount {
            guard let position = position(), let message = string() else { return nil }
            note.warnings.append(RenderWarning(path: path, position: position, message: message))
        }
        guard let assets = strings(), let unlinked = links() else { return nil }
        note.assets = assets
        note.unlinked = unlinked
        return SiteCache.Entry(stamp: stamp, note: note)
    }
}
