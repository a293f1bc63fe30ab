import Foundation
@testable import NoteMustache
import Testing

/// Every case of the Mustache specification's required modules (and dynamic names), from the
/// copies in `Spec/`.
@Suite struct SpecTests {
    struct Case: Sendable, CustomStringConvertible {
        let module: String
        let name: String
        let template: String
        let partials: [String: String]
        let expected: String
        let dataJSON: Data
        var description: String { "\(module): \(name)" }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Spec")

    static let cases: [Case] = {
        ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~dynamic-names"].flatMap { module in
            let url = folder.appendingPathComponent(module + ".json")
            guard let data = try? Data(contentsOf: url),
                  let spec = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tests = spec["tests"] as? [[String: Any]] else { return [Case]() }
            return tests.map { test in
                Case(module: module, name: test["name"] as? String ?? "", template: test["template"] as? String ?? "",
                     partials: test["partials"] as? [String: String] ?? [:], expected: test["expected"] as? String ?? "",
                     dataJSON: (try? JSONSerialization.data(withJSONObject: test["data"] ?? NSNull(), options: [.fragmentsAllowed])) ?? Data())
            }
        }
    }()

    @Test func everyModuleIsRead() {
        #expect(Self.cases.count == 157)
    }

    @Test(arguments: cases) func specCase(_ test: Case) throws {
        var library = TemplateLibrary()
        try library.register(test.template, named: "__test__")
        for (name, text) in test.partials { try library.register(text, named: name) }
        let data = try JSONDecoder().decode(JSONValue.self, from: test.dataJSON).value
        #expect(library.render(data, withTemplate: "__test__") == test.expected)
    }
}

/// A JSON value as the plain Swift values a context holds: `[String: Any]`, `[Any]`, `String`,
/// `Int`, `Double`, `Bool`, and `NSNull` for null.
struct JSONValue: Decodable {
    let value: Any

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = NSNull()
        } else if let bool = try? container.decode(Bool.self) {
            value = bool
        } else if let int = try? container.decode(Int.self) {
            value = int
        } else if let double = try? container.decode(Double.self) {
            value = double
        } else if let string = try? container.decode(String.self) {
            value = string
        } else if let array = try? container.decode([JSONValue].self) {
            value = array.map(\.value)
        } else {
            value = try container.decode([String: JSONValue].self).mapValues(\.value)
        }
    }
}
