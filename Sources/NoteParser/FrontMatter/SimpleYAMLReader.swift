/// Reads the common shapes of front matter without libyaml, which costs more than the rest
/// of a note's parse: top-level `key: value` lines whose values are one-line plain or simply
/// quoted scalars, one-line flow lists of them, or block lists of them (`- item` lines).
/// On anything else, and on anything it is unsure of (comments after values, escapes,
/// continuation lines, duplicate keys, control characters), it returns nil and
/// `YAMLReader.compose` reads the text. Its results are tested against that full path on
/// generated and real front matter.
enum SimpleYAMLReader {
    /// Bytes of the text read, in place: slices of its buffer keep their offsets, and unlike
    /// array slices are not reference counted.
    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// The top-level entries of `text`, as `YAMLReader.compose` returns them, or nil.
    static func readMapping(_ text: String, limits: YAMLReader.Limits = .init()) -> YAMLComposer.Mapping? {
        var text = text
        return text.withUTF8 { readMapping($0, limits: limits) }
    }

    /// `readMapping(_:limits:)` of UTF-8 bytes, read in place. Nil also for text that could go
    /// past the nesting limits (more `[` and `{` than `maxDepth`, or a line indented deeper),
    /// which `YAMLReader` then checks before composing it.
    static func readMapping(_ buffer: UnsafeBufferPointer<UInt8>, limits: YAMLReader.Limits) -> YAMLComposer.Mapping? {
        guard opensAtMost(limits.maxDepth, in: buffer) else { return nil }
        let bytes = Bytes(base: buffer, bounds: 0..<buffer.count)
        let maxIndent = limits.maxDepth * 8
        var entries: [YAMLComposer.Entry] = []
        entries.reserveCapacity(16)
        var keys = KeySet()
        var nodes = 0
        // The lines are found as they are read (no array of them): `next` is where the line
        // after the current one starts, past the end when there is none.
        var next = 0
        while next <= bytes.count {
            let line = self.line(from: next, in: bytes)
            next = line.endIndex + (line.endIndex < bytes.count && bytes[line.endIndex] == Byte.carriageReturn ? 2 : 1)
            if line.allSatisfy({ $0 == Byte.space }) {
                guard line.count <= maxIndent else { return nil }
                continue
            }
            if line.first == UInt8(ascii: "#") {
                guard isPrintable(line) else { return nil }
                continue
            }
            guard let (key, colon, rest) = keyAndValue(line), keys.insert(key, bytes: line[..<colon], of: entries, in: bytes) else { return nil }
            let value: YAMLValue
            let style: YAMLStyle
            var valueEnd = rest.endIndex
            if rest.isEmpty {
                var items: [YAMLValue] = []
                var indent: Int?
                while next <= bytes.count {
                    let itemLine = self.line(from: next, in: bytes)
                    guard let (itemIndent, item) = listItem(itemLine) else { break }
                    guard itemIndent == (indent ?? itemIndent), itemIndent <= maxIndent, let (itemValue, _) = scalar(item, inFlow: false) else { return nil }
                    indent = itemIndent
                    items.append(itemValue)
                    valueEnd = item.endIndex
                    next = itemLine.endIndex + (itemLine.endIndex < bytes.count && bytes[itemLine.endIndex] == Byte.carriageReturn ? 2 : 1)
                }
                (value, style) = items.isEmpty ? (.null, .plain) : (.list(items), .block)
                nodes += items.count
            } else if rest.first == Byte.openBracket {
                guard let items = flowList(rest) else { return nil }
                (value, style) = (.list(items), .flow)
                nodes += items.count
            } else {
                guard let typed = scalar(rest, inFlow: false) else { return nil }
                (value, style) = typed
            }
            nodes += 2
            guard nodes <= limits.maxNodes else { return nil }
            entries.append(YAMLComposer.Entry(key: key, keyBytes: line.startIndex..<colon, start: line.startIndex,
                                              valueBytes: rest.startIndex..<valueEnd, value: value, style: style))
        }
        return YAMLComposer.Mapping(entries: entries, isFlow: false, keysAreUnique: true)
    }

    /// The line that starts at `start`, without its `\n` and a `\r` before it (`memchr` for the end).
    private static func line(from start: Int, in bytes: Bytes) -> Bytes {
        let end = find(Byte.newline, in: bytes[start...]) ?? bytes.endIndex
        return bytes[start..<(end > start && bytes[end - 1] == Byte.carriageReturn ? end - 1 : end)]
    }

