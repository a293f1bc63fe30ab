import NoteParser

extension NoteContext {
    /// The entries of a closed front-matter block; none when the note has no such block.
    var frontMatterEntries: [FrontMatterEntry] {
        guard let frontMatter = note.frontMatter, frontMatter.closingDelimiter != nil else { return [] }
        return frontMatter.entries
    }

    /// The entries whose key `isIncluded` accepts, each key tested in place: a rule about a few
    /// keys copies only their entries (an entry passed to a test is copied, its strings retained).
    func frontMatterEntries(where isIncluded: (String) -> Bool) -> [FrontMatterEntry] {
        let entries = frontMatterEntries
        return entries.indices.compactMap { isIncluded(entries[$0].key) ? entries[$0] : nil }
    }

    /// The collection's schema for a key.
    func schema(_ key: String) -> KeySchema? { collection?.keys[key] }

    /// The text of an entry's value as written, quotes included.
    func valueSource(_ entry: FrontMatterEntry) -> String { note.text(entry.valueRange) }

    /// True when the entry's value holds a `{{...}}` template placeholder.
    func hasPlaceholder(_ entry: FrontMatterEntry) -> Bool { hasPlaceholder(in: entry.valueRange) }

    /// True when an entry's value range holds a `{{...}}` template placeholder.
    func hasPlaceholder(in valueRange: SourceRange) -> Bool { note.source.find(Self.placeholderOpening, in: valueRange.bytes) != nil }

    private static let placeholderOpening = Array("{{".utf8)

    /// A fix that rewrites a quoted scalar without quotes, when YAML reads it back as `value`.
    func unquoteFix(_ entry: FrontMatterEntry, as value: FrontMatterEmitter.Value) -> Fix? {
        guard isQuotedOnOneLine(entry), let text = FrontMatterEmitter.scalar(value, key: entry.key) else { return nil }
        return Fix("remove the quotes", edits: [Edit(range: entry.valueRange.bytes, replacement: text)])
    }

    /// `unquoteFix(entry, as: .timestamp(text))`, found without composing YAML
    /// (`FrontMatterEmitter.writesTimestamp`); its edit is made when `fix` asks for it.
    func unquoteFix(_ entry: FrontMatterEntry, timestamp text: String) -> Fix? {
        guard isQuotedOnOneLine(entry), FrontMatterEmitter.writesTimestamp(text, key: entry.key) else { return nil }
        let range = entry.valueRange.bytes
        return Fix("remove the quotes") { [Edit(range: range, replacement: text)] }
    }

    /// Whether the value is written as one quoted scalar on its line, with nothing after it.
    private func isQuotedOnOneLine(_ entry: FrontMatterEntry) -> Bool {
        let written = valueSource(entry)
        guard let quote = written.first, quote == "'" || quote == "\"", written.count > 1, written.last == quote else { return false }
        return !written.contains(where: \.isNewline)
    }

    /// An edit that replaces an entry's lines (from `start`, by default the entry's own first
    /// byte) with emitted `text`, keeping the note's `\r\n` line ends.
    func replacingLines(of entry: FrontMatterEntry, from start: Int? = nil, with text: String) -> Edit {
        let crlf = entry.raw.hasSuffix("\r")
        return Edit(range: (start ?? entry.range.start.offset)..<entry.range.end.offset,
                    replacement: crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") + "\r" : text)
    }

    /// The bytes of an entry's lines with their final newline, for deleting or replacing it whole.
    func entryLines(_ entry: FrontMatterEntry) -> Range<Int> {
        let end = entry.range.end.offset
        return entry.range.start.offset..<(end < note.source.bytes.count && note.source.bytes[end] == UInt8(ascii: "\n") ? end + 1 : end)
    }
}

extension FrontMatterEntry {
    /// True when the value is a single- or double-quoted scalar.
    var isQuoted: Bool { style == .singleQuoted || style == .doubleQuoted }
}

/// Which keys hold which kinds of values, and checks on value text.
public enum FrontMatterValues {
    /// Keys that hold UUIDs: any key with `uuid` in its name, or typed `uuid` by the collection.
    static func isUUIDKey(_ key: String, in context: NoteContext) -> Bool {
        namesUUID(key) || context.schema(key)?.type == .uuid
    }

