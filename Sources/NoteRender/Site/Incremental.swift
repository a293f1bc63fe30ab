import Foundation

/// The manifest a site build leaves in its output (`.notekit-site.json`): each note page's
/// input hash and every file the site wrote. A rebuild renders only the note pages whose inputs
/// changed (the note, the notes it embeds, the pages linking to it, the pages' titles and
/// slugs, the configuration and templates, notekit's version) and rewrites a file only when
/// its bytes change; files of the last build the site no longer has are removed.
struct SiteManifest: Codable, Equatable {
    static let fileName = ".notekit-site.json"

    /// A note page's input hash (hex), the vault files its embeds show (copied with it) and the
    /// problems its embeds had (reported again while the page is not rendered again).
    struct Page: Codable, Equatable {
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
    /// Every file written, output-relative, sorted.
    var files: [String] = []

    /// The manifest in `output`, empty when there is none or it does not decode.
    static func read(from output: OutputFolder) -> SiteManifest {
        guard let data = try? Data(contentsOf: output.url.appendingPathComponent(fileName)),
              let manifest = try? JSONDecoder().decode(SiteManifest.self, from: data) else { return SiteManifest() }
        return manifest
    }

    func write(to output: OutputFolder) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try output.write(try encoder.encode(self), at: Self.fileName, onlyIfChanged: true)
    }

    /// Removes the files of the last build that this one did not write (regular files inside
    /// the output only; a path with empty, `.` or `..` parts is left alone).
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
        return removed
    }
}
