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
        // The shortcuts and the ASCII normalisation read the string's bytes in place.
        let normal = url.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            if isNormal(bytes) { return url }
            // Normal but for trailing slashes (a third of a vault's URLs: `https://host/path/`).
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            let trimmed = UnsafeBufferPointer(rebasing: bytes[..<end])
            if end < bytes.count, !trimmed.starts(with: "://".utf8), isNormal(trimmed) { return String(decoding: trimmed, as: UTF8.self) }
            return bytes.allSatisfy { $0 < 0x80 } ? asciiNormalized(bytes) : nil
        }
        return (normal ?? nil) ?? normalizedInFull(url)
    }

    /// `normalizedInFull` of an ASCII URL (each character one byte but `\r\n`, which no step
    /// cuts), done on its bytes into one buffer.
    private static func asciiNormalized(_ url: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0, end = url.count
        while start < end, Byte.isCharacterWhitespace(url[start]) { start += 1 }
        while end > start, Byte.isCharacterWhitespace(url[end - 1]) { end -= 1 }
        let schemeEnd: StaticString = "://"
        let separatorBytes = UnsafeBufferPointer(start: schemeEnd.utf8Start, count: schemeEnd.utf8CodeUnitCount)
        guard let found = Byte.offset(of: separatorBytes, in: UnsafeBufferPointer(rebasing: url[start..<end])), found > 0 else {
            return String(decoding: UnsafeBufferPointer(rebasing: url[start..<end]), as: UTF8.self)
        }
        let separator = start + found
        var rest = separator + 3
        if let hash = Byte.offset(of: UInt8(ascii: "#"), in: url, range: rest..<end) { end = hash }
        let mark = Byte.offset(of: UInt8(ascii: "?"), in: url, range: rest..<end)
        let pathEnd = mark ?? end
        let authorityEnd = Byte.offset(of: UInt8(ascii: "/"), in: url, range: rest..<pathEnd) ?? pathEnd
        var normal: [UInt8] = []
        normal.reserveCapacity(end - start)
        normal += url[start..<separator].lazy.map(Byte.lowercased)
        normal += separatorBytes
        // `user@HOST:port` with only the host lowercased.
        if let at = url[rest..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) {
            normal += url[rest...at]
            rest = at + 1
        }
        normal += url[rest..<authorityEnd].lazy.map(Byte.lowercased)
        var kept = pathEnd
        while kept > authorityEnd, url[kept - 1] == UInt8(ascii: "/") { kept -= 1 }
        normal += url[authorityEnd..<kept]
        if let mark {
            var joiner = UInt8(ascii: "?")
            for parameter in url[(mark + 1)..<end].split(separator: UInt8(ascii: "&")) where !isTrackingParameter(parameter) {
                normal.append(joiner)
                normal += parameter
                joiner = UInt8(ascii: "&")
            }
        }
        return String(decoding: normal, as: UTF8.self)
    }

    /// `isTrackingParameter` of the name (up to `=`) of an ASCII `parameter`.
    private static func isTrackingParameter(_ parameter: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let name = parameter.prefix { $0 != UInt8(ascii: "=") }
        return name.count >= 4 && Byte.equalsLowercased(name.prefix(4), "utm_")
            || Byte.equalsLowercased(name, "fbclid") || Byte.equalsLowercased(name, "gclid")
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
        let parameters = query.map { query -> [Substring] in
            // An ASCII query is cut on its bytes, each its own character (`split` on characters is slow).
            let pieces: [Substring] = query.utf8.allSatisfy { $0 < 0x80 }
                ? query.utf8.split(separator: UInt8(ascii: "&")).map { query[$0.startIndex..<$0.endIndex] }
                : query.split(separator: "&")
            return pieces.filter { !isTrackingParameter(parameterName($0)) }
        } ?? []
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

    /// True for the bytes of the common URL that `normalize` leaves as it is: ASCII, a lowercase
    /// `scheme://` and host, no query, fragment or trailing slash, no surrounding blanks.
    /// The scheme up to the first `://` (not at the start), then the authority up to the next `/`
    /// (found by `memchr`) and the path, each read eight bytes at a time.
    private static func isNormal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, let last = bytes.last, last != UInt8(ascii: "/") else { return false }
        let isUpper = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        let isAllowed = { (byte: UInt8) in byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "?") && byte != UInt8(ascii: "#") }
        var index = 0
        // The scheme: no capital, up to `://`.
        while true {
            guard index + 2 < bytes.count else { return false }
            let byte = bytes[index]
            guard isAllowed(byte), !isUpper(byte) else { return false }
            if byte == Byte.colon, index > 0, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") { break }
            index += 1
        }
        index += 3
        // Visible ASCII (0x21 to 0x7E) without a `?` or `#` byte (nor a capital unless `capitals`),
        // read eight bytes at a time.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs = ones &* 0x80
        func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
            let difference = word ^ (ones &* UInt64(byte))
            return (difference &- ones) & ~difference & highs != 0
        }
        func isPlain(_ range: Range<Int>, capitals: Bool) -> Bool {
            var index = range.lowerBound
            while index + 8 <= range.upperBound {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                guard Byte.isVisibleASCII(word: word), !hasByte(word, UInt8(ascii: "?")), !hasByte(word, UInt8(ascii: "#")),
                      capitals || !Byte.hasCapital(asciiWord: word) else { return false }
                index += 8
            }
            return bytes[index..<range.upperBound].allSatisfy { isAllowed($0) && (capitals || !isUpper($0)) }
        }
        // The authority: no capital, up to `/`; then the path.
        let authorityEnd = Byte.offset(of: UInt8(ascii: "/"), in: bytes, range: index..<bytes.count) ?? bytes.count
        return isPlain(index..<authorityEnd, capitals: false) && isPlain(authorityEnd..<bytes.count, capitals: true)
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