    /// True when the key, lowercased, holds `uuid`: found on the bytes of an ASCII key (each
    /// byte is its own character, and no other character lowercases to one of `uuid`'s letters).
    static func namesUUID(_ key: String) -> Bool {
        let found = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            // One pass over the bytes in place: the last four lowercased (`byte | 0x20` is a
            // letter's lowercase, and equals it for no other byte) shifted into one word.
            var last: UInt32 = 0
            var found = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                last = last << 8 | UInt32(byte | 0x20)
                found = found || last == 0x7575_6964  // "uuid"
            }
            return found
        } ?? nil
        return found ?? (key.lowercasedCheaply().byteRange(of: "uuid") != nil)
    }

    /// Keys that hold URLs: `url`, `link`, `*_url`, `*_image`, or typed `url` by the collection.
    static func isURLKey(_ key: String, in context: NoteContext) -> Bool {
        namesURL(key) || context.schema(key)?.type == .url
    }

    /// True for `url`, `link`, `*_url` and `*_image` in any case: an ASCII key read on its bytes.
    static func namesURL(_ key: String) -> Bool {
        let named = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            // Each of these names ends in `l`, `k` or `e`: a key whose last byte is another ASCII
            // byte (its last character, which lowercases to an ASCII one) is none of them.
            if let last = bytes.last, last < 0x80, last | 0x20 != UInt8(ascii: "l"), last | 0x20 != UInt8(ascii: "k"),
               last | 0x20 != UInt8(ascii: "e") { return false }
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            /// Whether the bytes, lowercased, end with `suffix`.
            func ends(with suffix: StaticString) -> Bool {
                let start = bytes.count - suffix.utf8CodeUnitCount
                return start >= 0 && Byte.equalsLowercased(bytes[start...], suffix)
            }
            return bytes.count == 3 && ends(with: "url") || bytes.count == 4 && ends(with: "link") || ends(with: "_url") || ends(with: "_image")
        } ?? nil
        if let named { return named }
        let lower = key.lowercasedCheaply()
        return lower == "url" || lower == "link" || lower.hasSuffix("_url") || lower.hasSuffix("_image")
    }

    /// Keys that hold tags: `tags`, or typed `tags` by the collection.
    static func isTagsKey(_ key: String, in context: NoteContext) -> Bool {
        key == "tags" || context.schema(key)?.type == .tags
    }

    /// True for a version-4 UUID such as `0f8fad5b-d9cb-469f-a165-70867728950e` (either case).
    static func isV4UUID(_ text: String) -> Bool {
        // On the bytes in place, each lowercased alone: no character but an ASCII one lowercases
        // to a hexadecimal digit or `-`, so other text is no UUID, lowercased or not. The tests
        // are inline arithmetic (`Byte`'s are calls from this module): `byte | 0x20` is `a` to
        // `f` for these letters in either case and for no other byte.
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count == 36 else { return false }
            for index in 0..<36 {
                let byte = bytes[index], lower = byte | 0x20
                let isDigit = byte &- UInt8(ascii: "0") < 10
                switch index {
                case 8, 13, 18, 23: guard byte == UInt8(ascii: "-") else { return false }
                case 14: guard byte == UInt8(ascii: "4") else { return false }
                case 19: guard isDigit ? byte >= UInt8(ascii: "8") : lower == UInt8(ascii: "a") || lower == UInt8(ascii: "b") else { return false }
                default: guard isDigit || lower &- UInt8(ascii: "a") < 6 else { return false }
                }
            }
            return true
        }
    }

    /// True for an absolute `http(s)://host...` URL without whitespace.
    static func isURL(_ text: String) -> Bool {
        var text = text
        if let answer = text.withUTF8(isASCIIURL) { return answer }
        let lower = text.lowercasedCheaply()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return false }
        let host = text.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !text.unicodeScalars.contains {
            $0.isASCII ? $0 == " " || ($0.value >= 0x09 && $0.value <= 0x0D) : $0.properties.isWhitespace
        }
    }

    /// `isURL` of ASCII text, on its bytes (each its own character but `\r\n`, which is none of
    /// the bytes tested); nil for other text.
    private static func isASCIIURL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        // Runs of eight visible ASCII bytes first (none whitespace, none of another character),
        // then the rest byte by byte.
        var visible = 0
        if let base = bytes.baseAddress {
            while visible + 8 <= bytes.count, Byte.isVisibleASCII(word: UnsafeRawPointer(base + visible).loadUnaligned(as: UInt64.self)) {
                visible += 8
            }
        }
        let rest = bytes[visible...]
        guard !rest.contains(where: { $0 >= 0x80 }) else { return nil }
        func opens(with scheme: StaticString) -> Bool {
            let count = scheme.utf8CodeUnitCount
            return bytes.count >= count && Byte.equalsLowercased(bytes[..<count], scheme)
        }
        let host = opens(with: "https://") ? 8 : opens(with: "http://") ? 7 : nil
        guard let host, host < bytes.count, bytes[host] != UInt8(ascii: "/"), bytes[host] != UInt8(ascii: "?"),
              bytes[host] != UInt8(ascii: "#") else { return false }
        return !rest.contains(where: Byte.isCharacterWhitespace)
    }

    /// True for text shaped like `YYYY-MM-DD`, possibly followed by a time, real day or not.
    static func looksLikeDate(_ text: String) -> Bool {
        // The first eleven bytes read in place (a native string's are contiguous).
        text.utf8.withContiguousStorageIfAvailable(looksLikeDate) ?? Array(text.utf8).withUnsafeBufferPointer(looksLikeDate)
    }

    /// `looksLikeDate(_:)` of UTF-8 bytes.
    private static func looksLikeDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 10 else { return false }
        for index in 0..<min(bytes.count, 11) {
            let byte = bytes[index]
            switch index {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return false }
            case 10: guard byte == UInt8(ascii: "T") || byte == UInt8(ascii: "t") || byte == Byte.space else { return false }
            default: guard Byte.isDigit(byte) else { return false }
            }
        }
        return true
    }

    /// True when a date or date-time text names a real day (and a valid time, if any).
    static func isRealDate(_ text: String) -> Bool {
        // Ten bytes are ten characters in a text shaped like a date (`looksLikeDate`): its
        // eleventh byte, when there is one, is ASCII and starts a character.
        text.utf8.count == 10 ? DateText.isCalendarDate(text) : DateText.isDateTime(text)
    }
}

