/// Normalises citation URLs so that the same source written in different ways is one key.
///
/// Lowercases the scheme and host, drops the fragment, drops tracking query parameters
/// (`utm_*`, `fbclid`, `gclid`) and drops a trailing slash from the path. Everything else
/// (path case, parameter order, percent-encoding) is kept as written.
package enum URLNormalizer {
    /// Query parameters that only track the visitor; compared case-insensitively.
    package static func isTrackingParameter(_ name: String) -> Bool {
        let name = name.lowercasedCheaply()
        return name.hasPrefix("utm_") || name == "fbclid" || name == "gclid"
    }

    /// The normalised form of `url`; text without a `scheme://` is only trimmed.
    package static func normalize(_ url: String) -> String {
        if isNormal(url) { return url }
        // Normal but for trailing slashes (a third of a vault's URLs: `https://host/path/`).
        if url.utf8.last == UInt8(ascii: "/") {
            let bytes = Array(url.utf8)
            let trimmed = String(decoding: bytes[..<(bytes.lastIndex { $0 != UInt8(ascii: "/") }.map { $0 + 1 } ?? 0)], as: UTF8.self)
            if !trimmed.utf8.starts(with: "://".utf8), isNormal(trimmed) { return trimmed }
        }
        return normalizedInFull(url)
    }

    /// `normalize(url)` without its shortcuts for URLs that are normal, or nearly.
    package static func normalizedInFull(_ url: String) -> String {
        var rest = Substring(url)
        while let first = rest.first, first.isWhitespaceCheaply { rest.removeFirst() }
        while let last = rest.last, last.isWhitespaceCheaply { rest.removeLast() }
        guard let separator = rest.byteRange(of: "://"), separator.lowerBound > rest.startIndex else { return String(rest) }
        let scheme = String(rest[..<separator.lowerBound]).lowercasedCheaply()
        rest = rest[separator.upperBound...]
        // The delimiters are ASCII, so their UTF-8 indices are character boundaries.
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        var query: Substring?
        if let mark = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        let authorityEnd = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        var path = rest[authorityEnd...]
        while path.utf8.last == UInt8(ascii: "/") { path = path.dropLast() }
        let parameters = query.map { $0.split(separator: "&").filter { !isTrackingParameter(parameterName($0)) } } ?? []
        let queryText = parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")
        return scheme + "://" + authority(rest[..<authorityEnd]) + path + queryText
    }

    /// The host of a normalised or raw URL, without `www.`; nil when there is none.
    package static func domain(of url: String) -> String? {
        let normalized = normalize(url)
        guard let separator = normalized.byteRange(of: "://") else { return nil }
        var host = normalized[separator.upperBound...].prefix { $0 != "/" && $0 != "?" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isNumber) { host = host[..<colon] }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? nil : String(host)
    }

    /// True for the common URL that `normalize` leaves as it is: ASCII, a lowercase
    /// `scheme://` and host, no query, fragment or trailing slash, no surrounding blanks.
    private static func isNormal(_ url: String) -> Bool {
        url.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let isUpper = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
            guard let last = bytes.last, last != UInt8(ascii: "/"),
                  bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }),
                  let separator = (1..<max(1, bytes.count - 2)).first(where: {
                      bytes[$0] == UInt8(ascii: ":") && bytes[$0 + 1] == UInt8(ascii: "/") && bytes[$0 + 2] == UInt8(ascii: "/")
                  }) else { return false }
            let authorityEnd = bytes[(separator + 3)...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
            return !bytes[..<separator].contains(where: isUpper) && !bytes[(separator + 3)..<authorityEnd].contains(where: isUpper)
        } ?? false
    }

    /// `user@HOST:port` with only the host lowercased.
    private static func authority(_ text: Substring) -> String {
        guard let at = text.utf8.lastIndex(of: UInt8(ascii: "@")) else { return String(text).lowercasedCheaply() }
        return String(text[...at]) + String(text[text.index(after: at)...]).lowercasedCheaply()
    }

    private static func parameterName(_ parameter: Substring) -> String {
        String(parameter.prefix { $0 != "=" })
    }
}
