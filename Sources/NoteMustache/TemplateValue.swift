/// A value of a template's context, its kind told by its case (no dynamic cast to read it).
/// `.any` holds any other value (a `[String: Any]` context, a JSON value, a struct), read as
/// swift-mustache reads it.
package enum TemplateValue {
    case text(String)
    case number(Int)
    case flag(Bool)
    case object(TemplateObject)
    case list([TemplateValue])
    case any(Any)

    /// `value` told by its type: text, integers, flags and the typed values get their own case
    /// (as swift-mustache treats them alike), anything else is `.any`.
    package init(_ value: Any) {
        let type = type(of: value)
        if type == String.self, let text = value as? String {
            self = .text(text)
        } else if type == Int.self, let number = value as? Int {
            self = .number(number)
        } else if type == Bool.self, let flag = value as? Bool {
            self = .flag(flag)
        } else if type == TemplateValue.self, let typed = value as? TemplateValue {
            self = typed
        } else if type == TemplateObject.self, let object = value as? TemplateObject {
            self = .object(object)
        } else {
            self = .any(value)
        }
    }

    /// `false`, or the text when there is one: how a context says a value is absent (Mustache
    /// would look a missing name up further down the context stack).
    package static func text(orFalse text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .flag(false)
    }

    /// The value as `Swift` prints it (`String(describing:)`), an object as a dictionary of its
    /// entries in their order (`["key": "text", "n": 1]`), a list as an array.
    var printed: String {
        switch self {
        case .object(let object):
            guard !object.isEmpty else { return "[:]" }
            return "[" + object.pairs.map { String(reflecting: $0.key.name) + ": " + $0.value.debugPrinted }.joined(separator: ", ") + "]"
        case .list(let list): return "[" + list.map(\.debugPrinted).joined(separator: ", ") + "]"
        default: return String(describing: anyValue)
        }
    }

    /// The value as Swift prints it inside a collection (`String(reflecting:)`).
    private var debugPrinted: String {
        switch self {
        case .object, .list: return printed
        default: return String(reflecting: anyValue)
        }
    }

    /// The value as `Any` (objects as `[String: Any]`, lists as `[Any]`).
    var anyValue: Any {
        switch self {
        case .text(let text): return text
        case .number(let number): return number
        case .flag(let flag): return flag
        case .object(let object): return object.dictionary
        case .list(let list): return list.map(\.anyValue)
        case .any(let value): return value
        }
    }
}
