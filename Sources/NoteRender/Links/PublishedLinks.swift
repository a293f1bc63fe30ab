import Foundation
import NoteParser

/// Where the links of the notes rendered together lead. Wikilinks are resolved by the
/// vault's `WikilinkResolver` (the one lint uses), then lead to the page of a note rendered
/// in the same run, or to a vault file copied into the output's asset folder.
public struct PublishedLinks: Sendable {
    /// A note rendered in the run.
    public struct Page: Sendable {
        /// The note's path relative to the vault root.
        public var vaultPath: String
        public var slug: String
        /// The note's folder, as a slug; empty at the top.
        public var collection: String

        public init(vaultPath: String, slug: String, collection: String = "") {
            self.vaultPath = vaultPath
            self.slug = slug
            self.collection = collection
        }
    }

    /// Where a link leads in the output.
    public enum Destination: Equatable, Sendable {
        /// A page of the run, or an anchor of the page itself.
        case page(url: String)
        /// A vault file (vault-relative path) copied into the output at `url`.
        case asset(vaultPath: String, url: String)
        /// Nowhere: the link is written as text.
        case none

        var url: String? {
            switch self {
            case .page(let url), .asset(_, let url): return url
            case .none: return nil
            }
        }
    }

    /// The folder of the output vault files are copied to.
    public static let assetFolder = "assets"

    private let resolver: WikilinkResolver
    private let pages: [String: Page]
    /// The URL pattern with `{slug}`, `{collection}` and `{ext}`; nil links no wikilink.
    let pattern: String?
    /// The output extension, `html` or `md`.
    let fileExtension: String
    /// Whether vault files are copied into the output (false when it goes to standard output).
    let copiesAssets: Bool

    /// - Parameters:
    ///   - resolver: the vault's resolver, over the same root and files lint uses.
    ///   - pages: the notes rendered in the run.
    ///   - copiesAssets: link vault files to their copies in the output's asset folder.
    public init(resolver: WikilinkResolver = WikilinkResolver(files: []), pages: [Page] = [], pattern: String?,
                fileExtension: String, copiesAssets: Bool = false) {
        self.resolver = resolver
        self.pages = Dictionary(pages.map { ($0.vaultPath, $0) }, uniquingKeysWith: { first, _ in first })
        self.pattern = pattern
        self.fileExtension = fileExtension
        self.copiesAssets = copiesAssets
    }

    /// Where `link`, written in the note at vault path `source`, leads.
    public func destination(of link: Wikilink, from source: String) -> Destination {
        if link.target.isEmpty, anchor(link.heading).count > 1 { return .page(url: anchor(link.heading)) }
        guard let path = resolver.resolve(link.target, from: source).path else { return .none }
        return destination(path: path, heading: link.heading)
    }

    /// Where a relative Markdown link to a note written in the note at `source` leads
    /// (`Other.md`, `../Other.md`, `folder/Other%20Note.md#heading`: relative to the note's
    /// folder, else found as a wikilink's target is); nil when `destination` is not one (a URL,
    /// an absolute path, an anchor, a file of another kind).
    public func noteLink(_ destination: String, from source: String) -> Destination? {
        guard !destination.isEmpty, !destination.hasPrefix("/"), !destination.hasPrefix("#"), !destination.contains(":") else { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard let file = String(parts[0]).removingPercentEncoding, NoteFiles.isMarkdown(file) else { return nil }
        let heading = parts.count > 1 ? String(parts[1]).removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } : nil
        let relative = file.hasPrefix("./") || file.hasPrefix("../") ? file : "./" + file
        guard let path = resolver.resolve(relative, from: source).path ?? (file.hasPrefix(".") ? nil : resolver.resolve(file, from: source).path),
              NoteFiles.isMarkdown(path) else { return Destination.none }
        return self.destination(path: path, heading: heading)
    }

    /// The anchor of a heading (`#slug`) or block (`#block-id`, in HTML only) on a page.
    private func anchor(_ heading: String?) -> String {
        guard let heading else { return "" }
        if heading.hasPrefix("^") { return fileExtension == "html" ? "#" + BlockIDs.anchor(String(heading.dropFirst())) : "" }
        return "#" + Slug.make(heading, fallback: "")
    }

    /// Where a link to the vault file at `path` (at `heading` of a note) leads.
    private func destination(path: String, heading: String?) -> Destination {
        if NoteFiles.isMarkdown(path) {
            guard let pattern, let page = pages[path] else { return .none }
            func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }
            // ASCII texts are replaced on their bytes: Foundation's search matches the same places in them.
            let url = isASCII(pattern) && isASCII(page.slug) && isASCII(page.collection) && isASCII(fileExtension)
                ? pattern.replacingBytes(of: "{slug}", with: page.slug).replacingBytes(of: "{collection}", with: page.collection)
                    .replacingBytes(of: "{ext}", with: fileExtension)
                : pattern.replacingOccurrences(of: "{slug}", with: page.slug)
                    .replacingOccurrences(of: "{collection}", with: page.collection)
                    .replacingOccurrences(of: "{ext}", with: fileExtension)
            return .page(url: url + anchor(heading))
        }
        return asset(path)
    }

    /// The vault path of the rendered note `link` leads to; nil for other files and notes not rendered.
    public func notePath(of link: Wikilink, from source: String) -> String? { notePath(target: link.target, from: source) }

    /// The vault path of the rendered note a wikilink target leads to from the note at `source`.
    func notePath(target: String, from source: String) -> String? {
        guard let path = resolver.resolve(target, from: source).path, pages[path] != nil else { return nil }
        return path
    }

    /// The vault file a relative image destination (`pic.png`, `../img/pic.png`) of the note at
    /// `source` names, when it is in the vault; nil for URLs and paths above the vault root.
    public func image(_ destination: String, from source: String) -> Destination {
        guard !destination.isEmpty, !destination.hasPrefix("/"), !destination.hasPrefix("#"),
              !destination.contains(":"), let decoded = destination.removingPercentEncoding else { return .none }
        let relative = decoded.hasPrefix("./") || decoded.hasPrefix("../") ? decoded : "./" + decoded
        guard case .file(let path) = resolver.resolve(relative, from: source) else { return .none }
        return asset(path)
    }

    private func asset(_ path: String) -> Destination {
        guard copiesAssets else { return .none }
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return .asset(vaultPath: path, url: Self.assetFolder + "/" + encoded)
    }
}

extension PublishedLinks {
    /// The destinations of one note's wikilinks, each target and heading looked up once.
    struct Destinations {
        private struct Key: Hashable {
            let target: String
            let heading: String?
        }

        let links: PublishedLinks
        /// The note's vault path.
        let source: String
        private var known: [Key: Destination] = [:]

        init(links: PublishedLinks, source: String) {
            self.links = links
            self.source = source
        }

        mutating func of(_ link: Wikilink) -> Destination {
            let key = Key(target: link.target, heading: link.heading)
            if let destination = known[key] { return destination }
            let destination = links.destination(of: link, from: source)
            known[key] = destination
            return destination
        }
    }
}