/// Where each tag of a tags entry stands (its text is the entry's value's, as YAML reads it).
struct TagItem {
    /// The tag's bytes, without quotes.
    let range: Range<Int>
    /// The tag's bytes as written, quotes included.
    let written: Range<Int>
}

extension NoteContext {
    /// Each tag of a tags entry (block list, flow list or single string) with its byte range.
    func tagItems(_ entry: FrontMatterEntry) -> [TagItem] {
        let bytes = note.source.bytes
        let value = entry.valueRange.bytes
        var items: [TagItem] = []
        func add(_ range: Range<Int>) {
            var range = range
            while let first = range.first, bytes[first] == Byte.space || bytes[first] == Byte.tab { range = (first + 1)..<range.upperBound }
            while let last = range.last, bytes[last] == Byte.space || bytes[last] == Byte.tab || bytes[last] == Byte.carriageReturn {
                range = range.lowerBound..<last
            }
            let written = range
            if range.count >= 2, let quote = range.first.map({ bytes[$0] }), quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\""),
               bytes[range.upperBound - 1] == quote {
                range = (range.lowerBound + 1)..<(range.upperBound - 1)
            }
            if !range.isEmpty { items.append(TagItem(range: range, written: written)) }
        }
        switch entry.style {
        case .flow?:
            guard let open = bytes[value].firstIndex(of: UInt8(ascii: "[")),
                  let close = bytes[value].lastIndex(of: UInt8(ascii: "]")), open < close else { return [] }
            var start = open + 1
            for index in (open + 1)..<close where bytes[index] == UInt8(ascii: ",") {
                add(start..<index)
                start = index + 1
            }
            add(start..<close)
        case .block?:
            let firstLine = entry.range.start.line + 1
            guard firstLine <= entry.range.end.line else { return [] }
            for line in firstLine...entry.range.end.line {
                let range = note.source.lineRange(line)
                guard let dash = bytes[range].firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
                      bytes[dash] == UInt8(ascii: "-"), dash + 1 == range.upperBound || bytes[dash + 1] == UInt8(ascii: " ")
                else { continue }
                add(min(dash + 1, range.upperBound)..<range.upperBound)
            }
        case .plain?, .singleQuoted?, .doubleQuoted?:
            add(value)
        default:
            break
        }
        return items
    }
}

/// `.notekit.yml` texts for rule examples.
enum ExampleConfiguration {
    /// One collection over every note, unknown keys allowed, with the schema lines `keys`
    /// (one `key: {type: ...}` per line).
    static func keys(_ keys: String) -> String {
        """
        collections:
          essays:
            paths: ["**"]
            allowUnknownKeys: true
            keys:
        \(keys.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
        """
    }
}
