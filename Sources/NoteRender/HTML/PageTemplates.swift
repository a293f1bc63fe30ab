import Foundation
import NoteMustache
import NoteTemplates

/// The Mustache templates and stylesheet pages are rendered with: `page.mustache` (with the
/// partials `head` and `sources`), `callout.mustache` and `notekit.css` (optional in a
/// folder; inlined into each page); for a site, also `site.mustache` and `search.js`.
public struct PageTemplates: Sendable {
    static let names = ["page", "head", "callout", "sources"]

    let library: TemplateLibrary
    /// The stylesheet inlined into pages; empty when a templates folder has none.
    public let stylesheet: String
    /// The site's search script (`search.js`); empty unless loaded for a site.
    public let searchScript: String
    /// Every template text read, joined: what a site's manifest compares to know the templates changed.
    let fingerprint: String

    /// Loads the templates of `source` (with the site's when `site`); throws when one is
    /// missing or does not parse.
    public init(_ source: TemplateSource = .compiledIn, site: Bool = false) throws {
        var library = TemplateLibrary()
        var texts: [String] = []
        for name in Self.names + (site ? ["site"] : []) {
            let file = name + ".mustache"
            guard let text = source.text(of: file) else {
                throw RenderError("missing template \(source.location(of: file))")
            }
            texts.append(text)
            do {
                try library.register(text, named: name)
            } catch {
                throw RenderError("\(source.location(of: file)): template does not parse: \(error)")
            }
        }
        self.library = library
        stylesheet = source.text(of: "notekit.css") ?? ""
        if site {
            guard let script = source.text(of: "search.js") else { throw RenderError("missing template \(source.location(of: "search.js"))") }
            searchScript = script
        } else {
            searchScript = ""
        }
        fingerprint = (texts + [stylesheet, searchScript]).joined(separator: "\u{0}")
    }

    func render(_ context: TemplateObject, template name: String) -> String {
        library.render(.object(context), withTemplate: name) ?? ""
    }

    /// Template `name` prepared for contexts that are `context` but for the texts named `varying`
    /// (`TemplateLibrary.prepare`); nil when its output could depend on them otherwise.
    func prepare(_ context: TemplateObject, template name: String, varying: [TemplateKey]) -> PreparedRender? {
        library.prepare(context, withTemplate: name, varying: varying)
    }
}

/// A rendering failure, with a message naming what went wrong.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }
}
