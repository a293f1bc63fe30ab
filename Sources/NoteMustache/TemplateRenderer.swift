import Foundation

/// Renders tokens into one `String`. Context values are read by casting to the concrete
/// types contexts hold (`[String: Any]`, `[String: String]`, arrays, `String`, `Bool`, `Int`),
/// not to protocols; other values are read through `Mirror` and printed with
/// `String(describing:)`, as swift-mustache does.
struct TemplateRenderer {
    /// What a section or partial passes down besides the context stack.
    struct Frame {
        /// The position in the list being iterated, for `{{first()}}`, `{{index()}}`...
        var sequence: SequencePosition?
        /// A standalone partial's indentation, put before each of its lines.
        var indentation: String?
        var escapes = true
    }

    /// How many sections and partials deep rendering goes: a partial that includes itself
    /// (through a name found again up the context stack) stops there, rendering nothing more,
    /// instead of overflowing the thread's stack.
    static let maximumDepth = 256
    private var depth = 0

    let library: TemplateLibrary
    /// Appended only whole strings and ASCII-bounded pieces of them: valid UTF-8 throughout,
    /// so the page needs no validation pass at the end.
    private(set) var output = ""
    /// The context stack: each value with what names it holds (told once, when pushed).
    private var stack: [(value: Any, scope: Scope)]

    init(library: TemplateLibrary, root: Any) {
        self.library = library
        stack = [(root, Scope(root))]
        output.reserveCapacity(32_768)
    }

