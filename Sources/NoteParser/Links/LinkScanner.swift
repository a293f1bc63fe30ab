/// Finds wikilinks, embeds, `%%comments%%` and bare-URL lines by scanning the body outside code.
struct LinkScanner {
    let source: SourceText
    let bodyStart: Int
    let code: CodeRanges
    let tables: [Range<Int>]

    func wikilinks() -> [Wikilink] {
        var links: [Wikilink] = []
        let bytes = source.bytes
        var index = bodyStart
        let marker = [Byte.openBracket, Byte.openBracket]
        while let open = source.find(marker, in: index..<bytes.count) {
            index = open
            guard !code.contains(index) else { index += 1; continue }
            var end = index + 2
            while end + 1 < bytes.count, bytes[end] != Byte.newline,
                  !(bytes[end] == Byte.closeBracket && bytes[end + 1] == Byte.closeBracket) { end += 1 }
            guard end + 1 < bytes.count, bytes[end] == Byte.closeBracket else {
                // No `]]` before the line's end: no later `[[` of the line has one either.
                index = max(end, index + 2)
                continue
            }
            guard end > index + 2 else { index += 2; continue }
            let isEmbed = index > 0 && bytes[index - 1] == UInt8(ascii: "!")
            let start = isEmbed ? index - 1 : index
            let inTable = tables.sortedContains(index)
            links.append(wikilink((index + 2)..<end, range: source.range(start..<(end + 2)), isEmbed: isEmbed, inTable: inTable))
            index = end + 2
        }
        return links
    }

    /// The wikilink of the bytes `inner` between `[[` and `]]`: the target, then `#` and the
    /// heading, then `|` and the alias. Each part is made a string once, from the source's
    /// bytes, when the `|` and `#` have ASCII bytes (or the ends) on both sides, so that each is
    /// a character of its own; otherwise the parts are cut from the text's characters.
    private func wikilink(_ inner: Range<Int>, range: SourceRange, isEmbed: Bool, inTable: Bool) -> Wikilink {
        let bytes = source.bytes
        func isAlone(_ index: Int, before end: Int) -> Bool {
            (index == inner.lowerBound || bytes[index - 1] < 0x80) && (index + 1 == end || bytes[index + 1] < 0x80)
        }
        var targetEnd = inner.upperBound
        var alias: String?
        if let pipe = bytes[inner].firstIndex(of: UInt8(ascii: "|")) {
            guard isAlone(pipe, before: inner.upperBound) else { return wikilink(source.string(inner), range: range, isEmbed: isEmbed, inTable: inTable) }
            alias = source.string((pipe + 1)..<inner.upperBound)
            targetEnd = pipe
            if pipe > inner.lowerBound, bytes[pipe - 1] == UInt8(ascii: "\\"), source.string(inner.lowerBound..<pipe).hasSuffix("\\") {
                targetEnd = pipe - 1
            }
        }
        var heading: String?
        if let hash = bytes[inner.lowerBound..<targetEnd].firstIndex(of: UInt8(ascii: "#")) {
            guard isAlone(hash, before: targetEnd) else { return wikilink(source.string(inner), range: range, isEmbed: isEmbed, inTable: inTable) }
            heading = source.string((hash + 1)..<targetEnd)
            targetEnd = hash
        }
        return Wikilink(target: source.trimmedString(inner.lowerBound..<targetEnd), heading: heading, alias: alias,
                        isEmbed: isEmbed, range: range, inTable: inTable)
    }

    /// The wikilink of `inner`, its parts cut at the characters `|` and `#`.
    private func wikilink(_ inner: String, range: SourceRange, isEmbed: Bool, inTable: Bool) -> Wikilink {
        let parts = Self.parts(of: inner)
        return Wikilink(target: parts.target, heading: parts.heading, alias: parts.alias, isEmbed: isEmbed, range: range, inTable: inTable)
    }

    /// The target, heading and alias of the text between `[[` and `]]`, cut at its characters
    /// `|` and `#` (what the cut on bytes gives when those stand alone).
    static func parts(of inner: String) -> (target: String, heading: String?, alias: String?) {
        var target = inner
        var alias: String?
        // `|` and `#` are ASCII: their UTF-8 indices are character boundaries.
        if let pipe = target.firstIndex(ofASCII: UInt8(ascii: "|")) {
            alias = String(target[target.index(after: pipe)...])
            target = String(target[..<pipe])
            if target.hasSuffix("\\") { target.removeLast() }
        }
        var heading: String?
        if let hash = target.firstIndex(ofASCII: UInt8(ascii: "#")) {
            heading = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        return (target.trimmed(), heading, alias)
    }

    /// `%%...%%` comments, which may span lines.
    func comments() -> [SourceRange] {
        var found: [SourceRange] = []
        let marker: [UInt8] = Array("%%".utf8)
        var index = bodyStart
        while let open = source.find(marker, in: index..<source.bytes.count) {
            if code.contains(open) { index = open + 2; continue }
            guard let close = source.find(marker, in: (open + 2)..<source.bytes.count) else { break }
            found.append(source.range(open..<(close + 2)))
            index = close + 2
        }
        return found
    }

    func bareURLs(from line: Int) -> [BareURL] {
        guard line <= source.lineCount else { return [] }
        return (line...source.lineCount).compactMap { line in
            let range = source.lineRange(line)
            // Only lines starting with `http` need a string.
            guard range.count > 8, source.bytes[range.lowerBound] == UInt8(ascii: "h"), source.bytes[range].starts(with: "http".utf8),
                  !code.contains(range.lowerBound) else { return nil }
            let text = source.trimmedLine(line)
            guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.utf8.contains(Byte.space) else { return nil }
            return BareURL(url: text, range: source.range(range.lowerBound..<(range.lowerBound + text.utf8.count)))
        }
    }
}
