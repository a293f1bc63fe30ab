import Testing
@testable import NoteParser

/// `SimpleYAMLReader` either declines or reads front matter exactly as the full path
/// (`YAMLReader.compose`) does: the same keys, key places, typed values and styles.
@Suite struct SimpleYAMLReaderTests {
    static let reader = YAMLReader(limits: .init())

    /// The entries as comparable text (`nan` is not equal to itself as a `Double`).
    static func described(_ mapping: YAMLComposer.Mapping) -> [String] {
        mapping.entries.map { "\($0.key)@\($0.keyBytes)=\($0.value) \($0.style)" }
    }

    /// Fails when the simple reader accepts `text` and reads it differently from the full path;
    /// returns whether it accepted.
    @discardableResult
    static func agreesWithFullPath(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let simple = SimpleYAMLReader.readMapping(text, limits: .init()) else { return false }
        let composed = Result { () throws(YAMLReader.Failure) in try reader.compose(text) }
        guard case .success(let pairs) = composed else {
            Issue.record("accepted what the full path rejects: \(text.debugDescription) (\(composed))", sourceLocation: sourceLocation)
            return true
        }
        #expect(described(simple) == described(pairs), "\(text.debugDescription)", sourceLocation: sourceLocation)
        return true
    }

    /// Values the simple reader reads itself.
    static let common = [
        "Plain title", "2024-03-05", "2024-03-05T10:20:30Z", "42", "3.5", "yes", "Off", "~", "null", "1:20",
        "https://example.com/a?b=c#d", "\"Quoted: with # and [x]\"", "'single: quoted'", "\"\"", "''", "[]", "[ ]",
        "[a, b, c]", "[\"a\", 'b', 3, 2024-01-01]", "Über café 日本", "a - b ? c", "x#y", "(draft) [v2] {x}",
        "C++ & C#", "100%", "a  b", "O'Reilly", "say \"hi\"", "",
    ]

    /// Values it leaves to the full path.
    static let declined = [
        "value # comment", "\"esc\\\"aped\"", "'it''s'", "[a, [b]]", "[a, b,]", "[a: b]", "{a: b}", "|", ">-", "&anchor x",
        "*alias", "!tag x", "-5", "- x", "? x", "key: value", "ends:", "\"open", "tab\there", "%percent", "@at", "`tick`",
        "a\u{2028}b", "nel\u{85}x", "bom\u{FEFF}x", "[a, b] # c", "[x]y", "\"a\" b",
    ]

    @Test(arguments: common)
    func readsCommonValues(value: String) {
        #expect(Self.agreesWithFullPath("key: \(value)\n"), "declined \(value.debugDescription)")
    }

    @Test(arguments: declined)
    func declinesTheRest(value: String) {
        #expect(SimpleYAMLReader.readMapping("key: \(value)\n", limits: .init()) == nil)
        #expect(Self.agreesWithFullPath("key: \(value)\n") == false)
    }

    @Test func blockListsCommentsAndLines() {
        let text = "# comment\ntitle: A note\r\n\ntags:\n  - one\n  - \"two\"\n  - 3\naliases:\n- x\n- y\nempty:\nlast: [q]\n"
        #expect(Self.agreesWithFullPath(text))
        let entries = SimpleYAMLReader.readMapping(text, limits: .init())?.entries ?? []
        #expect(entries.map { text.utf8.prefix($0.start).filter { $0 == Byte.newline }.count + 1 } == [2, 4, 8, 11, 12])
        #expect(entries.map(\.style) == [.plain, .block, .block, .plain, .flow])
    }

    @Test(arguments: [
        "a: 1\na: 2\n",             // duplicate keys
        "tags:\n  - a\n - b\n",     // uneven list indentation
        "tags:\n  - a\n\n  - b\n",  // a blank line inside a list
        "tags:\n  -\n",             // an empty item
        "title: a\n  continued\n",  // a continuation line
        "map:\n  key: value\n",     // a nested map
        "date created: 2024-01-01\n", // a key with a space
        "key:value\n",
        "#\u{1}\n",
        String(repeating: "k", count: 1100) + ": v\n",
    ])
    func declinesShapesItDoesNotKnow(text: String) {
        #expect(SimpleYAMLReader.readMapping(text, limits: .init()) == nil)
    }

