import Testing
@testable import NoteParser

@Suite struct SourceTextTests {
    @Test func positionsUseOneBasedUTF8Columns() {
        let source = SourceText("é a\nb")
        #expect(source.lineCount == 2)
        #expect(source.position(at: 2) == SourcePosition(line: 1, column: 3, offset: 2))
        #expect(source.position(at: 5) == SourcePosition(line: 2, column: 1, offset: 5))
    }

    @Test func linesSplitOnNewlineOnly() {
        let source = SourceText("a\u{2028}b\r\nc")
        #expect(source.lineCount == 2)
        #expect(source.lineString(1) == "a\u{2028}b\r")
    }

    /// The line index (`notekit_line_starts`, sixty-four bytes at a time) against a byte-by-byte
    /// search, on texts of 0 to 300 bytes with newlines at drawn places (none, runs of them, CRLF,
    /// next to non-ASCII bytes, first and last) and on one over its first guess of the count.
    @Test func lineStartsAgreeWithAByteByByteSearch() {
        func naive(_ bytes: [UInt8]) -> [Int] { [0] + bytes.indices.filter { bytes[$0] == Byte.newline }.map { $0 + 1 } }
        let pieces: [[UInt8]] = [Array("\n".utf8), Array("\r\n".utf8), Array("\n\n\n".utf8), Array("é".utf8), Array("x".utf8),
                                 Array("line of text ".utf8), [0xFF]]
        // A linear congruential generator: the same texts on every run.
        var state: UInt64 = 0x0123_4567_89AB_CDEF
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var texts: [[UInt8]] = [[], Array("\n".utf8), Array(repeating: Byte.newline, count: 200), Array(repeating: UInt8(ascii: "a"), count: 130)]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            let length = next(300)
            while bytes.count < length { bytes += pieces[next(pieces.count)] }
            texts.append(bytes)
        }
        for bytes in texts {
            #expect(SourceText(bytes: bytes).lineStarts == naive(bytes), "\(bytes)")
        }
    }

    @Test func offsetsClampToTheText() {
        let source = SourceText("ab\ncd")
        #expect(source.offset(line: 1, column: 99) == 2)
        #expect(source.offset(line: 9, column: 1) == 5)
        #expect(source.position(at: 99).offset == 5)
    }
}

@Suite struct CheapLowercasingTests {
    @Test(arguments: ["", "u4vyfy", "AbC-1_[x]", "Notes/Sub Folder/A.md", "ÉCOLE", "Straße", "İstanbul", "ΣΊΣΥΦΟΣ", "mixed Ü and Z",
                      "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[`abcdefghijklmnopqrstuvwxyz{", String(repeating: "Long Key ", count: 40)])
    func agreesWithLowercased(text: String) {
        #expect(text.lowercasedCheaply() == text.lowercased())
    }
}

@Suite struct CheapLowercasingWordTests {
    /// Eight bytes at a time: every capital and its neighbours at each place of a word and in
    /// the bytes after the last whole word.
    @Test func agreesWithLowercasedAtEveryPlace() {
        for length in 1...19 {
            for place in 0..<length {
                for byte: UInt8 in [0x40, 0x41, 0x4D, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7F] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "k"), count: length)
                    bytes[place] = byte
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(text.lowercasedCheaply() == text.lowercased(), "\(bytes)")
                }
                let accented = String(repeating: "K", count: place) + "É" + String(repeating: "k", count: length - place)
                #expect(accented.lowercasedCheaply() == accented.lowercased())
            }
        }
    }

    @Test func printableWordsAreFoundExactly() {
        for place in 0..<8 {
            for byte in UInt8.min...UInt8.max {
                var word: UInt64 = 0x7E20_7E20_7E20_7E20
                word = word & ~(0xFF << (8 * UInt64(place))) | UInt64(byte) << (8 * UInt64(place))
                #expect(Byte.isPrintableASCII(word: word) == (0x20...0x7E).contains(byte), "\(byte) at \(place)")
            }
        }
    }

    @Test func visibleWordsAreFoundExactly() {
        for place in 0..<8 {
            for byte in UInt8.min...UInt8.max {
                var word: UInt64 = 0x7E21_7E21_7E21_7E21
                word = word & ~(0xFF << (8 * UInt64(place))) | UInt64(byte) << (8 * UInt64(place))
                #expect(Byte.isVisibleASCII(word: word) == (0x21...0x7E).contains(byte), "\(byte) at \(place)")
            }
        }
    }

    @Test func capitalWordsAreFoundExactly() {
        for place in 0..<8 {
            for byte: UInt8 in 0..<0x80 {
                var word: UInt64 = 0x6161_6161_6161_6161
                word = word & ~(0xFF << (8 * UInt64(place))) | UInt64(byte) << (8 * UInt64(place))
                #expect(Byte.hasCapital(asciiWord: word) == (0x41...0x5A).contains(byte), "\(byte) at \(place)")
            }
        }
    }
}

