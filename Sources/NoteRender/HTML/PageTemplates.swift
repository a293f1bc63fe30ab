import Foundation
import Mustache

/// The Mustache templates and stylesheet pages are rendered with, read from a folder:
/// `page.mustache` (with the partials `head` and `sources`), `callout.mustache` and
/// `notekit.css` (optional; inlined into each page).
public struct PageTemplates: Sendable {
    static let names = ["page", "head", "callout", "sources"]

    let library: MustacheLibrary
    /// The stylesheet inlined into pages; empty when the folder has none.
    public let stylesheet: String

    /// Loads the templates in `directory`; throws when one is missing or does not parse.
    public init(directory: URL) throws {
        var library = MustacheLibrary()
        for name in Self.names {
            let file = directory.appendingPathComponent(name + ".mustache")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw RenderError("missing template \(file.path)")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw RenderError("\(file.path): template does not parse: \(error)")
            }
        }
        self.library = library
        stylesheet = (try? String(contentsOf: directory.appendingPathComponent("notekit.css"), encoding: .utf8)) ?? ""
    }

    /// The default templates: `./Templates`, else a `Templates` folder beside the executable
    /// or in one of its parent folders (the package's own when run from `.build`).
    public static func defaultDirectory(executable: String = CommandLine.arguments.first ?? "") -> URL? {
        let manager = FileManager.default
        let isTemplateFolder = { (url: URL) in manager.fileExists(atPath: url.appendingPathComponent("page.mustache").path) }
        let current = URL(fileURLWithPath: manager.currentDirectoryPath).appendingPathComponent("Templates")
        if isTemplateFolder(current) { return current }
        let resolved = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        var folder = resolved.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Templates")
            if isTemplateFolder(candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
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
