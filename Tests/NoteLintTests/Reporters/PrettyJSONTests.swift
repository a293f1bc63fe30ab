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
}