    /// Whether `bytes` hold at most `limit` `[` and `{`: then no nesting in them goes deeper.
    /// Counted eight bytes at a time: `byte | 0x20` is `{` for these two bytes only.
    private static func opensAtMost(_ limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, lows = ones &* 0x7F
        var count = 0
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // A byte of `differs` is zero where the byte is `[` or `{`; the high bit of each
                // zero byte is then set in `zeros`, and only there.
                let differs = (word | ones &* 0x20) ^ (ones &* UInt64(UInt8(ascii: "{")))
                let zeros = ~(((differs & lows) &+ lows) | differs | lows)
                // The eight bytes of `zeros >> 7` (each 0 or 1) summed in the top byte by one
                // multiplication (a population count is a loop without the instruction).
                count += Int(truncatingIfNeeded: ((zeros >> 7) &* ones) >> 56)
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] | 0x20 == UInt8(ascii: "{") { count += 1 }
            index += 1
        }
        return count <= limit
    }

    /// The keys read so far, for the duplicate check: a front matter's few keys are told apart
    /// by a hash of their bytes (ASCII, so equal bytes are equal strings), their bytes compared
    /// only when the hashes match, without hashing strings; past `linearLimit` keys they go
    /// into a set.
    private struct KeySet {
        static let linearLimit = 64
        /// The hash of each entry's key, in the entries' order.
        private var hashes: [UInt64] = []
        private var hashed: Set<String>?

        /// Whether `key` (its bytes `keyBytes` in `text`) is new; it is added when it is.
        mutating func insert(_ key: String, bytes keyBytes: Bytes, of entries: [YAMLComposer.Entry], in text: Bytes) -> Bool {
            if hashed == nil, entries.count < Self.linearLimit {
                // FNV-1a, seeded with the length.
                var hash = UInt64(keyBytes.count)
                for byte in keyBytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
                for index in hashes.indices where hashes[index] == hash && text[entries[index].keyBytes].elementsEqual(keyBytes) {
                    return false
                }
                if hashes.isEmpty { hashes.reserveCapacity(16) }
                hashes.append(hash)
                return true
            }
            if hashed == nil { hashed = Set(entries.map(\.key)) }
            return hashed?.insert(key).inserted ?? false
        }
    }

    /// The key of a `key: value` line (letters, digits, `_` and `-`) and its value, trimmed.
    private static func keyAndValue(_ line: Bytes) -> (String, Int, Bytes)? {
        guard let first = line.first, first == UInt8(ascii: "_") || Byte.isLetter(first),
              let colon = line.firstIndex(where: { !isKeyByte($0) }), line[colon] == Byte.colon,
              colon - line.startIndex <= 1000 else { return nil }  // libyaml's simple keys are at most 1024 characters
        let value = line[(colon + 1)...]
        guard value.isEmpty || value.first == Byte.space else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self), colon, trimmed(value))
    }

    /// Letters, digits, `_` and `-`: looked up in a bit for each ASCII byte.
    static func isKeyByte(_ byte: UInt8) -> Bool {
        // Bit `b` of `low` is byte `b` (`-` and the digits), bit `b - 64` of `high` byte `b`
        // (the capitals, `_` and the small letters).
        let low: UInt64 = 1 << 45 | 0x3FF << 48
        let high: UInt64 = 0x3FF_FFFF << 1 | 1 << 31 | 0x3FF_FFFF << 33
        return byte < 64 ? low >> byte & 1 == 1 : byte < 128 && high >> (byte - 64) & 1 == 1
    }

    /// The indentation and text of a `- item` line.
    private static func listItem(_ line: Bytes) -> (Int, Bytes)? {
        guard let dash = line.firstIndex(where: { $0 != Byte.space }), line[dash] == UInt8(ascii: "-"),
              dash + 1 < line.endIndex, line[dash + 1] == Byte.space else { return nil }
        return (dash - line.startIndex, trimmed(line[(dash + 1)...]))
    }

    /// The items of a one-line `[a, "b", 'c']`, or nil.
    private static func flowList(_ text: Bytes) -> [YAMLValue]? {
        guard text.last == Byte.closeBracket else { return nil }
        let inner = trimmed(text.dropFirst().dropLast())
        if inner.isEmpty { return [] }
        var items: [YAMLValue] = []
        for item in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            guard let (value, _) = scalar(trimmed(item), inFlow: true) else { return nil }
            items.append(value)
        }
        return items
    }

    /// Bytes a plain scalar cannot start with: YAML's indicators.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"):
            return true
        default:
            return false
        }
    }

    /// Bytes a plain scalar in a flow list cannot hold here.
    private static func isFlowStop(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ":"),
             UInt8(ascii: "#"):
            return true
        default:
            return false
        }
    }

    /// A one-line scalar: plain (typed as YAML 1.1 types it), or quoted without escapes.
    private static func scalar(_ text: Bytes, inFlow: Bool) -> (YAMLValue, YAMLStyle)? {
        guard let first = text.first, isPrintable(text) else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let inner = text.dropFirst().dropLast()
            guard text.count >= 2, text.last == first, find(first, in: inner) == nil, find(UInt8(ascii: "\\"), in: inner) == nil else { return nil }
            return (.string(String(decoding: UnsafeBufferPointer(rebasing: inner), as: UTF8.self)), first == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted)
        }
        guard !isIndicator(first) else { return nil }
        if inFlow {
            var previous: UInt8 = 0
            // An index loop: `zip(text.indices, text)` calls the slice's generic `indices`.
            var offset = text.startIndex
            while offset < text.endIndex {
                let byte = text[offset]
                if isFlowStop(byte) { return nil }
                if byte == Byte.colon, offset + 1 == text.endIndex || text[offset + 1] == Byte.space { return nil }
                if byte == UInt8(ascii: "#"), previous == Byte.space { return nil }
                previous = byte
                offset += 1
            }
        } else {
            // Out of a flow only a `:` before a space or the end and a `#` after a space end
            // the scalar: each found by `memchr`.
            var from = text.startIndex
            while let colon = find(Byte.colon, in: text[from...]) {
                if colon + 1 == text.endIndex || text[colon + 1] == Byte.space { return nil }
                from = colon + 1
            }
            from = text.startIndex
            while let hash = find(UInt8(ascii: "#"), in: text[from...]) {
                if hash > text.startIndex, text[hash - 1] == Byte.space { return nil }
                from = hash + 1
            }
        }
        return (PlainScalarResolver.value(of: UnsafeBufferPointer(rebasing: text)), .plain)
    }

    /// No control characters (tabs included), no C1 controls, line or paragraph separators,
    /// byte-order marks or the noncharacters U+FFFE and U+FFFF: what libyaml rejects, breaks
    /// lines at, or what `YAMLReader` masks.
    private static func isPrintable(_ text: Bytes) -> Bool {
        // Runs of eight printable ASCII bytes first: none starts a sequence the tests below read.
        let buffer = UnsafeBufferPointer(rebasing: text)
        var printable = 0
        if let base = buffer.baseAddress {
            while printable + 8 <= buffer.count, Byte.isPrintableASCII(word: UnsafeRawPointer(base + printable).loadUnaligned(as: UInt64.self)) {
                printable += 8
            }
        }
        var index = text.startIndex + printable
        while index < text.endIndex {
            let byte = text[index]
            if byte < 0x20 || byte == 0x7F { return false }
            if byte >= 0x80, index + 1 < text.endIndex {
                let next = text[index + 1]
                if byte == 0xC2 && next < 0xA0 { return false }
                if index + 2 < text.endIndex {
                    let third = text[index + 2]
                    if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) { return false }
                    if byte == 0xEF && next == 0xBB && third == 0xBF { return false }
                    if byte == 0xEF && next == 0xBF && (third == 0xBE || third == 0xBF) { return false }
                }
            }
            index += 1
        }
        return true
    }

    /// The first offset of `byte` in `text` (`memchr`).
    private static func find(_ byte: UInt8, in text: Bytes) -> Int? {
        Byte.offset(of: byte, in: text.base, range: text.startIndex..<text.endIndex)
    }

    private static func trimmed(_ text: Bytes) -> Bytes {
        var text = text
        while text.first == Byte.space { text = text.dropFirst() }
        while text.last == Byte.space { text = text.dropLast() }
        return text
    }
}