    mutating func render(_ tokens: [Token], frame initial: Frame) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        defer { depth -= 1 }
        var frame = initial
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for token in tokens { render(token, frame: &frame) }
            return
        }
        // A token's output starting a line (the output of this template so far ends with `\n`,
        // not `\r\n`) is indented.
        let start = output.utf8.count
        for token in tokens {
            let before = output.utf8.count
            guard before > start, output.utf8.last == 0x0A else {
                render(token, frame: &frame)
                continue
            }
            let crlf = before - 1 > start && output.utf8[output.utf8.index(output.utf8.endIndex, offsetBy: -2)] == 0x0D
            render(token, frame: &frame)
            if output.utf8.count > before, !crlf {
                output.insert(contentsOf: indentation, at: output.utf8.index(output.utf8.startIndex, offsetBy: before))
            }
        }
    }

    private mutating func render(_ token: Token, frame: inout Frame) {
        switch token {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            guard let value = lookUp(name, frame: frame) else { return }
            append(value, escaped: escaped && frame.escapes)
        case .section(let name, let tokens, let inverted):
            let value = lookUp(name, frame: frame)
            if inverted { renderInverted(value, tokens, frame: frame) } else { renderSection(value, tokens, frame: frame) }
        case .partial(let name, let dynamic, let indentation):
            let partialName: String
            if dynamic {
                guard let named = lookUp(TemplateName(anchor: .stack, parts: name.split(separator: ".").map(String.init), transforms: []),
                                         frame: frame) as? String else { return }
                partialName = named
            } else {
                partialName = name
            }
            guard let template = library.template(named: partialName) else { return }
            var inner = Frame()
            if let indentation { inner.indentation = (frame.indentation ?? "") + indentation } else { inner.indentation = frame.indentation }
            render(template.tokens, frame: inner)
        case .contentType(let escapes):
            frame.escapes = escapes
        }
    }

    private mutating func renderSection(_ value: Any?, _ tokens: [Token], frame: Frame) {
        guard let value else { return }
        let type = type(of: value)
        // The lists contexts hold, iterated as they are: no array of `Any` made, no item's kind looked up.
        if type == [[String: Any]].self, let list = value as? [[String: Any]] {
            return renderItems(list, tokens, frame: frame) { .object($0) }
        }
        if type == [[String: String]].self, let list = value as? [[String: String]] {
            return renderItems(list, tokens, frame: frame) { .strings($0) }
        }
        if Self.isObject(value) {
            push(value, tokens, frame: frame)
        } else if let flag = value as? Bool {
            if flag { render(tokens, frame: frame) }
        } else if let list = Self.list(value) {
            renderItems(list, tokens, frame: frame, scope: Scope.init)
        } else {
            push(value, tokens, frame: frame)
        }
    }

    /// `tokens` rendered once for each item of `list`, the item on top of the context stack.
    private mutating func renderItems<Item>(_ list: [Item], _ tokens: [Token], frame: Frame, scope: (Item) -> Scope) {
        var inner = frame
        for (index, item) in list.enumerated() {
            inner.sequence = SequencePosition(first: index == 0, last: index == list.count - 1, index: index)
            render(tokens, frame: inner, on: item, scope: scope(item))
        }
    }

    /// `tokens` rendered with `value`, whose names are `scope`'s, on top of the context stack.
    private mutating func render(_ tokens: [Token], frame: Frame, on value: Any, scope: Scope) {
        stack.append((value, scope))
        render(tokens, frame: frame)
        stack.removeLast()
    }

    private mutating func renderInverted(_ value: Any?, _ tokens: [Token], frame: Frame) {
        guard let value else { return render(tokens, frame: frame) }
        if Self.isObject(value) { return }
        if let flag = value as? Bool {
            if !flag { render(tokens, frame: frame) }
        } else if let list = Self.list(value), list.isEmpty {
            push(value, tokens, frame: frame)
        }
    }

    /// `tokens` rendered with `value` on top of the context stack.
    private mutating func push(_ value: Any, _ tokens: [Token], frame: Frame) {
        var inner = frame
        inner.sequence = nil
        render(tokens, frame: inner, on: value, scope: Scope(value))
    }

    /// True for the types contexts hold that a section renders once with them on the stack
    /// (text, dictionaries, integers), told by their type alone.
    private static func isObject(_ value: Any) -> Bool {
        let type = type(of: value)
        return type == String.self || type == [String: Any].self || type == [String: String].self || type == Int.self
    }

    /// `value` as a list when it is an array; nil otherwise.
    static func list(_ value: Any) -> [Any]? {
        let type = type(of: value)
        if type == [[String: Any]].self { return value as? [[String: Any]] }
        if type == [[String: String]].self { return (value as? [[String: String]]).map { $0 as [Any] } }
        if isObject(value) || type == Bool.self { return nil }
        return value as? [Any]
    }

    // MARK: Looking up

    private func lookUp(_ name: TemplateName, frame: Frame) -> Any? {
        var value: Any?
        switch name.anchor {
        case .current: value = stack.last?.value
        case .sequence: value = frame.sequence
        case .top, .stack:
            guard let first = name.parts.first else {
                value = stack.last?.value
                break
            }
            // The first part on the top of the stack only (`.top`), or the nearest that holds it.
            for context in (name.anchor == .top ? stack.suffix(1) : stack[...]).reversed() {
                if let found = context.scope.child(first) {
                    value = name.parts.count > 1 ? Self.child(name.parts.dropFirst(), of: found) : found
                    break
                }
            }
        }
        // `NSNull` (a JSON null) is no value.
        guard let found = value, type(of: found) != NSNull.self else { return nil }
        guard !name.transforms.isEmpty else { return found }
        var transformed = found
        for transform in name.transforms.reversed() {
            guard let next = Transforms.apply(transform, to: transformed) else { return nil }
            transformed = next
        }
        return transformed
    }

    private static func child(_ names: ArraySlice<String>, of object: Any) -> Any? {
        var object = object
        for name in names {
            guard let found = Scope(object).child(name) else { return nil }
            object = found
        }
        return object
    }

    /// What names a context value holds: a dictionary's entries, else a stored property's
    /// (read through `Mirror`); told by comparing its type with the types contexts hold
    /// before any cast.
    enum Scope {
        case object([String: Any])
        case strings([String: String])
        /// Text, a number, a flag, a list of dictionaries, a JSON null: no names.
        case none
        case other(Any)

        init(_ value: Any) {
            let type = type(of: value)
            if type == [String: Any].self, let dictionary = value as? [String: Any] {
                self = .object(dictionary)
            } else if type == [String: String].self, let dictionary = value as? [String: String] {
                self = .strings(dictionary)
            } else if type == String.self || type == Int.self || type == Bool.self || type == [[String: Any]].self || type == NSNull.self {
                self = .none
            } else if let dictionary = value as? [String: Any] {
                self = .object(dictionary)
            } else {
                self = .other(value)
            }
        }

        /// The value `name` of this scope's object.
        func child(_ name: String) -> Any? {
            switch self {
            case .object(let dictionary): return dictionary[name]
            case .strings(let dictionary): return dictionary[name]
            case .none: return nil
            case .other(let object):
                guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
                let mirror = Mirror(reflecting: value)
                guard mirror.displayStyle == .optional else { return value }
                return mirror.children.first?.value
            }
        }
    }

    // MARK: Writing

    private mutating func append(_ value: Any, escaped: Bool) {
        if let text = value as? String {
            if escaped { HTMLEscape.append(text, to: &output) } else { output += text }
            return
        }
        let text: String
        if let number = value as? Int {
            text = String(number)
        } else if let optional = value as? any OptionalValue, let wrapped = optional.wrappedValue {
            text = String(describing: wrapped)
        } else {
            text = String(describing: value)
        }
        if escaped { HTMLEscape.append(text, to: &output) } else { output += text }
    }
}

/// An `Optional` inside an `Any`, printed as what it holds (`nil` when empty).
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}

/// Where an item is in the list a section iterates.
struct SequencePosition {
    let first: Bool
    let last: Bool
    let index: Int
}
