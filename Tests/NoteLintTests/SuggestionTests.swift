import NoteParser
import Testing

/// `Suggestion.fold` and `editDistance` read ASCII text on its bytes: the same answers as
/// over characters, for ASCII, `\r\n`, combining marks and other scalars.
@Suite struct SuggestionTests {
    static let pieces = ["a", "B", "-", "_", " ", "\r\n", "\r", "é", "e\u{301}", "İ", "Ω", "1", "Z", "\t"]

    /// Texts of up to four pieces, every combination of a few pieces, some of each kind.
    static var texts: [String] {
        var texts = [""]
        for length in 1...3 {
            texts += (0..<200).map { seed in
                (0..<length).map { pieces[(seed * 7 + $0 * 5 + seed / 3) % pieces.count] }.joined()
            }
        }
        return texts + ["Data-Center", "data_centers", "warnign", "LLM Response", "Ünïcødé-Tag"]
    }

    @Test func foldIsLowercasedWithoutSeparators() {
        for text in Self.texts {
            #expect(Suggestion.fold(text) == String(text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }), "\(text.debugDescription)")
        }
    }

    @Test func editDistanceCountsCharacters() {
        let texts = Self.texts.filter { $0.count <= 3 }
        for (index, lhs) in texts.enumerated() {
            let rhs = texts[(index * 13 + 5) % texts.count]
            #expect(Suggestion.editDistance(lhs, rhs) == Self.levenshtein(Array(lhs), Array(rhs)), "\(lhs.debugDescription) \(rhs.debugDescription)")
        }
        #expect(Suggestion.editDistance("warnign", "warning") == 2)
        #expect(Suggestion.editDistance("a\r\n", "a\r") == 1)
    }

    /// `closest` skips candidates whose length alone puts them out of reach: the same choice as
    /// measuring every candidate, on generated words, limits and candidate lists.
    @Test func closestIsTheNearestWithinTheLimit() {
        let texts = Self.texts
        for (index, word) in texts.enumerated() {
            let candidates = (0..<12).map { texts[(index * 31 + $0 * 17 + 3) % texts.count] } + [word + "x", "Data-Centers", "warning"]
            for maxDistance in [nil, 0, 1, 2, 3] {
                let limit = maxDistance ?? max(1, Suggestion.fold(word).count / 3)
                var best: (String, Int)?
                for candidate in candidates where candidate != word {
                    let distance = Suggestion.editDistance(Suggestion.fold(word), Suggestion.fold(candidate))
                    if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
                }
                #expect(Suggestion.closest(to: word, among: candidates, maxDistance: maxDistance) == best?.0, "\(word.debugDescription)")
            }
        }
    }

    /// Levenshtein distance over characters, by the full table.
    static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        var table = (0...a.count).map { row in (0...b.count).map { row == 0 ? $0 : $0 == 0 ? row : 0 } }
        for i in a.indices {
            for j in b.indices {
                table[i + 1][j + 1] = min(table[i][j + 1] + 1, table[i + 1][j] + 1, table[i][j] + (a[i] == b[j] ? 0 : 1))
            }
        }
        return table[a.count][b.count]
    }
}
