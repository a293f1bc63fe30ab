@testable import CitationReports
import Foundation
import Mustache
import NoteCitations
@testable import NoteMustache
import NoteParser
@testable import NoteRender
import NoteTemplates
import Testing

/// The in-house engine against swift-mustache: every built-in template with the contexts of the
/// package's Notes/ pages (note pages, site pages, callouts, the citations report), and small
/// templates using swift-mustache's own behaviours, must render to the same text.
@Suite struct DifferentialTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let notes = root.appendingPathComponent("Notes")

    /// swift-mustache with the built-in templates registered under their names.
    static func reference() throws -> Mustache.MustacheLibrary {
        var library = Mustache.MustacheLibrary()
        for name in ["page", "head", "callout", "sources", "site", "citations-report"] {
            try library.register(#require(TemplateSource.compiledIn.text(of: name + ".mustache")), named: name)
        }
        return library
    }

    /// The cleaned notes of Notes/, with their paths.
    static func cleanedNotes() throws -> [CleanedNote] {
        let files = try #require(FileManager.default.enumerator(atPath: notes.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") }.sorted()
        let renderer = NoteRenderer(templates: try PageTemplates(site: true), links: PublishedLinks(pattern: "{slug}.html", fileExtension: "html"))
        return try files.map { file in
            let text = try String(contentsOf: notes.appendingPathComponent(file), encoding: .utf8)
            return renderer.clean(try NoteParser().parse(bytes: Array(text.utf8), path: file), vaultPath: file)
        }
    }

    @Test func notePagesAndSitePages() throws {
        let templates = try PageTemplates(site: true), reference = try Self.reference()
        let page = HTMLPage(templates: templates, options: RenderOptions(), unsafe: false)
        let cleaned = try Self.cleanedNotes()
        #expect(cleaned.count >= 10)
        for (index, note) in cleaned.enumerated() {
            var context = page.context(title: note.title, frontMatter: note.frontMatter, sources: note.sources, markdown: note.markdown)
            #expect(templates.render(context, template: "page") == reference.render(context.dictionary, withTemplate: "page"), "\(note.path)")
            // The keys a site page adds (SiteRun), with values of the same kinds.
            let body = context.text("body") ?? ""
            if case .list(let sources)? = context["sources"] {
                context["sources"] = .list(sources.map { entry in
                    guard index % 2 == 0, case .object(var entry) = entry, case .number(let number)? = entry["number"] else { return entry }
                    entry["sourcePage"] = .text("sources/\(number) <&>.html")
                    return .object(entry)
                })
            }
            let toc = TableOfContents.entries(of: body)
            context["toc"] = .list(toc)
            context["hasToc"] = .flag(toc.count >= 2)
            let backlinks = cleaned.prefix(index % 4).map { TemplateValue.object(["url": .text($0.path + ".html"), "title": .text($0.title)]) }
            context["backlinks"] = .list(backlinks)
            context["hasBacklinks"] = .flag(!backlinks.isEmpty)
            if case .list(let meta)? = context["meta"] {
                context["meta"] = .list(meta.filter { if case .object(let entry) = $0 { entry.text("key") != "tags" } else { true } })
            }
            context["tags"] = .list(index % 3 == 0 ? [.object(["name": .text("a&b"), "url": .text("tags/a.html")]),
                                                      .object(["name": .text("\"q\""), "url": .text("tags/q.html")])] : [])
            context["hasTags"] = .flag(index % 3 == 0)
            context["openGraph"] = .list([.object(["property": .text("og:title"), "content": .text(note.title)]),
                                          .object(["property": .text("og:type"), "content": .text("article")])])
            context["jsonLD"] = index % 2 == 0 ? .text("{\"headline\": \"\(note.title)\"}") : .flag(false)
            context["canonical"] = index % 2 == 0 ? .text("https://example.org/\(note.path)") : .flag(false)
            context["root"] = .text(index % 2 == 0 ? "" : "../")
            context["siteTitle"] = .text("Notes <site>")
            context["language"] = .text("en")
            #expect(templates.render(context, template: "site") == reference.render(context.dictionary, withTemplate: "site"), "\(note.path)")
        }
    }

    @Test func callouts() throws {
        let templates = try PageTemplates(), reference = try Self.reference()
        for type in ["note", "warning", "x&y\"z"] {
            for (foldable, open) in [(false, false), (true, true), (true, false)] {
                for (title, content) in [("Title", "<p>Content</p>"), ("", ""), ("<em>T</em> & 'q'", "<p>a</p>\n<p>b</p>")] {
                    let context: TemplateObject = ["type": .text(type), "title": .text(title), "content": .text(content),
                                                   "foldable": .flag(foldable), "open": .flag(open)]
                    #expect(templates.render(context, template: "callout") == reference.render(context.dictionary, withTemplate: "callout"))
                }
            }
        }
    }

    @Test func citationsReport() throws {
        let (index, _) = CitationIndex.build(paths: [Self.notes.path], root: Self.notes.path)
        let report = CitationReport(index: index, root: Self.notes.path)
        #expect(!report.sources.isEmpty)
        let context = HTMLReport.context(report)
        let text = try #require(TemplateSource.compiledIn.text(of: HTMLReport.templateName))
        #expect(try HTMLReport.render(report, templates: .compiledIn) == Mustache.MustacheTemplate(string: text).render(context))
    }

    /// Templates using what swift-mustache adds to or reads differently from the specification.
    static let templates: [(template: String, partials: [String: String])] = [
        ("{{uppercased(name)}} {{lowercased(name)}} {{capitalized(name)}} {{reversed(name)}} {{#empty(blank)}}E{{/empty(blank)}}", [:]),
        ("{{#list}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{#odd()}}o{{/odd()}}{{#even()}}e{{/even()}},{{/list}}", [:]),
        ("{{count(list)}} {{first(list)}} {{last(list)}} {{#reversed(list)}}{{.}}{{/reversed(list)}} {{#sorted(list)}}{{.}}{{/sorted(list)}}", [:]),
        ("{{plusone(number)}} {{minusone(number)}} {{#even(number)}}even{{/even(number)}}{{^odd(number)}}!odd{{/odd(number)}} {{#equalzero(zero)}}z{{/equalzero(zero)}}", [:]),
        ("{{#sorted(object)}}{{key}}={{value}};{{/sorted(object)}} {{count(object)}} {{nope(name)}}", [:]),
        ("{{name}} {{{name}}} {{&name}} {{accents}} {{number}} {{flag}} {{zero}} {{missing}} {{object.key}} {{list}}", [:]),
        ("{{#blank}}[blank:{{.}}]{{/blank}}{{#zero}}[zero:{{.}}]{{/zero}}{{^empty}}[empty:{{.}}]{{/empty}}{{#object}}{{key}}{{name}}{{/object}}", [:]),
        ("{{#list}}{{.}}{{name}}{{/list}}{{^list}}none{{/list}}{{#flag}}{{name}}{{/flag}}{{^flag}}no{{/flag}}", [:]),
        ("a\n  {{>item}}\nb\n\t{{> item}}\r\n{{>missing}}|", ["item": "{{#list}}\n<{{.}}>\n{{/list}}\n{{{text}}}\nend\r\nx\n"]),
        ("{{%CONTENT_TYPE: TEXT}}{{name}}{{>p}}{{name}}", ["p": "{{name}}\n"]),
        ("{{=<% %>=}}<%name%> <%#list%><%.%><%/list%>\n  <%={{ }}=%>  \n{{name}}", [:]),
        ("{{#object}}\n  {{key}}\n{{/object}}\n{{#list}}x\n{{/list}}\n{{#flag}}\ny\n  {{/flag}}  \n  {{! c }}  \nz{{! c }}\n", [:]),
        ("{{#lines}}{{.}}\n{{/lines}}", [:]),
        ("  {{>lines}}\n", ["lines": "{{#lines}}\n{{.}}\n{{/lines}}\r\n{{{text}}}\n"]),
        ("{{.}}{{#.}}{{name}}{{/.}}", [:]),
        ("{{#object}}{{.name}}|{{.key}}{{/object}}{{a..b}}{{>*partialName}}", ["p": "partial {{name}}"]),
        ("a{{\nb", [:]), ("x\n  ", [:]), ("{{#flag}}\n  {{/flag}}", [:]),
    ]

    static var data: [String: Any] {
        [
            "name": "tÉst <b>&\"'</b>", "accents": "<\u{301}a\u{301}&\u{0338}'\u{0300}>\"e\u{301}", "blank": "", "number": 7, "zero": 0,
            "flag": true, "empty": [Any](), "list": ["b", "c", "a"], "lines": ["one", "two <3"],
            "object": ["key": "k", "other": 2] as [String: Any], "text": "multi\nline\n", "partialName": "p",
            "a": ["b": "nested"] as [String: Any],
        ]
    }

    @Test(arguments: 0..<templates.count) func swiftMustacheBehaviours(_ index: Int) throws {
        let (template, partials) = Self.templates[index]
        var mine = NoteMustache.TemplateLibrary(), theirs = Mustache.MustacheLibrary()
        try mine.register(template, named: "t")
        try theirs.register(template, named: "t")
        for (name, text) in partials {
            try mine.register(text, named: name)
            try theirs.register(text, named: name)
        }
        let data = Self.data
        let expected = theirs.render(data, withTemplate: "t")
        #expect(mine.render(data, withTemplate: "t") == expected, "\(template.debugDescription)")
        #expect(mine.render(GeneratedTemplateTests.typed(data), withTemplate: "t") == expected, "typed: \(template.debugDescription)")
    }

    @Test func unsupportedAndBrokenTemplatesThrow() {
        for text in ["{{#a}}", "{{/a}}", "{{#a}}{{/b}}", "{{<parent}}{{/parent}}", "{{$block}}{{/block}}", "{{!", "{{a", "{{=x=}}",
                     "{{% CONTENT_TYPE: JSON}}", "{{a(b}}"] {
            #expect(throws: TemplateError.self, "\(text)") { try CompiledTemplate(text) }
        }
    }
}
