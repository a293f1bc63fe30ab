import Testing
@testable import NoteParser

/// The front-matter fast paths answer as the plain code they replaced, on generated input.
@Suite struct FrontMatterFastPathTests {
    /// Generated front-matter lines: block and flow values, lists, comments, CRLF, non-ASCII,
    /// broken YAML (read entry by entry), empty values.
    static func frontMatters() -> [String] {
        let lines = ["title: Ünïcødé ✓", "date_created: 2024-05-01", "tags:", "  - a", "  - 'b c'", "empty:", "# note",
                     "", "url: https://example.com/a b", "list: [x, 'y', 3]", "bad: [unclosed", "  continued", "q: \"é\"",
                     "k: v # c", "dup: 1", "dup: 2", "   ", "uuid: {{x}}"]
        var generator = SplitMix64(seed: 0xF00D)
        var texts = ["---\n---\n", "---\r\n---\r\n", "---\n{a: 1, b: [2]}\n---\n", "---\n{a: 1, b\n---\n"]
        for _ in 0..<300 {
            let count = Int.random(in: 0...7, using: &generator)
            let end = Bool.random(using: &generator) ? "\r\n" : "\n"
            let body = (0..<count).map { _ in lines.randomElement(using: &generator)! + end }.joined()
            texts.append("---" + end + body + "---" + end + "Body {{y}}" + end)
        }
        return texts
    }

    /// `FrontMatterEntry.raw`, made from the note's bytes when asked, is the text of the
    /// entry's range, as the scanner made it for every entry before.
    @Test func rawIsTheTextOfTheEntrysRange() throws {
        for text in Self.frontMatters() {
            let note = try Fixture.note(text)
            for entry in note.frontMatter?.entries ?? [] {
                #expect(entry.raw == note.source.string(entry.range.bytes), "\(text.debugDescription)")
            }
        }
        let entry = try #require(try Fixture.note("---\r\ntitle: Ünï\r\ntags:\r\n  - a\r\n---\r\n").frontMatter?.entries)
        #expect(entry.map(\.raw) == ["title: Ünï\r", "tags:\r\n  - a\r"])
    }

    /// Every entry's value lies in the block's content range (`frontmatter/template-placeholder`
    /// searches that range once before the values).
    @Test func valuesLieInTheContentRange() throws {
        for text in Self.frontMatters() {
            guard let frontMatter = try Fixture.note(text).frontMatter else { continue }
            for entry in frontMatter.entries {
                #expect(frontMatter.contentRange.bytes.contains(entry.valueRange.bytes.lowerBound)
                        || frontMatter.contentRange.bytes.upperBound == entry.valueRange.bytes.lowerBound, "\(text.debugDescription)")
                #expect(entry.valueRange.bytes.upperBound <= frontMatter.contentRange.bytes.upperBound, "\(text.debugDescription)")
            }
        }
    }

    /// `PlainScalarResolver.value(of:)` as it typed before: the words looked up whatever the
    /// first byte, numbers tried before dates.
    @Test func typesPlainScalarsAsBefore() {
        func reference(_ text: String) -> YAMLValue {
            if text.utf8.count <= 5 {
                if PlainScalarResolver.nulls.contains(text) { return .null }
                if PlainScalarResolver.trues.contains(text) { return .bool(true) }
                if PlainScalarResolver.falses.contains(text) { return .bool(false) }
            }
            guard let first = text.utf8.first else { return .string(text) }
            guard Byte.isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") else { return .string(text) }
            if let number = PlainScalarResolver.number(text) { return .number(number) }
            if DateText.isCalendarDate(text) { return .date(text) }
            if DateText.isDateTime(text) { return .datetime(text) }
            return .string(text)
        }
        let pieces = ["0", "1", "2", "9", "-", "+", ":", ".", "_", "e", "E", "T", "t", " ", "Z", "x", "o", "b", "n", "y",
                      "N", "O", "~", "é", "2024", "-05", "-30", "12:30", ":45", "inf", "nan", "ull", "es", "rue", "ff", "\u{301}"]
        var texts = PlainScalarResolver.nulls.union(PlainScalarResolver.trues).union(PlainScalarResolver.falses).sorted()
        texts += ["2024-05-01", "2024-02-30", "-123-05-01", "+123-05-01", "2024-05-01T10:20:30Z", "2024-05-01 10:20", "1:20", "0x1F", ".inf"]
        var generator = SplitMix64(seed: 0x5CA1A)
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect("\(PlainScalarResolver.value(of: text))" == "\(reference(text))", "\(text.debugDescription)")
        }
    }

    /// `SimpleYAMLReader.isKeyByte`, a bit looked up, is the test of letters, digits, `_` and `-`.
    @Test func keyBytesAreLettersDigitsUnderscoreAndDash() {
        for byte in UInt8.min...UInt8.max {
            let expected = Byte.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || Byte.isLetter(byte)
            #expect(SimpleYAMLReader.isKeyByte(byte) == expected, "\(byte)")
        }
    }

    /// A key `FrontMatterEmitter.isPlainKey` takes (written plain without composing) reads back
    /// as itself when the whole entry is composed with Yams; keys it declines still get the
    /// composed answer.
    @Test func plainKeysReadBackComposed() {
        let pieces = ["a", "Z", "_", "-", "1", "y", "n", "o", "N", "ull", "es", "ff", "rue", "é", " ", ":", "#", "'", "~", "."]
        var keys = ["yes", "No", "null", "on", "y", "n", "_", "a-b", "1a", "date_created", "-a", "a:b", "é", "Null", "TRUE", "x"]
        var generator = SplitMix64(seed: 0x4E7)
        for _ in 0..<400 {
            keys.append((0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        var plain = 0
        for key in keys where FrontMatterEmitter.isPlainKey(key) {
            plain += 1
            #expect(FrontMatterEmitter.entry(key, .string("x")) == "\(key): x", "\(key.debugDescription)")
        }
        #expect(plain > 50)
        #expect(!FrontMatterEmitter.isPlainKey("yes") && !FrontMatterEmitter.isPlainKey("null") && !FrontMatterEmitter.isPlainKey("1a"))
        #expect(FrontMatterEmitter.key("yes") != "yes")
    }
}
