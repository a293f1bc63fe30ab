import Foundation
import NoteParser

/// The manifest a site build leaves in its output (`.notekit-site.manifest`): each note page's
/// input hash and what the listing files and the search index were made from. A rebuild
/// renders only the note pages whose inputs changed (the note, the notes it embeds, the pages
/// linking to it, the pages' titles and slugs, the configuration and templates, notekit's
/// version) and rewrites a file only when its bytes change; files of the last build the site
/// no longer has are removed. Binary (`CacheWriter`, as the site cache) and checksummed; a
/// damaged one is none.
struct SiteManifest: Equatable {
    static let fileName = ".notekit-site.manifest"
    /// The JSON manifest of earlier versions, removed by a build.
    static let formerFileName = ".notekit-site.json"
    private static let magic = Array("notekit-site-manifest 1\n".utf8)

    /// A note page's input hash (hex), the vault files its embeds show (copied with it) and the
    /// problems its embeds had (reported again while the page is not rendered again).
    struct Page: Equatable {
        var hash: String
        var assets: [String]
        var broken: [BrokenLink]
    }

    /// Note pages by URL.
    var pages: [String: Page] = [:]
    /// The hash of what the listing files (indexes, sitemap, feed, llms.txt) were made from.
    var listing: String?
    /// The listing files; for index, tag and sources pages, the hash of what they were rendered from.
    var derived: [String: String] = [:]
    /// The hash of what `search.json` was made from.
    var search: String?
    /// The files written besides the pages and listing files above (copied assets, the search
    /// files, pages that failed to render), output-relative.
    var others: [String] = []

    /// Every file written, output-relative, in no order.
    var files: [String] { Array(pages.keys) + derived.keys + others }

    /// The manifest in `output`, empty when there is none or it is damaged.
    static func read(from output: OutputFolder) -> SiteManifest {
        guard let data = FileManager.default.contents(atPath: output.url.appendingPathComponent(fileName).path) else { return SiteManifest() }
        var reader = CacheReader([UInt8](data)[...])
        guard reader.raw(magic.count).map(Array.init) == magic, let checksum = reader.hash(), checksum == reader.rest,
              let manifest = reader.manifest(), reader.isAtEnd else { return SiteManifest() }
        return manifest
    }

    func write(to output: OutputFolder) throws {
        // Its two parts (thousands of keys to sort each) encoded on two cores.
        let parts = [true, false].concurrentMap { pagesPart in
            var part = CacheWriter(capacity: 64 * (pagesPart ? pages.count : derived.count + others.count))
            if pagesPart { part.manifestPages(self) } else { part.manifestFiles(self) }
            return part.bytes
        }
        let body = parts[0] + parts[1]
        var file = CacheWriter(capacity: body.count + 64)
        file.raw(Self.magic)
        file.hash(ContentHash(body))
        file.raw(body)
        try output.write(Data(file.bytes), at: Self.fileName, onlyIfChanged: true)
    }

    /// Removes the files of the last build that this one did not write (regular files inside
    /// the output only; a path with empty, `.` or `..` parts is left alone); returns them sorted.
    static func removeStale(_ old: [String], keeping new: Set<String>, in output: OutputFolder) -> [String] {
        var removed: [String] = []
        for path in old where !new.contains(path) {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.hasPrefix("/"), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { continue }
            let file = output.url.appendingPathComponent(path)
            guard (try? FileManager.default.attributesOfItem(atPath: file.path)[.type] as? FileAttributeType) == .typeRegular,
                  (try? FileManager.default.removeItem(at: file)) != nil else { continue }
            removed.append(path)
        }
        return removed.sorted()
    }
}

/// The manifest in the caches' binary form: maps in sorted key order, so that equal manifests
/// are equal bytes.
extension CacheWriter {
    /// The manifest's first part: its note pages.
    mutating func manifestPages(_ manifest: SiteManifest) {
        int(manifest.pages.count)
        for url in manifest.pages.keys.sorted() {
            let page = manifest.pages[url]!
            string(url)
            string(page.hash)
            strings(page.assets)
            int(page.broken.count)
            for link in page.broken {
                string(link.path)
                int(link.position == nil ? 0 : 1)
                if let at = link.position { position(at) }
                string(link.target)
                string(link.reason)
            }
        }
    }

    /// The manifest's second part, after its note pages: the listing files, the search index and the others.
    mutating func manifestFiles(_ manifest: SiteManifest) {
        optional(manifest.listing)
        int(manifest.derived.count)
        for url in manifest.derived.keys.sorted() {
            string(url)
            string(manifest.derived[url]!)
        }
        optional(manifest.search)
        strings(manifest.others.sorted())
    }
}

/// Reads what `CacheWriter.manifestPages` and `manifestFiles` wrote; nil for anything out of bounds.
extension CacheReader {
    mutating func manifest() -> SiteManifest? {
        var manifest = SiteManifest()
        guard let pageCount = count() else { return nil }
        for _ in 0..<pageCount {
            guard let url = string(), let hash = string(), let assets = strings(), let brokenCount = count() else { return nil }
            var broken: [BrokenLink] = []
            for _ in 0..<brokenCount {
                guard let path = string(), let position = optional({ $0.position() }), let target = string(), let reason = string()
                else { return nil }
                broken.append(BrokenLink(path: path, position: position, target: target, reason: reason))
            }
            manifest.pages[url] = SiteManifest.Page(hash: hash, assets: assets, broken: broken)
        }
        guard let listing = optional(), let derivedCount = count() else { return nil }
        manifest.listing = listing
        for _ in 0..<derivedCount {
            guard let url = string(), let key = string() else { return nil }
            manifest.derived[url] = key
        }
        guard let search = optional(), let others = strings() else { return nil }
        (manifest.search, manifest.others) = (search, others)
        return manifest
    }
}
