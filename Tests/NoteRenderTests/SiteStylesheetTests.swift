import Foundation
import NoteParser
@testable import NoteTemplates
import Testing
@testable import NoteRender

/// A site writes its stylesheet once (`notekit.css`) and links it from every page; a page
/// rendered alone (`render --format html`) and a site template that inlines `{{{stylesheet}}}`
/// still get the stylesheet inline.
@Suite struct SiteStylesheetTests {
    @Test func everyPageLinksTheOneStylesheet() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        let report = SiteFixture.build(run, vault)
        #expect(report.errors.isEmpty)
        let stylesheet = try PageTemplates(site: true).stylesheet
        let written = try vault.read("notekit.css")
        #expect(!stylesheet.isEmpty && written == stylesheet)
        let pages = SiteTests.notePages + ["index.html", "collections/essays.html", "tags/coast.html", "sources/t1.html", "sources/index.html"]
        for page in pages {
            let html = try vault.read(page)
            let root = page.contains("/") ? "../" : ""
            #expect(html.contains("<link rel=\"stylesheet\" href=\"\(root)notekit.css\">\n"), "\(page)")
            #expect(!html.contains("<style>") && !html.contains(String(stylesheet.prefix(80))), "\(page)")
        }
        // The stylesheet is the site's: kept by a rebuild, removed with nothing else.
        let again = SiteFixture.build(run, vault)
        #expect(again.written.isEmpty && again.removed.isEmpty)
        #expect(try vault.read("notekit.css") == stylesheet)
    }

    @Test func aTemplateThatInlinesTheStylesheetStillGetsIt() throws {
        let (vault, run) = try SiteFixture.vault()
        defer { vault.remove() }
        let templates = vault.base.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for (name, text) in TemplateSource.builtIn { try text.write(to: templates.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try "<title>{{title}}</title>\n<style>\n{{{stylesheet}}}\n</style>\n"
            .write(to: templates.appendingPathComponent("head.mustache"), atomically: true, encoding: .utf8)
        try "main { color: teal; }".write(to: templates.appendingPathComponent("notekit.css"), atomically: true, encoding: .utf8)
        let themed = SiteRun(settings: run.settings, templates: try PageTemplates(TemplateSource(directory: templates.path), site: true),
                             vaultRoot: run.vaultRoot, generator: run.generator)
        #expect(SiteFixture.build(themed, vault).errors.isEmpty)
        #expect(try vault.read("tide-tables.html").contains("<style>\nmain { color: teal; }\n</style>\n"))
        #expect(try vault.read("tags/coast.html").contains("<style>\nmain { color: teal; }\n</style>\n"))
        #expect(try vault.read("notekit.css") == "main { color: teal; }")
    }

    @Test func aPageRenderedAloneInlinesTheStylesheet() throws {
        let templates = try PageTemplates()
        let html = HTMLPage(templates: templates, options: RenderOptions(), unsafe: false)
            .render(title: "Alone", frontMatter: [], sources: [], markdown: "Text.\n")
        #expect(html.contains("<style>\n" + templates.stylesheet + "\n</style>\n"))
        #expect(!html.contains("<link rel=\"stylesheet\""))
    }
}
