import Foundation
import NoteParser

/// The site's cache of note facts (`site.cache` beside the lint cache: `.notekit_cache/` in the
/// vault, or `$XDG_CACHE_HOME/notekit/`): each note's `SiteNote` and the stamp of its file, so
/// that a rebuild reads only notes whose stamp changed and parses and cleans only notes whose
/// bytes did. It is kept out of the site's folder, which is published, because it holds facts
/// of unpublished notes. Binary (`CacheWriter`, as the lint cache) and versioned, each entry
/// with its length and checksum, so that a rebuild writes the entries of unchanged notes from
/// the bytes it read, neither encoded nor hashed again; a cache of another format, notekit
/// version, vault root or site, render or `--unsafe` settings (`key`) is no cache, as is a
/// damaged one.
public struct SiteCache: Sendable {
    private static let magic = Array("notekit-site-cache 3\n".utf8)

    /// A note's facts and the stamp of its file when they were read (nil when it was too new to trust).
    struct Entry: Sendable {
        var stamp: FileStamp?
        var note: SiteNote
    }

    /// Entries by the note's path as given.
    var entries: [String: Entry] = [:]
    /// The file the entries were read from, and where in it each entry (framed: length,
    /// checksum, bytes) is, by path: written again as it is while the entry is kept.
    private var bytes: [UInt8] = []
    private var encoded: [String: Range<Int>] = [:]

    init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The site cache of the vault at `root`, beside its lint cache.
    public static func file(forVault root: String) -> String {
        CacheFolder.file("site.cache", forVault: root)
    }

    /// The cache in the file at `path` made with `key`; empty when there is none, or another.
    static func read(from path: String, key: UInt64) -> SiteCache {
        guard let bytes = try? FileReader.bytes(at: path, maxBytes: Int.max) else { return SiteCache() }
        var reader = CacheReader(bytes[...])
        guard reader.raw(magic.count).map(Array.init) == magic, reader.hash()?.value == key, let count = reader.count() else { return SiteCache() }
        // Each entry's place (framed) and checksum, then the entries checked and decoded on every core.
        var frames: [(framed: Range<Int>, body: Range<Int>, checksum: ContentHash)] = []
        for _ in 0..<count {
            let start = reader.index
            guard let length = reader.count(), let checksum = reader.hash(), let body = reader.raw(length) else { return SiteCache() }
            frames.append((start..<reader.index, body.indices, checksum))
        }
        guard reader.isAtEnd else { return SiteCache() }
        let decoded = frames.concurrentMap { frame -> Entry? in
            guard ContentHash(bytes[frame.body]) == frame.checksum else { return nil }
            var entryReader = CacheReader(bytes[frame.body])
            guard let entry = entryReader.entry(), entryReader.isAtEnd else { return nil }
            return entry
        }
        var cache = SiteCache()
        for (frame, entry) in zip(frames, decoded) {
            guard let entry else { return SiteCache() }
            cache.entries[entry.note.path] = entry
            cache.encoded[entry.note.path] = frame.framed
        }
        cache.bytes = bytes
        return cache
    }

    /// Writes the cache to `path` all at once (`CacheFile`), making its folder (ignored by git,
    /// marked as a cache for backup tools, as the lint cache's) when there is none. The entries
    /// of `kept` not in `changed` (paths) are written from the bytes `kept` read, runs of them
    /// in one piece; the others are encoded.
    func write(to path: String, key: UInt64, keeping kept: SiteCache = SiteCache(), changed: Set<String> = []) {
        var parts: [ArraySlice<UInt8>] = []
        var fresh = CacheWriter()
        fresh.raw(Self.magic)
        fresh.hash(ContentHash(value: key))
        fresh.int(entries.count)
        // Either encoded entries not yet in `parts` (`fresh`) or a run of kept bytes (`copied`), never both.
        var copied: Range<Int>?
        for path in entries.keys.sorted() {
            if !changed.contains(path), let range = kept.encoded[path] {
                if let run = copied, run.upperBound == range.lowerBound {
                    copied = run.lowerBound..<range.upperBound
                    continue
                }
                if let run = copied {
                    parts.append(kept.bytes[run])
                } else if !fresh.bytes.isEmpty {
                    parts.append(fresh.bytes[...])
                    fresh = CacheWriter()
                }
                copied = range
            } else {
                if let run = copied { parts.append(kept.bytes[run]) }
                copied = nil
                fresh.framed(entries[path]!)
            }
        }
        if let run = copied { parts.append(kept.bytes[run]) }
        if !fresh.bytes.isEmpty { parts.append(fresh.bytes[...]) }
        guard CacheFile.makeFolder(of: path) else { return }
        CacheFile.replace(path, ifStill: FileStamp(of: path)) { file in parts.allSatisfy { FileWriter.writeAll($0, to: file) } }
    }
}

/// The site cache's entries in the caches' binary form.
extension CacheWriter {
    mutating func strings<S: Collection<String>>(_ values: S) {
        int(values.count)
        for value in values { string(value) }
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

    /// An entry after its length and checksum.
    mutating func framed(_ entry: SiteCache.Entry) {
        var body = CacheWriter()
        body.entry(entry)
        int(body.bytes.count)
        hash(ContentHash(body.bytes))
        raw(body.bytes)
    }

    mutating func entry(_ entry: SiteCache.Entry) {
        stamp(entry.stamp)
        let note = entry.note
        for text in [note.path, note.vaultPath] { string(text) }
        hash(ContentHash(value: note.content))
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
        hash(ContentHash(value: cleaning))
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

/// Reads what `CacheWriter` wrote of the site cache's entries; nil for anything out of bounds,
/// so that a damaged cache is an empty one, never a crash.
extension CacheReader {
    mutating func strings() -> [String]? {
        guard let count = count() else { return nil }
        var values: [String] = []
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
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
        guard let stamp = stamp(), let path = string(), let vaultPath = string(), let content = hash(), let published = int(),
              let title = string(), let collection = string(), let tags = strings(),
              let date = optional(), let modified = optional(), let lede = optional(), let uuid = optional(),
              let aliases = strings(), let wikilinks = links(), let headingSlugs = strings(), let blocks = strings() else { return nil }
        var note = SiteNote(path: path, vaultPath: vaultPath, content: content.value, isPublished: published == 1,
                            title: title, collection: collection, tags: tags, published: date, modified: modified, lede: lede,
                            uuid: uuid, aliases: aliases, links: wikilinks, headingSlugs: headingSlugs, blocks: blocks)
        switch int() {
        case 0: return SiteCache.Entry(stamp: stamp, note: note)
        case 1: break
        default: return nil
        }
        guard let cleaning = hash(), let sourceCount = count() else { return nil }
        note.cleaning = cleaning.value
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
