import Foundation
import Testing
@testable import NoteParser

/// Front matter read as YAML reads it: every way of writing a key, explicit tags, and what
/// cannot be represented reported at its place instead of trapping or being dropped.
@Suite struct FrontMatterYAMLTests {
    static func frontMatter(_ yaml: String) throws -> FrontMatter {
        try #require(try Fixture.note("---\n" + yaml + "---\nBody\n").frontMatter)
    }

    // MARK: keys

    @Test func quotedKeysAreUnquotedAndUnescaped() throws {
        let frontMatter = try Self.frontMatter("\"title\": Hello\n\"tab\\there\": 1\n'it''s': 2\n\"\\u00e9t\\u00e9\": 3\n")
        #expect(frontMatter.error == nil)
        #expect(frontMatter.entries.map(\.key) == ["title", "tab\there", "it's", "été"])
        #expect(frontMatter.value("title") == .string("Hello"))
        let title = try #require(frontMatter.entry("title"))
        #expect(title.keyRange.start.column == 1 && title.keyRange.end.column == 8, "the key as written, quotes included")
        #expect(title.valueRange.start.column == 10)
        #expect(frontMatter.value("été") == .number(3))
    }

    @Test func flowMappingRoot() throws {
        let frontMatter = try Self.frontMatter("{title: Hello, tags: [a, b]}\n")
        #expect(frontMatter.error == nil)
        #expect(frontMatter.entries.map(\.key) == ["title", "tags"])
        #expect(frontMatter.value("title") == .string("Hello"))
        #expect(frontMatter.value("tags") == .list([.string("a"), .string("b")]))
        let tags = try #require(frontMatter.entry("tags"))
        #expect(tags.raw == "tags: [a, b]")
        #expect(tags.style == .flow)
        #expect(tags.valueRange.start.column == 22 && tags.valueRange.end.column == 28)
    }

    @Test func keysWithoutValuesHaveEmptyValueRangesOfTheirOwn() throws {
        let flow = try Self.frontMatter("{a, b: c, d: }\n")
        #expect(flow.entries.map(\.key) == ["a", "b", "d"])
        #expect(flow.value("a") == .null && flow.value("d") == .null)
        let a = try #require(flow.entries.first)
        #expect(a.raw == "a" && a.valueRange.bytes.isEmpty && a.valueRange.start.column == 3)
        #expect(flow.entries.last?.raw == "d: ")
        let block = try Self.frontMatter("? a\nb: c\n")
        #expect(block.entries.map(\.key) == ["a", "b"])
        #expect(block.entry("a")?.valueRange.bytes.isEmpty == true && block.entry("a")?.valueRange.start.line == 2)
    }

    @Test func explicitKeys() throws {
        let frontMatter = try Self.frontMatter("? title\n: Hello\nstatus: Draft\n")
        #expect(frontMatter.entries.map(\.key) == ["title", "status"])
        #expect(frontMatter.value("title") == .string("Hello"))
        let title = try #require(frontMatter.entry("title"))
        #expect(title.range.start.line == 2 && title.range.end.line == 3)
        #expect(title.keyRange.start.column == 3)
        #expect(title.valueRange.start == SourcePosition(line: 3, column: 3, offset: 14))
        #expect(frontMatter.entry("status")?.range.start.line == 4)
    }

    @Test func anchorsAndTagsOnKeysAreNotPartOfThem() throws {
        let frontMatter = try Self.frontMatter("&a title: Hello\n!!str b: c\nalias: *a\n*a : again\n")
        #expect(frontMatter.entries.map(\.key) == ["title", "b", "alias", "title"])
        #expect(frontMatter.value("b") == .string("c"))
        #expect(frontMatter.value("alias") == .string("title"), "the anchor names the key")
        #expect(frontMatter.duplicateKeys.map(\.key) == ["title"])
        let title = try #require(frontMatter.entries.first)
        #expect(title.keyRange.start.column == 4 && title.keyRange.end.column == 9)
        #expect(title.range.start.column == 1)
    }

    @Test func nonStringKeysAreTheirText() throws {
        let frontMatter = try Self.frontMatter("1: one\ntrue: yes\n~: nothing\n")
        #expect(frontMatter.entries.map(\.key) == ["1", "true", "~"])
        #expect(frontMatter.value("true") == .bool(true))
    }