@Suite struct TrimmedTests {
    /// The byte path (ASCII ends) and the character path agree with trimming characters.
    @Test(arguments: ["", " ", "\t\r\n ", "a", " a b ", "\r\nkey\r\n", "é", " é ", " x é", "é x ", " \u{301}abc", "abc\u{301} ",
                      "a\u{301}", "😀 ok", "  [^1]: https://example.org/a  ", "\u{A0}x\u{A0}", "x\r"])
    func agreesWithCharacterTrimming(text: String) {
        let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        let utf8 = Array(text.utf8)
        var expected = ""
        if let first = utf8.firstIndex(where: { !blanks.contains($0) }), let last = utf8.lastIndex(where: { !blanks.contains($0) }) {
            let start = text.utf8.index(text.startIndex, offsetBy: first), end = text.utf8.index(text.startIndex, offsetBy: last)
            expected = String(text[start...end])
        }
        #expect(text.trimmed() == expected)
        #expect(("ab" + text + "cd").dropFirst(2).dropLast(2).trimmed() == expected)
    }
}

@Suite struct CheapWhitespaceTests {
    @Test func agreesWithIsWhitespace() {
        let characters: [Character] = (0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }
            + ["\r\n", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "é", "e\u{301}", " \u{301}", "\u{FEFF}"]
        for character in characters {
            #expect(character.isWhitespaceCheaply == character.isWhitespace, "\(character.unicodeScalars.map(\.value))")
        }
    }
}

@Suite struct SourceFindTests {
    /// `find` agrees with a plain search over random text, needles and ranges.
    @Test func agreesWithANaiveSearch() {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("ab[^]\n".utf8)
        for _ in 0..<500 {
            let bytes = (0..<Int(generator.next() % 60)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let source = SourceText(bytes: bytes)
            let needle = (0..<Int(generator.next() % 3 + 1)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let lower = Int(generator.next() % UInt64(bytes.count + 1))
            let upper = lower + Int(generator.next() % UInt64(bytes.count - lower + 2))
            let naive = (lower..<max(lower, min(upper, bytes.count) - needle.count + 1)).first {
                Array(bytes[$0..<($0 + needle.count)]) == needle
            }
            #expect(source.find(needle, in: lower..<upper) == naive)
        }
    }
}

@Suite struct ByteRangeTests {
    /// `byteRange(of:)` finds what a plain search over the UTF-8 bytes finds, in strings and
    /// in substrings that start and end inside them.
    @Test func agreesWithANaiveSearch() {
        var generator = SplitMix64(seed: 11)
        let pieces = ["a", "b", "é", "://", "Published:", " ", "日"]
        func text(_ count: Int) -> String { (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined() }
        for _ in 0..<500 {
            let whole = text(Int(generator.next() % 12))
            let needle = text(Int(generator.next() % 2 + 1))
            let characters = Array(whole)
            let from = Int(generator.next() % UInt64(characters.count + 1))
            let substring = whole.dropFirst(from)
            let haystack = Array(substring.utf8), pattern = Array(needle.utf8)
            let naive = haystack.count < pattern.count ? nil
                : (0...(haystack.count - pattern.count)).first { Array(haystack[$0..<($0 + pattern.count)]) == pattern }
            let found = substring.byteRange(of: needle).map { substring.utf8.distance(from: substring.startIndex, to: $0.lowerBound) }
            #expect(found == naive, "\(whole.debugDescription) from \(from), \(needle.debugDescription)")
            if let range = substring.byteRange(of: needle) { #expect(String(substring[range]) == needle) }
        }
    }
}

@Suite struct ByteCaseTests {
    @Test func lowercasesExactlyTheCapitals() {
        for byte in UInt8.min...UInt8.max {
            let expected = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            #expect(Byte.lowercased(byte) == expected, "\(byte)")
        }
    }

    @Test(arguments: [("UUID", true), ("uuid", true), ("UuId", true), ("uuie", false), ("uui", false), ("uuids", false), ("u\u{0}id", false)])
    func equalsLowercasedWholeBytes(text: String, expected: Bool) {
        var text = text
        text.withUTF8 { #expect(Byte.equalsLowercased($0[...], "uuid") == expected) }
    }

    @Test func offsetFromAStartAgreesWithANaiveSearch() {
        let bytes = Array("ab<h2>x</h2>ab<h2>".utf8), needle = Array("<h2>".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0...(bytes.count + 1) {
                let naive = stride(from: start, through: bytes.count - needle.count, by: 1)
                    .first { Array(bytes[$0..<($0 + needle.count)]) == needle }
                #expect(Byte.offset(of: needle, in: buffer, from: start) == naive, "from \(start)")
            }
        }
    }
}
