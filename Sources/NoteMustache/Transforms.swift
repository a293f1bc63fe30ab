import Foundation

/// swift-mustache's transforms, `{{name(value)}}`: on text `empty`, `capitalized`,
/// `lowercased`, `uppercased`, `reversed`; on integers `equalzero`, `plusone`, `minusone`,
/// `even`, `odd`; on lists `first`, `last`, `reversed`, `count`, `empty`, `sorted` (of texts
/// or integers); on dictionaries `count`, `empty`, `enumerated`, `sorted` (entries with `key`
/// and `value`); inside a list (`{{index()}}`) `first`, `last`, `index`, `even`, `odd`.
enum Transforms {
    /// The transformed value; nil when `name` does not apply to `value`.
    static func apply(_ name: String, to value: Any) -> Any? {
        if let text = value as? String { return transform(name, text: text) }
        if let number = value as? Int { return transform(name, number: number) }
        if let position = value as? SequencePosition { return transform(name, position: position) }
        if value is Bool { return nil }
        if let dictionary = value as? [String: Any] { return transform(name, dictionary: dictionary) }
        if let list = TemplateRenderer.list(value) { return transform(name, list: list, original: value) }
        return nil
    }

    private static func transform(_ name: String, text: String) -> Any? {
        switch name {
        case "empty": return text.isEmpty
        case "capitalized": return text.capitalized
        case "lowercased": return text.lowercased()
        case "uppercased": return text.uppercased()
        case "reversed": return String(text.reversed())
        default: return nil
        }
    }

    private static func transform(_ name: String, number: Int) -> Any? {
        switch name {
        case "equalzero": return number == 0
        case "plusone": return number + 1
        case "minusone": return number - 1
        case "even": return number & 1 == 0
        case "odd": return number & 1 == 1
        default: return nil
        }
    }

    private static func transform(_ name: String, position: SequencePosition) -> Any? {
        switch name {
        case "first": return position.first
        case "last": return position.last
        case "index": return position.index
        case "even": return position.index & 1 == 0
        case "odd": return position.index & 1 == 1
        default: return nil
        }
    }

    private static func transform(_ name: String, list: [Any], original: Any) -> Any? {
        switch name {
        case "first": return list.first
        case "last": return list.last
        case "reversed": return Array(list.reversed())
        case "count": return list.count
        case "empty": return list.isEmpty
        case "sorted":
            if let texts = original as? [String] { return texts.sorted() }
            if let numbers = original as? [Int] { return numbers.sorted() }
            return nil
        default: return nil
        }
    }

    private static func transform(_ name: String, dictionary: [String: Any]) -> Any? {
        switch name {
        case "count": return dictionary.count
        case "empty": return dictionary.isEmpty
        case "enumerated": return dictionary.map { ["key": $0.key, "value": $0.value] as [String: Any] }
        case "sorted": return dictionary.sorted { $0.key < $1.key }.map { ["key": $0.key, "value": $0.value] as [String: Any] }
        default: return nil
        }
    }
}