    @Test func nestedKeysAreReadTheSameWay() throws {
        let frontMatter = try Self.frontMatter("meta:\n  \"quoted\": 1\n  &x anchored: 2\n  ? explicit\n  : 3\n")
        #expect(frontMatter.value("meta") == .map([YAMLPair(key: "quoted", value: .number(1)), YAMLPair(key: "anchored", value: .number(2)),
                                                  YAMLPair(key: "explicit", value: .number(3))]))
    }

    // MARK: tags

    @Test(arguments: [
        ("!!str 123", YAMLValue.string("123")), ("!!str yes", .string("yes")), ("!!str ~", .string("~")),
        ("!!str 2025-01-02", .string("2025-01-02")), ("!!int \"12\"", .number(12)), ("!!int '0x1F'", .number(31)),
        ("!!float \"1.5\"", .number(1.5)), ("!!bool \"true\"", .bool(true)), ("!!null ''", .null),
        ("!!timestamp \"2025-01-02\"", .date("2025-01-02")), ("! 12", .string("12")), ("!local 12", .string("12")),
        ("!<tag:yaml.org,2002:str> true", .string("true")), ("\"12\"", .string("12")), ("12", .number(12)),
    ])
    func explicitTagsAreHonoured(written: String, value: YAMLValue) throws {
        let frontMatter = try Self.frontMatter("key: \(written)\n")
        #expect(frontMatter.error == nil)
        #expect(frontMatter.value("key") == value)
    }

    @Test(arguments: ["!!int abc", "!!float x", "!!bool maybe", "!!null value"])
    func aValueItsTagRejectsIsAFinding(written: String) throws {
        let frontMatter = try Self.frontMatter("title: A\nkey: \(written)\n")
        let entry = try #require(frontMatter.entry("key"))
        #expect(entry.value == nil)
        #expect(entry.error?.code == .invalidYAML)
        #expect(entry.error?.range.start.line == 3 && entry.error?.range.start.column == 6)
        #expect(frontMatter.value("title") == .string("A"))
    }

    // MARK: what cannot be represented

    @Test(arguments: [
        ("{[a]: b}: c\n", 2, 2), ("? []: x\n", 2, 3), ("[a, b]: c\n", 2, 1), ("? {a: 1}\n: x\n", 2, 3),
        ("meta:\n  [a]: b\n", 3, 3), ("list:\n  - {[x]: y}\n", 3, 6), ("&k [a]: 1\nb: 2\n", 2, 1), ("x: &k [a]\n*k : 1\n", 3, 1),
    ])
    func collectionKeysAreFindingsAtTheirPlace(yaml: String, line: Int, column: Int) throws {
        let note = try Fixture.note("---\n" + yaml + "---\nBody\n")
        let error = try #require(note.frontMatter?.error)
        #expect(error.code == .invalidYAML)
        #expect(error.message.contains("key that is itself a"))
        #expect(error.range.start.line == line && error.range.start.column == column)
        #expect(note.diagnostics.contains(error))
        _ = try JSONEncoder().encode(note)
    }

    @Test func collectionKeyLeavesTheOtherEntriesRead() throws {
        let note = try Fixture.note("---\ntitle: A\nmeta:\n  [a]: b\nstatus: Draft\n---\n")
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.entries.map(\.key) == ["title", "meta", "status"])
        #expect(frontMatter.value("title") == .string("A") && frontMatter.value("status") == .string("Draft"))
        #expect(frontMatter.entry("meta")?.error?.range.start.line == 4)
    }

    @Test func anUndefinedAliasIsAFinding() throws {
        let frontMatter = try Self.frontMatter("a: *nowhere\n")
        #expect(frontMatter.error?.message.contains("undefined alias") == true)
    }

    @Test func aRedefinedAnchorNamesTheLatestNode() throws {
        let frontMatter = try Self.frontMatter("a: &x one\nb: *x\nc: &x two\nd: *x\n")
        #expect(frontMatter.entries.compactMap(\.value) == [.string("one"), .string("one"), .string("two"), .string("two")])
    }

    // MARK: numbers JSON cannot write

    @Test func nonFiniteNumbersAreWrittenAsStrings() throws {
        let note = try Fixture.note("---\na: .inf\nb: -.Inf\nc: .NaN\nd: 1e999\ne: -1e999\nf: [.inf]\ng: {x: .nan}\n---\n")
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.value("a") == .number(.infinity) && frontMatter.value("d") == .number(.infinity))
        #expect(frontMatter.entry("c")?.value?.typeName == "number")
        let data = try JSONEncoder().encode(note)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require((object["frontMatter"] as? [String: Any])?["entries"] as? [[String: Any]])
        let values = entries.map { $0["value"] }
        #expect(values[0] as? String == ".inf" && values[1] as? String == "-.inf" && values[2] as? String == ".nan")
        #expect(values[3] as? String == ".inf" && values[4] as? String == "-.inf")
        #expect((values[5] as? [Any])?.first as? String == ".inf")
        #expect((values[6] as? [String: Any])?["x"] as? String == ".nan")
        #expect(entries.allSatisfy { $0["type"] as? String == "number" || $0["type"] as? String == "list" || $0["type"] as? String == "map" })
    }
}