    /// Duplicate keys are found among a few keys (told apart by a hash of their bytes) and
    /// among many (in a set past the first 64), wherever the repeated key stands.
    @Test(arguments: [2, 15, 16, 17, 40, 63, 64, 65, 100])
    func declinesADuplicateAmongKeys(count: Int) {
        let keys = (0..<count).map { "key_\($0)" } + ["Key-\(count)", "key-\(count)"]
        let text = keys.map { "\($0): v\n" }.joined()
        #expect(SimpleYAMLReader.readMapping(text, limits: .init())?.entries.map(\.key) == keys)
        for repeated in [0, count / 2, count - 1] {
            #expect(SimpleYAMLReader.readMapping(text + "key_\(repeated): w\n", limits: .init()) == nil, "key_\(repeated) of \(count)")
            #expect(SimpleYAMLReader.readMapping(text + "key_\(repeated)x: w\n", limits: .init()) != nil)
        }
    }

    /// The reader declines a block exactly when a key repeats (compared as strings), among
    /// keys that share lengths, prefixes and suffixes, or differ in case only.
    @Test func declinesExactlyTheRepeatedKeys() {
        let pieces = ["a", "b", "A", "_", "-", "1", "ab", "ba", "key", "long_key_name_past_sixteen_bytes"]
        var generator = SplitMix64(seed: 0xD0B1E)
        for _ in 0..<1_500 {
            let count = Int.random(in: 0...(Bool.random(using: &generator) ? 12 : 90), using: &generator)
            let keys = (0..<count).map { _ in
                "k" + (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            let text = keys.map { "\($0): v\n" }.joined()
            let read = SimpleYAMLReader.readMapping(text, limits: .init())
            #expect((read == nil) == (Set(keys).count != keys.count), "\(keys)")
            #expect(read.map { $0.keysAreUnique } ?? true)
        }
    }

    @Test func limitsTheNumberOfValues() {
        let text = "tags:\n" + String(repeating: "  - x\n", count: 50)
        #expect(SimpleYAMLReader.readMapping(text, limits: .init(maxNodes: 10)) == nil)
        #expect(SimpleYAMLReader.readMapping(text, limits: .init(maxNodes: 100)) != nil)
    }

    /// Text the nesting check would refuse (more `[` and `{` than the depth limit, or a blank
    /// or list line indented past its limit) is declined, so that `YAMLReader` checks it; the
    /// same text within the limits is read.
    @Test func declinesWhatCouldGoPastTheNestingLimits() {
        let limits = YAMLReader.Limits(maxNodes: 100_000, maxDepth: 4)
        for (within, past) in [("a: '[[{{'\n", "a: '[[{{['\n"), ("a: x\n# {{{{\n", "a: x\n# {{{{{\n"),
                               ("a: [b, '[{[']\n", "a: [b, '[{[{']\n"),
                               ("a: x\n" + String(repeating: " ", count: 32) + "\nb: y\n", "a: x\n" + String(repeating: " ", count: 33) + "\r\nb: y\n"),
                               ("a:\n" + String(repeating: " ", count: 32) + "- x\n", "a:\n" + String(repeating: " ", count: 33) + "- x\n")] {
            #expect(SimpleYAMLReader.readMapping(within, limits: limits) != nil, "\(within.debugDescription)")
            #expect(SimpleYAMLReader.readMapping(past, limits: limits) == nil, "\(past.debugDescription)")
            var text = past
            let failure = text.withUTF8 { YAMLReader(limits: limits).nestingFailure($0) }
            #expect(failure != nil, "\(past.debugDescription) goes past the limits")
        }
    }

    /// `YAMLReader.readMapping` reads and refuses text as it did when it checked the nesting of
    /// every text before reading it: on generated text of brackets, blanks and values.
    @Test func readsAsWhenItCheckedTheNestingFirst() {
        let limits = YAMLReader.Limits(maxNodes: 100_000, maxDepth: 3)
        let reader = YAMLReader(limits: limits)
        let pieces = ["a", "[", "[[", "]", "{", "{{", "}", "'", ", ", " ", "        ", "\n", "\n- ", "\n  - ", "\nk: ", "#", "\r"]
        var generator = SplitMix64(seed: 0xB0B)
        func outcome(_ result: Result<YAMLComposer.Mapping, YAMLReader.Failure>) -> String {
            switch result {
            case .success(let mapping): return Self.described(mapping).joined(separator: "\n")
            case .failure(let failure): return "\(failure)"
            }
        }
        var refused = 0
        var simple = 0
        for _ in 0..<3000 {
            var text = "k\(generator.next() % 3): "
            for _ in 0..<Int(generator.next() % 12) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            text += "\n"
            var copy = text
            let nesting = copy.withUTF8 { reader.nestingFailure($0) }
            let before = Result { () throws(YAMLReader.Failure) -> YAMLComposer.Mapping in
                if let nesting { throw nesting }
                if let mapping = SimpleYAMLReader.readMapping(text, limits: limits) { return mapping }
                return try reader.compose(text)
            }
            let now = Result { () throws(YAMLReader.Failure) in try reader.readMapping(text) }
            #expect(outcome(now) == outcome(before), "\(text.debugDescription)")
            if nesting != nil { refused += 1 }
            if nesting == nil, SimpleYAMLReader.readMapping(text, limits: limits) != nil { simple += 1 }
        }
        #expect(refused > 100 && simple > 100, "the generator reaches the limits and the simple reader (\(refused), \(simple) of 3000)")
    }

    /// Random front matter built from awkward pieces: whatever the simple reader accepts,
    /// the full path reads the same way.
    @Test func randomFrontMatterAgreesWithYams() {
        let pieces = ["a", "B", "1", "0x1F", "2024-01-02", " ", "  ", ":", ": ", "#", " #", "-", "- ", "[", "]", ",", "'", "\"",
                      "\\", "?", "&", "*", "!", "|", ">", "%", "@", "`", "{", "}", "é", "日", "\t", "\r", "\u{2028}", "\u{85}",
                      "yes", "null", "~", ".inf", "1:30", "_", "é:"]
        var generator = SplitMix64(seed: 0x5EED)
        func fragment(_ length: Int) -> String {
            (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
        var accepted = 0
        for _ in 0..<3000 {
            var text = ""
            for entry in 0..<Int(generator.next() % 4 + 1) {
                switch generator.next() % 5 {
                case 0: text += "k\(entry): \(fragment(Int(generator.next() % 4)))\n"
                case 1: text += "k\(entry): [\(fragment(2)), \(fragment(2))]\n"
                case 2: text += "k\(entry):\n  - \(fragment(2))\n  - \(fragment(1))\n"
                case 3: text += "k\(entry): \"\(fragment(2))\"\n"
                default: text += "k\(entry): '\(fragment(2))'\n"
                }
            }
            if Self.agreesWithFullPath(text) { accepted += 1 }
        }
        #expect(accepted > 300, "the generator reaches the accepted shapes (\(accepted) of 3000)")
    }

    @Test(.enabled(if: Fixture.corpusExists, "../shared/corpus is absent: real front matter not compared"))
    func realFrontMatterAgreesWithYams() throws {
        var withFrontMatter = 0
        var accepted = 0
        for path in NoteFiles.collect([Fixture.corpus]).files {
            let note = try NoteParser().parse(contentsOf: path)
            guard let frontMatter = note.frontMatter, frontMatter.closingDelimiter != nil else { continue }
            withFrontMatter += 1
            if Self.agreesWithFullPath(note.source.string(frontMatter.contentRange)) { accepted += 1 }
        }
        #expect(withFrontMatter == 1334)
        print("simple YAML path: \(accepted) of \(withFrontMatter)")
        #expect(accepted * 2 > withFrontMatter, "most real front matter takes the simple path (\(accepted) of \(withFrontMatter))")
    }
}

/// A small seeded generator, so that random tests repeat.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
