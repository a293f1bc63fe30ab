import NoteParser

/// Links of a page body written relative to the site's top, moved to a page in a subfolder.
enum RelativeURLs {
    /// `html` with `prefix` (`../`) before every relative `href="…"` and `src="…"` value: not
    /// empty, not a fragment, not from the root (`/`), and without a scheme. One pass over the
    /// bytes: after a value, the search goes on past its closing quote.
    static func rebase(_ html: String, prefix: String) -> String {
        guard !prefix.isEmpty else { return html }
        let source = SourceText(bytes: Array(html.utf8)), bytes = source.bytes
        let href = Array(" href=\"".utf8), src = Array(" src=\"".utf8)
        var output: [UInt8] = []
        var cursor = 0, index = 0
        while index < bytes.count {
            guard let space = bytes[index...].firstIndex(of: UInt8(ascii: " ")) else { break }
            let marker = source.matches(href, at: space) ? href : source.matches(src, at: space) ? src : nil
            guard let marker else {
                index = space + 1
                continue
            }
            let valueStart = space + marker.count
            let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            if isRelative(bytes[valueStart..<valueEnd]) {
                if output.isEmpty { output.reserveCapacity(bytes.count + bytes.count / 16) }
                output += bytes[cursor..<valueStart]
                output += prefix.utf8
                cursor = valueStart
            }
            index = valueEnd
        }
        guard cursor > 0 else { return html }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Not empty, not starting with `#` or `/`, no `:` before the first `/`, `?` or `#`, all
    /// compared by `Character` (a mark after `#`, `/` or `:` makes another character): read on
    /// the bytes when they are ASCII, where each byte is a character (`\r\n` holds none of them).
    private static func isRelative(_ value: ArraySlice<UInt8>) -> Bool {
        guard value.allSatisfy({ $0 < 0x80 }) else { return isRelative(String(decoding: value, as: UTF8.self)) }
        guard let first = value.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "/") else { return false }
        for byte in value {
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return true }
            if byte == UInt8(ascii: ":") { return false }
        }
        return true
    }

    private static func isRelative(_ url: String) -> Bool {
        guard let first = url.first, first != "#", first != "/" else { return false }
        let beforePath = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !beforePath.contains(":")
    }
}
