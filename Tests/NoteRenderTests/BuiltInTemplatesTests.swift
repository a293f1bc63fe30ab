import Foundation
@testable import NoteRender
@testable import NoteTemplates
import Testing

/// The templates compiled into notekit are the package's Templates/ folder, byte for byte.
@Suite struct BuiltInTemplatesTests {
    static let folder = Fixtures.root.appendingPathComponent("Templates")

    @Test func builtInTemplatesAreTheTemplatesFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }
        #expect(Set(names) == Set(TemplateSource.builtIn.keys),
                "BuiltInTemplates.swift is stale: run scripts/embed-templates.py (make templates)")
        for name in names {
            let file = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(TemplateSource.compiledIn.text(of: name) == file,
                    "\(name) differs from its built-in copy: run scripts/embed-templates.py (make templates)")
        }
    }

    @Test func aFolderIsReadAndNamedInErrors() throws {
        let source = TemplateSource(directory: Self.folder.path)
        #expect(source == .directory(Self.folder))
        #expect(TemplateSource(directory: nil) == .compiledIn)
        #expect(source.text(of: "page.mustache") == TemplateSource.compiledIn.text(of: "page.mustache"))
        #expect(source.text(of: "absent.mustache") == nil)
        #expect(TemplateSource.compiledIn.location(of: "page.mustache") == "built-in page.mustache")
        let empty = TemplateSource.directory(URL(fileURLWithPath: "/nonexistent-notekit-templates"))
        #expect(throws: RenderError.self) { try PageTemplates(empty) }
        do {
            _ = try PageTemplates(empty)
        } catch {
            #expect("\(error)" == "missing template /nonexistent-notekit-templates/page.mustache")
        }
        #expect(try PageTemplates().stylesheet == (try String(contentsOf: Self.folder.appendingPathComponent("notekit.css"), encoding: .utf8)))
    }
}
