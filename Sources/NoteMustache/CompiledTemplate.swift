/// A Mustache template parsed once into tokens, rendered many times (see `TemplateLibrary`).
///
/// Mustache as swift-mustache reads it: escaped and unescaped variables, sections over lists,
/// booleans and objects, inverted sections, dotted names, `{{.}}`, comments, partials (and
/// `{{>*name}}`), set delimiters, standalone lines, `{{% CONTENT_TYPE: TEXT|HTML}}`, and
/// swift-mustache's transforms (`{{uppercased(name)}}`, `{{#first()}}` in a list). Template
/// inheritance (`{{<parent}}`, `{{$block}}`) and lambdas are not supported.
package struct CompiledTemplate: Sendable {
    let tokens: [Token]

    /// Parses `text`; throws a `TemplateError` naming the problem and its line.
    package init(_ text: String) throws {
        var parser = TemplateParser(bytes: Array(text.utf8))
        tokens = try parser.parseTemplate()
    }
}

/// A name looked up in the context: `.` (the current object), `.name` (the current object
/// only) or `a.b.c` (`a` in the context stack, the rest inside it), with transforms applied
/// from the innermost out. Its parts' hashes are computed when the template is compiled.
struct TemplateName: Sendable {
    enum Anchor: Sendable { case current, top, stack, sequence }
    let anchor: Anchor
    let parts: [TemplateKey]
    let transforms: [String]
}

indirect enum Token: Sendable {
    case text(String)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [Token], inverted: Bool)
    case partial(String, dynamic: Bool, indentation: String?)
    /// `{{% CONTENT_TYPE: ... }}`: whether later variables are HTML-escaped.
    case contentType(escapes: Bool)
}

/// Why a template does not parse, with the line it stopped at.
package struct TemplateError: Error, CustomStringConvertible, Sendable {
    package let description: String
}
