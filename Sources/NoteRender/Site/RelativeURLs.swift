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
        var search = 0
        while search < bytes.count, let quote = nextAttribute(in: source, from: search) {
            let valueStart = quote
            var valueEnd = valueStart
            while valueEnd < bytes.count, bytes[valueEnd] != UInt8(ascii: "\"") { valueEnd += 1 }
            let value = source.string(valueStart..<valueEnd)
            if isRelative(value) {
                output += bytes[cursor..<valueStart]
                output += prefix.utf8
                cursor = valueStart
            }
            search = valueEnd
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The offset after the next ` href="` or ` src="` from `start`.
    private static func nextAttribute(in source: SourceText, from start: Int) -> Int? {
        let range = start..<source.bytes.count
        let href = source.find(Array(" href=\"".utf8), in: range).map { $0 + 7 }
        let src = source.find(Array(" src=\"".utf8), in: range).map { $0 + 6 }
        switch (href, src) {
        case let (href?, src?): return min(href, src)
        case let (href?, nil): return href
        case let (nil, src?): return src
        case (nil, nil): return nil
        }
    }

    private static func isRelative(_ url: String) -> Bool {
        guard let first = url.first, first != "#", first != "/" else { return false }
        let beforePath = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !beforePath.contains(":")
    }
}
