import Foundation
import Mustache
import NoteTemplates

/// The Mustache templates and stylesheet pages are rendered with: `page.mustache` (with the
/// partials `head` and `sources`), `callout.mustache` and `notekit.css` (optional in a
/// folder; inlined into each page).
public struct PageTemplates: Sendable {
    static let names = ["page", "head", "callout", "sources"]

    let library: MustacheLibrary
    /// The stylesheet inlined into pages; empty when a templates folder has none.
    public let stylesheet: String

    /// Loads the templates of `source`; throws when one is missing or does not parse.
    public init(_ source: TemplateSource = .compiledIn) throws {
        var library = MustacheLibrary()
        for name in Self.names {
            let file = name + ".mustache"
            guard let text = source.text(of: file) else {
                throw RenderError("missing template \(source.location(of: file))")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw RenderError("\(source.location(of: file)): template does not parse: \(error)")
            }
        }
        self.library = library
        stylesheet = source.text(of: "notekit.css") ?? ""
    }

    func render(_ context: [String: Any], template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}

/// A rendering failure, with a message naming what went wrong.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }
}
