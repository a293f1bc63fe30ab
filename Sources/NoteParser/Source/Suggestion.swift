/// "Did you mean" suggestions by edit distance.
package enum Suggestion {
    /// The candidate closest to `word` (case and `-`/`_`/space folded), if close enough.
    package static func closest(to word: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
        let folded = fold(word)
        let limit = maxDistance ?? max(1, folded.count / 3)
        let foldedIsSingleByte = isSingleByteText(folded)
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let other = fold(candidate)
            // Single-byte texts are at least as far apart as their lengths: a candidate that
            // cannot be within the limit, nor closer than the best, is not measured.
            if foldedIsSingleByte, isSingleByteText(other),
               abs(folded.utf8.count - other.utf8.count) > min(limit, (best?.1 ?? Int.max) - 1) {
                continue
            }
            let distance = editDistance(folded, other)
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Lowercased, with `-`, `_` and spaces removed. ASCII text (nearly every tag, key and
    /// type) is folded on its bytes, each its own character.
    package static func fold(_ text: String) -> String {
        var text = text
        let folded = text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                for byte in bytes where byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") && byte != Byte.space {
                    buffer[count] = Byte.lowercased(byte)
                    count += 1
                }
                return count
            }
        }
        return folded ?? String(text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
    }

    /// Levenshtein distance over characters: over bytes when both texts are ASCII without
    /// `\r` (each byte a character; `\r\n` is one).
    package static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        if isSingleByteText(lhs), isSingleByteText(rhs) { return editDistance(Array(lhs.utf8), Array(rhs.utf8)) }
        return editDistance(Array(lhs), Array(rhs))
    }

    /// Whether each byte of `text` is one character: ASCII without `\r`.
    private static func isSingleByteText(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != Byte.carriageReturn }
    }

    private static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
