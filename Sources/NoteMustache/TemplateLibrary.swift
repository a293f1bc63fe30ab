/// Named templates that render each other as partials (`{{> name}}`).
package struct TemplateLibrary: Sendable {
    private var templates: [String: CompiledTemplate] = [:]

    package init() {}

    /// Parses `text` and registers it as `name`; throws when it does not parse.
    package mutating func register(_ text: String, named name: String) throws {
        templates[name] = try CompiledTemplate(text)
    }

    func template(named name: String) -> CompiledTemplate? { templates[name] }

    /// `context` rendered with template `name`; nil when there is no such template.
    package func render(_ context: TemplateValue, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        return render(context, with: template)
    }

    /// `context` (a `[String: Any]`, JSON values...) rendered with template `name`; nil when there is no such template.
    package func render(_ context: Any, withTemplate name: String) -> String? {
        render(TemplateValue(context), withTemplate: name)
    }

    /// `context` rendered with `template`, its partials taken from this library.
    package func render(_ context: Any, with template: CompiledTemplate) -> String {
        render(TemplateValue(context), with: template)
    }

    /// Template `name` rendered once for all contexts that are `context` but for the texts named
    /// `varying` on it (each a text in `context`): the output between the places they are
    /// printed. Nil when there is no such template, or when its output could depend on them
    /// other than by printing each as it is (a section or transform on one, a dotted name
    /// through one, `{{.}}` of the whole object, one inside an indented partial).
    package func prepare(_ context: TemplateObject, withTemplate name: String, varying: [TemplateKey]) -> PreparedRender? {
        guard let template = templates[name], varying.allSatisfy({ if case .text? = context[$0] { true } else { false } }) else { return nil }
        var renderer = TemplateRenderer(library: self, root: .object(context), varying: varying)
        renderer.render(template.tokens, frame: TemplateRenderer.Frame())
        guard !renderer.readsVarying else { return nil }
        return PreparedRender(output: renderer.output, slots: renderer.slots)
    }

    /// `context` rendered with `template`, its partials taken from this library.
    package func render(_ context: TemplateValue, with template: CompiledTemplate) -> String {
        var renderer = TemplateRenderer(library: self, root: context)
        renderer.render(template.tokens, frame: TemplateRenderer.Frame())
        return renderer.output
    }
}

/// A template's output for contexts that differ only in some texts (`TemplateLibrary.prepare`):
/// its fixed parts and, between them, which text goes there, escaped or not.
package struct PreparedRender: Sendable {
    /// One more than `slots`: the output before each slot, and after the last.
    private let parts: [String]
    private let slots: [(value: Int, escaped: Bool)]
    private let fixedLength: Int

    init(output: String, slots: [(offset: Int, value: Int, escaped: Bool)]) {
        // Cut where whole strings appended meet: each part is UTF-8 as it is.
        let bytes = Array(output.utf8)
        var parts: [String] = [], start = 0
        for slot in slots {
            parts.append(String(decoding: bytes[start..<slot.offset], as: UTF8.self))
            start = slot.offset
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        self.parts = parts
        self.slots = slots.map { ($0.value, $0.escaped) }
        fixedLength = bytes.count
    }

    /// The output for `values`, one for each varying name, in their order.
    package func render(_ values: [String]) -> String {
        var output = ""
        output.reserveCapacity(slots.reduce(fixedLength) { $0 + values[$1.value].utf8.count + ($1.escaped ? 64 : 0) })
        for (index, slot) in slots.enumerated() {
            output += parts[index]
            if slot.escaped { HTMLEscape.append(values[slot.value], to: &output) } else { output += values[slot.value] }
        }
        output += parts[slots.count]
        return output
    }
}
