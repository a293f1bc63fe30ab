@testable import NoteMustache
import Testing

/// Templates that would recurse without end or past the thread's stack are cut short.
@Suite struct LimitsTests {
    @Test func sectionsNestedTooDeeplyDoNotParse() throws {
        let depth = TemplateParser.maximumDepth
        let deep = String(repeating: "{{#a}}", count: depth + 1) + "x" + String(repeating: "{{/a}}", count: depth + 1)
        #expect(throws: TemplateError.self) { try CompiledTemplate(deep) }
        let allowed = String(repeating: "{{#a}}", count: depth - 1) + "x" + String(repeating: "{{/a}}", count: depth - 1)
        var library = TemplateLibrary()
        try library.register(allowed, named: "t")
        #expect(library.render(["a": true], withTemplate: "t") == "x")
    }

    @Test func aPartialIncludingItselfStops() throws {
        var library = TemplateLibrary()
        try library.register("{{>p}}", named: "t")
        // `list` is found again up the stack at every level: without a limit this never ends.
        try library.register("x{{#list}}{{>p}}{{/list}}", named: "p")
        let output = try #require(library.render(["list": [1]], withTemplate: "t"))
        #expect(output.allSatisfy { $0 == "x" })
        #expect(output.count == TemplateRenderer.maximumDepth / 2)
    }
}
