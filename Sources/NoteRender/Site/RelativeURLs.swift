import NoteParser

/// Links of a page body written relative to the site's top, moved to a page in a subfolder.
enum RelativeURLs {
    /// `html` with `prefix` (`../`) before every relative `href="…"` and `src="…"` value: not
    /// empty, not a fragment, not from the root (`/`), and without a scheme.
    static func rebase(_ html: String, prefix: String) -> String {
        guard !prefix.isEmpty else { return html }
        let source = SourceText(bytes: Array(html.utf8)), bytes = source.bytes
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        // The next ` href="` and ` src="` at or after the search point, each found again only once passed.
        var next = [(marker: Array(" href=\"".utf8), at: Int?.none), (marker: Array(" src=\"".utf8), at: Int?.none)]
        for index in next.indices { next[index].at = source.find(next[index].marker, in: 0..<bytes.count) }
        while let (index, hit) = next.indices.compactMap({ index in next[index].at.map { (index, $0) } }).min(by: { $0.1 < $1.1 }) {
            let valueStart = hit + next[index].marker.count
            var valueEnd = valueStart
            while valueEnd < bytes.count, bytes[valueEnd] != UInt8(ascii: "\"") { valueEnd += 1 }
            if isRelative(source.string(valueStart..<valueEnd)) {
                output += bytes[cursor..<valueStart]
                output += prefix.utf8
                cursor = valueStart
            }
            for other in next.indices where (next[other].at ?? .max) < valueEnd {
                next[other].at = valueEnd < bytes.count ? source.find(next[other].marker, in: valueEnd..<bytes.count) : nil
            }
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    private static func isRelative(_ url: String) -> Bool {
        guard let first = url.first, first != "#", first != "/" else { return false }
        let beforePath = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !beforePath.contains(":")
    }
}
