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

    /// `context` rendered with `template`, its partials taken from this library.
    package func render(_ context: TemplateValue, with template: CompiledTemplate) -> String {
        var renderer = TemplateRenderer(library: self, root: context)
        renderer.render(template.tokens, frame: TemplateRenderer.Frame())
        return renderer.output
    }
}
