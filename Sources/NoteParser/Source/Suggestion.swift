/// "Did you mean" suggestions by edit distance.
package enum Suggestion {
    /// The candidate closest to `word` (case and `-`/`_`/space folded), if close enough.
    package static func closest(to word: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
        let folded = fold(word)
        let limit = maxDistance ?? max(1, folded.count / 3)
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            // Only a candidate within the limit and closer than the best so far is taken.
            guard let distance = editDistance(folded, fold(candidate), atMost: min(limit, (best?.1 ?? Int.max) - 1)) else { continue }
            best = (candidate, distance)
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
        editDistance(lhs, rhs, atMost: Int.max)!
    }

    /// `editDistance(lhs, rhs)` when it is at most `bound`, else nil. The lengths' difference is
    /// a lower bound: most candidates of a "did you mean" are ruled out by it, unmeasured.
    static func editDistance(_ lhs: String, _ rhs: String, atMost bound: Int) -> Int? {
        let isSingleByteText = { (text: String) in text.utf8.allSatisfy { $0 < 0x80 && $0 != Byte.carriageReturn } }
        if isSingleByteText(lhs), isSingleByteText(rhs) {
            guard abs(lhs.utf8.count - rhs.utf8.count) <= bound else { return nil }
            var (lhs, rhs) = (lhs, rhs)
            let distance = lhs.withUTF8 { left in rhs.withUTF8 { right in editDistance(left, right) } }
            return distance <= bound ? distance : nil
        }
        let (left, right) = (Array(lhs), Array(rhs))
        guard abs(left.count - right.count) <= bound else { return nil }
        let distance = editDistance(left, right)
        return distance <= bound ? distance : nil
    }

    private static func editDistance<Text: RandomAccessCollection>(_ a: Text, _ b: Text) -> Int where Text.Index == Int, Text.Element: Equatable {
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
