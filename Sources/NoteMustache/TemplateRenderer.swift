import Foundation

/// Renders tokens into one `String`. Typed context values (`TemplateValue`) are read by their
/// case, names in a `TemplateObject` by their precomputed hashes; other values (`.any`) by
/// casting to the concrete types contexts hold (`[String: Any]`, `[String: String]`, arrays,
/// `String`, `Bool`, `Int`), not to protocols, or else through `Mirror`, and printed with
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
    /// A value on the context stack with what names it holds (told once, when pushed).
    private struct Context {
        let value: TemplateValue
        let scope: Scope

        init(_ value: TemplateValue, scope: Scope) {
            self.value = value
            self.scope = scope
        }

        init(_ value: TemplateValue) { self.init(value, scope: Scope(value)) }
    }

    /// The context stack.
    private var stack: [Context]

    /// Names of the root object whose text is left out (`TemplateLibrary.prepare`): each place
    /// one is printed is recorded in `slots` instead.
    private let varying: [TemplateKey]
    /// Where a varying text is printed: the output's length then, which one, and whether escaped.
    private(set) var slots: [(offset: Int, value: Int, escaped: Bool)] = []
    /// Set when the output could depend on a varying text other than by printing it as it is.
    private(set) var readsVarying = false
    /// Where on the stack sections put varying texts.
    private var pushedVarying: [Int] = []

    init(library: TemplateLibrary, root: TemplateValue, varying: [TemplateKey] = []) {
        self.library = library
        stack = [Context(root)]
        self.varying = varying
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
            if !varying.isEmpty, let slot = varyingSlot(name) {
                // Printed as it is, where no indentation is put after its newlines: a slot.
                if name.parts.count == 1, name.transforms.isEmpty, frame.indentation?.isEmpty ?? true {
                    slots.append((output.utf8.count, slot, escaped && frame.escapes))
                } else {
                    readsVarying = true
                }
                return
            }
            guard let value = lookUp(name, frame: frame) else { return }
            append(value, escaped: escaped && frame.escapes)
        case .section(let name, let tokens, let inverted):
            if !varying.isEmpty, varyingSlot(name) != nil {
                // Text renders an inverted section never, a section once with the text on top: the
                // same whatever the text, but where the section reads it (`{{.}}`).
                guard name.parts.count == 1, name.transforms.isEmpty, let value = lookUp(name, frame: frame) else {
                    readsVarying = true
                    return
                }
                if inverted { return }
                pushedVarying.append(stack.count)
                push(value, tokens, frame: frame)
                pushedVarying.removeLast()
                return
            }
            let value = lookUp(name, frame: frame)
            if inverted { renderInverted(value, tokens, frame: frame) } else { renderSection(value, tokens, frame: frame) }
        case .partial(let name, let dynamic, let indentation):
            let partialName: String
            if dynamic {
                let valueName = TemplateName(anchor: .stack, parts: name.split(separator: ".").map { TemplateKey(String($0)) }, transforms: [])
                if !varying.isEmpty, varyingSlot(valueName) != nil {
                    readsVarying = true
                    return
                }
                let value = lookUp(valueName, frame: frame)
                switch value {
                case .text(let named)?: partialName = named
                case .any(let any)?:
                    guard let named = any as? String else { return }
                    partialName = named
                default: return
                }
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

    private mutating func renderSection(_ value: TemplateValue?, _ tokens: [Token], frame: Frame) {
        switch value {
        case nil: return
        case .flag(let flag)?: if flag { render(tokens, frame: frame) }
        case .list(let list)?: renderItems(list, tokens, frame: frame, pushed: Context.init)
        case .text?, .number?, .object?: push(value!, tokens, frame: frame)
        case .any(let value)?: renderSection(any: value, tokens, frame: frame)
        }
    }

    private mutating func renderSection(any value: Any, _ tokens: [Token], frame: Frame) {
        let type = type(of: value)
        // The lists contexts hold, iterated as they are: no array of `Any` made, no item's kind looked up.
        if type == [[String: Any]].self, let list = value as? [[String: Any]] {
            return renderItems(list, tokens, frame: frame) { Context(.any($0), scope: .object($0)) }
        }
        if type == [[String: String]].self, let list = value as? [[String: String]] {
            return renderItems(list, tokens, frame: frame) { Context(.any($0), scope: .strings($0)) }
        }
        if Self.isObject(value) {
            push(TemplateValue(value), tokens, frame: frame)
        } else if let flag = value as? Bool {
            if flag { render(tokens, frame: frame) }
        } else if let list = Self.list(value) {
            renderItems(list, tokens, frame: frame) { Context(TemplateValue($0)) }
        } else {
            push(.any(value), tokens, frame: frame)
        }
    }

    /// `tokens` rendered once for each item of `list`, the item on top of the context stack.
    private mutating func renderItems<Item>(_ list: [Item], _ tokens: [Token], frame: Frame,
                                            pushed: (Item) -> Context) {
        var inner = frame
        for (index, item) in list.enumerated() {
            inner.sequence = SequencePosition(first: index == 0, last: index == list.count - 1, index: index)
            stack.append(pushed(item))
            render(tokens, frame: inner)
            stack.removeLast()
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ tokens: [Token], frame: Frame) {
        switch value {
        case nil: render(tokens, frame: frame)
        case .flag(let flag)?: if !flag { render(tokens, frame: frame) }
        case .list(let list)?: if list.isEmpty { push(value!, tokens, frame: frame) }
        case .text?, .number?, .object?: return
        case .any(let value)?:
            if Self.isObject(value) { return }
            if let flag = value as? Bool {
                if !flag { render(tokens, frame: frame) }
            } else if let list = Self.list(value), list.isEmpty {
                push(.any(value), tokens, frame: frame)
            }
        }
    }

    /// `tokens` rendered with `value` on top of the context stack.
    private mutating func push(_ value: TemplateValue, _ tokens: [Token], frame: Frame) {
        var inner = frame
        inner.sequence = nil
        stack.append(Context(value))
        render(tokens, frame: inner)
        stack.removeLast()
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

    /// Which varying text `name` reads (its first part found on the root object, no other scope
    /// holding it first); nil for any other name. A name of the root object itself or of a
    /// varying text a section put on top (`{{.}}` there) sets `readsVarying`.
    private mutating func varyingSlot(_ name: TemplateName) -> Int? {
        switch name.anchor {
        case .sequence: return nil
        case .current:
            if stack.count == 1 || pushedVarying.last == stack.count - 1 { readsVarying = true }
            return nil
        case .top, .stack:
            guard let first = name.parts.first else {
                if stack.count == 1 || pushedVarying.last == stack.count - 1 { readsVarying = true }
                return nil
            }
            var index = stack.count - 1
            let bottom = name.anchor == .top ? index : 0
            while index > bottom, stack[index].scope.child(first) == nil { index -= 1 }
            guard index == 0, stack[0].scope.child(first) != nil else { return nil }
            return varying.firstIndex(of: first)
        }
    }

    private func lookUp(_ name: TemplateName, frame: Frame) -> TemplateValue? {
        switch name.anchor {
        case .current:
            return stack.last.flatMap { Self.transformed($0.value, name.transforms[...]) }
        case .sequence:
            // `{{index()}}`: the innermost transform reads the item's place in its list.
            guard let position = frame.sequence, let innermost = name.transforms.last,
                  let value = Transforms.apply(innermost, to: position) else { return nil }
            return Self.transformed(value, name.transforms.dropLast())
        case .top, .stack:
            guard let first = name.parts.first else { return stack.last.flatMap { Self.transformed($0.value, name.transforms[...]) } }
            // The first part on the top of the stack only (`.top`), or the nearest that holds it.
            var index = stack.count - 1
            let bottom = name.anchor == .top ? index : 0
            while index >= bottom {
                if let found = stack[index].scope.child(first) {
                    guard name.parts.count > 1 else {
                        // Only `.any` can be `NSNull`: a typed value without transforms is the value.
                        if case .any = found { return Self.transformed(found, name.transforms[...]) }
                        return name.transforms.isEmpty ? found : Self.transformed(found, name.transforms[...])
                    }
                    return Self.child(name.parts.dropFirst(), of: found).flatMap { Self.transformed($0, name.transforms[...]) }
                }
                index -= 1
            }
            return nil
        }
    }

    /// `value` with `transforms` applied from the innermost out; nil for `NSNull` (a JSON null
    /// is no value) and when a transform does not apply.
    private static func transformed(_ value: TemplateValue, _ transforms: ArraySlice<String>) -> TemplateValue? {
        if case .any(let any) = value, type(of: any) == NSNull.self { return nil }
        guard !transforms.isEmpty else { return value }
        var transformed = value
        for transform in transforms.reversed() {
            guard let next = Transforms.apply(transform, to: transformed) else { return nil }
            transformed = next
        }
        return transformed
    }

    private static func child(_ names: ArraySlice<TemplateKey>, of object: TemplateValue) -> TemplateValue? {
        var object = object
        for name in names {
            guard let found = Scope(object).child(name) else { return nil }
            object = found
        }
        return object
    }

    /// What names a context value holds: a `TemplateObject`'s, a dictionary's entries, else a
    /// stored property's (read through `Mirror`); told by its case or by comparing its type with
    /// the types contexts hold before any cast.
    enum Scope {
        case keyed(TemplateObject)
        case object([String: Any])
        case strings([String: String])
        /// Text, a number, a flag, a list, a JSON null: no names.
        case none
        case other(Any)

        init(_ value: TemplateValue) {
            switch value {
            case .object(let object): self = .keyed(object)
            case .text, .number, .flag, .list: self = .none
            case .any(let value): self.init(any: value)
            }
        }

        private init(any value: Any) {
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
        func child(_ name: TemplateKey) -> TemplateValue? {
            switch self {
            case .keyed(let object): return object[name]
            case .object(let dictionary): return dictionary[name.name].map(TemplateValue.init)
            case .strings(let dictionary): return dictionary[name.name].map(TemplateValue.text)
            case .none: return nil
            case .other(let object):
                guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name.name })?.value else { return nil }
                let mirror = Mirror(reflecting: value)
                guard mirror.displayStyle == .optional else { return TemplateValue(value) }
                return mirror.children.first.map { TemplateValue($0.value) }
            }
        }
    }

    // MARK: Writing

    private mutating func append(_ value: TemplateValue, escaped: Bool) {
        let text: String
        switch value {
        case .text(let value): text = value
        case .number(let number): text = String(number)
        case .flag(let flag): text = flag ? "true" : "false"
        case .object, .list: text = value.printed
        case .any(let value): text = Self.printed(value)
        }
        if escaped { HTMLEscape.append(text, to: &output) } else { output += text }
    }

    /// Any other value as swift-mustache prints it: text as it is, an optional as what it holds.
    private static func printed(_ value: Any) -> String {
        if let text = value as? String { return text }
        if let number = value as? Int { return String(number) }
        if let optional = value as? any OptionalValue, let wrapped = optional.wrappedValue { return String(describing: wrapped) }
        return String(describing: value)
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
