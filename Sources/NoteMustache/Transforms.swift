import Foundation

/// swift-mustache's transforms, `{{name(value)}}`: on text `empty`, `capitalized`,
/// `lowercased`, `uppercased`, `reversed`; on integers `equalzero`, `plusone`, `minusone`,
/// `even`, `odd`; on lists `first`, `last`, `reversed`, `count`, `empty`, `sorted` (of texts
/// or integers); on dictionaries `count`, `empty`, `enumerated`, `sorted` (entries with `key`
/// and `value`); inside a list (`{{index()}}`) `first`, `last`, `index`, `even`, `odd`.
enum Transforms {
    /// The transformed value; nil when `name` does not apply to `value`.
    static func apply(_ name: String, to value: TemplateValue) -> TemplateValue? {
        switch value {
        case .text(let text): return transform(name, text: text)
        case .number(let number): return transform(name, number: number)
        case .flag: return nil
        case .object(let object): return transform(name, entries: object.pairs)
        case .list(let list): return transform(name, list: list, original: list.map(\.anyValue))
        case .any(let value):
            if let text = value as? String { return transform(name, text: text) }
            if let number = value as? Int { return transform(name, number: number) }
            if value is Bool { return nil }
            if let dictionary = value as? [String: Any] {
                return transform(name, entries: dictionary.map { TemplateObject.Entry(key: TemplateKey($0.key), value: TemplateValue($0.value)) })
            }
            if let list = TemplateRenderer.list(value) { return transform(name, list: list.map(TemplateValue.init), original: value) }
            return nil
        }
    }

    /// A transform of the position in the list being iterated.
    static func apply(_ name: String, to position: SequencePosition) -> TemplateValue? {
        switch name {
        case "first": return .flag(position.first)
        case "last": return .flag(position.last)
        case "index": return .number(position.index)
        case "even": return .flag(position.index & 1 == 0)
        case "odd": return .flag(position.index & 1 == 1)
        default: return nil
        }
    }

    private static func transform(_ name: String, text: String) -> TemplateValue? {
        switch name {
        case "empty": return .flag(text.isEmpty)
        case "capitalized": return .text(text.capitalized)
        case "lowercased": return .text(text.lowercased())
        case "uppercased": return .text(text.uppercased())
        case "reversed": return .text(String(text.reversed()))
        default: return nil
        }
    }

    private static func transform(_ name: String, number: Int) -> TemplateValue? {
        switch name {
        case "equalzero": return .flag(number == 0)
        case "plusone": return .number(number + 1)
        case "minusone": return .number(number - 1)
        case "even": return .flag(number & 1 == 0)
        case "odd": return .flag(number & 1 == 1)
        default: return nil
        }
    }

    /// A list's transforms; `original` is the list as the context holds it (`sorted` sorts
    /// only lists of texts or of integers).
    private static func transform(_ name: String, list: [TemplateValue], original: Any) -> TemplateValue? {
        switch name {
        case "first": return list.first
        case "last": return list.last
        case "reversed": return .list(list.reversed())
        case "count": return .number(list.count)
        case "empty": return .flag(list.isEmpty)
        case "sorted":
            if let texts = original as? [String] { return .any(texts.sorted()) }
            if let numbers = original as? [Int] { return .any(numbers.sorted()) }
            return nil
        default: return nil
        }
    }

    /// An object's transforms, over its names and values in their order.
    private static func transform(_ name: String, entries: [TemplateObject.Entry]) -> TemplateValue? {
        func list(_ entries: [TemplateObject.Entry]) -> TemplateValue {
            .list(entries.map { .object(["key": .text($0.key.name), "value": $0.value]) })
        }
        switch name {
        case "count": return .number(entries.count)
        case "empty": return .flag(entries.isEmpty)
        case "enumerated": return list(entries)
        case "sorted": return list(entries.sorted { $0.key.name < $1.key.name })
        default: return nil
        }
    }
}
