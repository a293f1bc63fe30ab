import Foundation
import Mustache
@testable import NoteMustache
import Testing

/// The in-house engine against swift-mustache on generated templates and contexts: variables
/// (escaped and not), sections and inverted sections over the value types contexts hold
/// (text, numbers, flags, dictionaries, lists of dictionaries, lists of text), dotted and
/// `.`-anchored names, names found further up the context stack, partials and standalone lines;
/// each context also as typed values (`TemplateValue`, as the site builds its pages' contexts).
@Suite struct GeneratedTemplateTests {
    /// A linear congruential generator: the same templates and contexts on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 31)
        }
    }

    static let names = ["a", "b", "c", "list", "obj", "s", "obj.s", "obj.list", "a.b", ".", ".s", "missing", "n"]
    static let texts = ["", "x", "<b>&amp;\"'</b>", "é<\u{301}", "two words", "line\nbreak", "0"]

    static func value(depth: Int, using random: inout Generator) -> Any {
        switch Int.random(in: 0..<(depth > 2 ? 4 : 9), using: &random) {
        case 0: return texts.randomElement(using: &random)!
        case 1: return Int.random(in: -1...3, using: &random)
        case 2: return Bool.random(using: &random)
        case 3: return texts.randomElement(using: &random)!
        case 4: return object(depth: depth + 1, using: &random)
        case 5: return (0..<Int.random(in: 0...3, using: &random)).map { _ in object(depth: depth + 1, using: &random) }
        case 6: return (0..<Int.random(in: 0...3, using: &random)).map { _ in texts.randomElement(using: &random)! }
        case 7:
            return Dictionary((0..<Int.random(in: 0...3, using: &random)).map { _ in
                (names.randomElement(using: &random)!, texts.randomElement(using: &random)!)
            }, uniquingKeysWith: { first, _ in first })
        default:
            return (0..<Int.random(in: 0...3, using: &random)).map { _ in
                ["s": texts.randomElement(using: &random)!, "n": String(Int.random(in: 0...9, using: &random))]
            }
        }
    }

    static func object(depth: Int, using random: inout Generator) -> [String: Any] {
        var object: [String: Any] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            object[["a", "b", "c", "list", "obj", "s", "n"].randomElement(using: &random)!] = value(depth: depth, using: &random)
        }
        return object
    }

    static func template(depth: Int, using random: inout Generator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            let name = names.randomElement(using: &random)!
            switch Int.random(in: 0..<(depth > 2 ? 5 : 8), using: &random) {
            case 0: text += ["x", " ", "\n", "<p>", "  ", "\r\n"].randomElement(using: &random)!
            case 1: text += "{{\(name)}}"
            case 2: text += "{{{\(name)}}}"
            case 3: text += "{{& \(name) }}"
            case 4: text += "{{>p}}"
            default:
                let section = names.filter { $0 != "." }.randomElement(using: &random)!
                let open = Bool.random(using: &random) ? "#" : "^"
                // Alone on their lines (standalone) or inline.
                let newline = Bool.random(using: &random) ? "\n" : ""
                text += "\(newline){{\(open)\(section)}}\(newline)" + template(depth: depth + 1, using: &random) + "\(newline){{/\(section)}}\(newline)"
            }
        }
        return text
    }

    /// `value` as typed values: dictionaries as objects (their entries in the dictionary's
    /// order, which is the order Swift prints them in), arrays as lists.
    static func typed(_ value: Any) -> TemplateValue {
        // Iterated as they are: a `[String: String]` cast to `[String: Any]` would be a new dictionary, in another order.
        if type(of: value) == [String: String].self, let dictionary = value as? [String: String] {
            var object = TemplateObject()
            for (key, value) in dictionary { object[TemplateKey(key)] = .text(value) }
            return .object(object)
        }
        if type(of: value) == [String: Any].self, let dictionary = value as? [String: Any] {
            var object = TemplateObject()
            for (key, value) in dictionary { object[TemplateKey(key)] = typed(value) }
            return .object(object)
        }
        if let list = value as? [Any], type(of: value) != String.self { return .list(list.map(typed)) }
        return TemplateValue(value)
    }

    @Test func typedContextsConvertEveryKind() {
        var random = Generator(state: 5)
        var kinds = Set<String>()
        for _ in 0..<200 {
            for (_, value) in Self.object(depth: 0, using: &random) {
                switch Self.typed(value) {
                case .text: kinds.insert("text")
                case .number: kinds.insert("number")
                case .flag: kinds.insert("flag")
                case .object: kinds.insert("object")
                case .list: kinds.insert("list")
                case .any: kinds.insert("any")
                }
            }
        }
        #expect(kinds == ["text", "number", "flag", "object", "list"])
    }

    @Test func generatedTemplatesRenderAsSwiftMustacheDoes() throws {
        var random = Generator(state: 17)
        let partial = "  {{s}}|{{#list}}({{s}}{{n}}){{/list}}\n"
        for _ in 0..<3_000 {
            let template = Self.template(depth: 0, using: &random)
            let context = Self.object(depth: 0, using: &random)
            var mine = NoteMustache.TemplateLibrary(), theirs = Mustache.MustacheLibrary()
            try mine.register(template, named: "t")
            try mine.register(partial, named: "p")
            try theirs.register(template, named: "t")
            try theirs.register(partial, named: "p")
            let expected = theirs.render(context, withTemplate: "t")
            #expect(mine.render(context, withTemplate: "t") == expected, "\(template.debugDescription) \(context)")
            #expect(mine.render(Self.typed(context), withTemplate: "t") == expected, "typed: \(template.debugDescription) \(context)")
        }
    }

    /// `prepare` against rendering each context whole: the texts of a generated context's top
    /// object vary; where the template is prepared, every choice of texts renders as the whole.
    @Test func preparedRendersAreWholeRenders() throws {
        var random = Generator(state: 23)
        let partial = "  {{s}}|{{#list}}({{s}}{{n}}){{/list}}\n"
        var prepared = 0, refused = 0
        for _ in 0..<3_000 {
            let template = Self.template(depth: 0, using: &random)
            var context = Self.object(depth: 0, using: &random)
            for key in ["s", "a"] where Bool.random(using: &random) { context[key] = Self.texts.randomElement(using: &random)! }
            guard case .object(let object) = Self.typed(context) else { continue }
            let varying = object.pairs.filter { if case .text = $0.value { true } else { false } }.map(\.key)
            guard !varying.isEmpty else { continue }
            var library = NoteMustache.TemplateLibrary()
            try library.register(template, named: "t")
            try library.register(partial, named: "p")
            guard let render = library.prepare(object, withTemplate: "t", varying: varying) else {
                refused += 1
                continue
            }
            prepared += 1
            for _ in 0..<3 {
                let values = varying.map { _ in Self.texts.randomElement(using: &random)! }
                var changed = object
                for (key, value) in zip(varying, values) { changed[key] = .text(value) }
                #expect(render.render(values) == library.render(.object(changed), withTemplate: "t"), "\(template.debugDescription) \(values)")
            }
        }
        #expect(prepared > 500 && refused > 100, "\(prepared) prepared, \(refused) refused")
    }
}
