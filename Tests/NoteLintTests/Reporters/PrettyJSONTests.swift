import Foundation
@testable import NoteLintReporters
import NoteParser
import Testing

/// `PrettyJSON` writes what `JSONText` (Foundation's encoder) writes for the same document,
/// and when compact what that encoder writes without `.prettyPrinted`.
@Suite struct PrettyJSONTests {
    struct Item: Encodable {
        let flag: Bool
        let number: Int
        let text: String
    }

    struct Document: Encodable {
        let empty: [Item]
        let items: [Item]
        let nested: [String: [Int]]
    }

    /// Every ASCII byte, then non-ASCII letters, a line separator, a BOM and an emoji.
    static let awkward: String = {
        var text = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)
        text += "é\u{2028}\u{FEFF}😀 a/b"
        return text
    }()

    @Test(arguments: [false, true]) func matchesFoundationsEncoder(compact: Bool) throws {
        let items = [Item(flag: true, number: -42, text: Self.awkward), Item(flag: false, number: 0, text: "")]
        let document = Document(empty: [], items: items, nested: ["a": [], "b": [7]])
        let expected: String
        if compact {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            expected = String(decoding: try encoder.encode(document), as: UTF8.self)
        } else {
            expected = JSONText.encode(document)
        }

        var json = PrettyJSON(compact: compact)
        json.beginObject()
        json.key("empty"); json.beginArray(); json.endArray()
        json.key("items"); json.beginArray()
        for item in items {
            json.element(); json.beginObject()
            json.key("flag"); json.value(item.flag)
            json.key("number"); json.value(item.number)
            json.key("text"); json.value(item.text)
            json.endObject()
        }
        json.endArray()
        json.key("nested"); json.beginObject()
        json.key("a"); json.beginArray(); json.endArray()
        json.key("b"); json.beginArray(); json.element(); json.value(7); json.endArray()
        json.endObject()
        json.endObject()

        #expect(json.text == expected)
    }

    @Test func emptyObjectMatches() {
        struct Nothing: Encodable {}
        var json = PrettyJSON()
        json.beginObject(); json.endObject()
        #expect(json.text == JSONText.encode(Nothing()))
    }

    /// Strings with bytes to escape at every place in and across eight-byte words, runs longer
    /// than the writers' buffers, and multi-byte characters: escaped as Foundation escapes them.
    static let escapeCases: [String] = {
        let pieces = ["a", "é", "\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", " ", "/", "😀", "\u{2028}"]
        // A linear congruential sequence picks the pieces: the same cases every run.
        var state: UInt64 = 18
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var cases = (0..<200).map { _ in (0..<next(41)).map { _ in pieces[next(pieces.count)] }.joined() }
        cases += (0..<20).map { String(repeating: "x", count: $0) + "\"" }
        cases += [String(repeating: "abcdefg\\", count: 700), String(repeating: "é", count: 3000) + "\t"]
        return cases
    }()

    @Test(arguments: [false, true]) func escapesAsFoundationDoes(compact: Bool) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for text in Self.escapeCases {
            var json = PrettyJSON(compact: compact)
            json.beginArray(); json.element(); json.value(text); json.endArray()
            let expected = compact ? String(decoding: try encoder.encode([text]), as: UTF8.self) : JSONText.encode([text])
            #expect(json.text == expected)
        }
    }

    /// `object(_:)` writes what `beginObject`, `key`, the values and `endObject` write, in
    /// arrays one to three deep, with values longer than its buffer.
    @Test(arguments: [false, true]) func objectMatchesMemberByMember(compact: Bool) {
        let texts = ["", Self.awkward, String(repeating: "ab\"c", count: 400), String(repeating: "é", count: 5000)]
        for depth in 1...3 {
            var one = PrettyJSON(compact: compact), other = PrettyJSON(compact: compact)
            for _ in 0..<depth { one.beginArray(); one.element(); other.beginArray(); other.element() }
            for (index, text) in texts.enumerated() {
                if index > 0 { one.element(); other.element() }
                one.object { members in
                    members.key("flag"); members.value(index % 2 == 0)
                    members.key("none"); members.null()
                    members.key("number"); members.value(index - 2)
                    members.key("text"); members.value(text)
                }
                other.beginObject()
                other.key("flag"); other.value(index % 2 == 0)
                other.key("none"); other.null()
                other.key("number"); other.value(index - 2)
                other.key("text"); other.value(text)
                other.endObject()
            }
            one.element(); other.element()
            one.object { _ in }
            other.beginObject(); other.endObject()
            for _ in 0..<depth { one.endArray(); other.endArray() }
            #expect(one.text == other.text)
        }
    }
}

