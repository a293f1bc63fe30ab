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

    /// `PlainScalarResolver.value(of:)` of bytes, which types text and calendar dates on the
    /// bytes, answers as the function of the string; `DateText.isCalendarDate`
    /// on ASCII bytes as on the string.
    @Test func typesPlainScalarBytesAsTheirStrings() {
        let pieces = ["0", "1", "2", "9", "-", "+", ":", ".", "_", "e", "T", " ", "Z", "x", "n", "y", "N", "O", "~", "é",
                      "2024", "-05", "-30", "-02-29", "2023", "12:30", "inf", "ull", "es", "rue", "ff", "\u{301}", "\r\n", "日"]
        var texts = PlainScalarResolver.nulls.union(PlainScalarResolver.trues).union(PlainScalarResolver.falses).sorted()
        texts += ["2024-05-01", "2024-02-30", "2024-02-29", "2023-02-29", "0000-01-01", "-123-05-01", "+123-05-01", "2024-05-0é",
                  "2024-05-01T10:20:30Z", "2024-5-1", "1:20", "0x1F", ".inf", "yess", "nulls", "~~"]
        var generator = SplitMix64(seed: 0xB17E5)
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            var bytes = text
            let typed = bytes.withUTF8 { PlainScalarResolver.value(of: $0) }
            #expect("\(typed)" == "\(PlainScalarResolver.value(of: text))", "\(text.debugDescription)")
            let ascii = bytes.withUTF8 { DateText.isCalendarDate(ascii: $0) }
            #expect(ascii.map { $0 == DateText.isCalendarDate(text) } ?? !text.utf8.allSatisfy { $0 < 0x80 }, "\(text.debugDescription)")
        }
    }

    /// `YAMLValue.isEmpty` of a string, answered by its first byte when that is visible, is
    /// whether the string is blank.
    @Test func emptyStringsAreTheBlankOnes() {
        let pieces = [" ", "\t", "\r", "\n", "\r\n", "a", "é", "\u{A0}", "\u{301}", "\u{2028}", "-", "日"]
        var texts = [""]
        var generator = SplitMix64(seed: 0xB1A2C)
        for _ in 0..<5_000 {
            texts.append((0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(YAMLValue.string(text).isEmpty == text.isBlank, "\(text.debugDescription)")
        }
    }

    /// `FrontMatter.duplicateKeys`, answered without comparing keys when the reader found none
    /// repeated, groups the entries by key as a dictionary does.
    @Test func duplicateKeysAsTheEntriesGrouped() throws {
        var repeated = 0
        for text in Self.frontMatters() {
            guard let frontMatter = try Fixture.note(text).frontMatter else { continue }
            var order: [String] = []
            var byKey: [String: [FrontMatterEntry]] = [:]
            for entry in frontMatter.entries {
                if byKey[entry.key] == nil { order.append(entry.key) }
                byKey[entry.key, default: []].append(entry)
            }
            let expected = order.compactMap { key in byKey[key].flatMap { $0.count > 1 ? "\(key): \($0.map(\.range))" : nil } }
            #expect(frontMatter.duplicateKeys.map { "\($0.key): \($0.entries.map(\.range))" } == expected, "\(text.debugDescription)")
            if !expected.isEmpty { repeated += 1 }
        }
        #expect(repeated > 20)
    }

    /// The scanner's line tests on bytes (for a second block) answer as the line's string:
    /// `isBlank`, and `hasPrefix` of a space, `-` or `#`, which a combining mark after it
    /// makes another character.
    @Test func lineTestsOnBytesAsOnStrings() throws {
        let pieces = [" ", "-", "#", "a", "\t", "\r", "\u{301}", "\u{200D}", "é", "\u{FE0F}", ":", "日"]
        var lines = ["", " ", "-", "#", "\r", " \u{301}x", "-\u{301}", "#\u{200D}"]
        var generator = SplitMix64(seed: 0x5EC0)
        for _ in 0..<3_000 {
            lines.append((0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        let source = SourceText(bytes: Array(lines.joined(separator: "\n").utf8))
        let scanner = FrontMatterScanner(source: source, reader: YAMLReader(limits: .init()))
        for line in 1...source.lineCount {
            let text = source.lineString(line)
            #expect(scanner.isBlank(line: line) == text.isBlank, "\(text.debugDescription)")
            for prefix in [" ", "-", "#"] {
                #expect(scanner.hasPrefix(UInt8(ascii: Unicode.Scalar(prefix)!), line: line) == text.hasPrefix(prefix), "\(text.debugDescription)")
            }
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
