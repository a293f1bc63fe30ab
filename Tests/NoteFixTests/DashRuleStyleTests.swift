import Foundation
import NoteLint
import Testing
@testable import NoteFix

/// `body/dash-rule` redraws thematic breaks in the configured `style`; a break is `<hr />`
/// whatever it is drawn with, so cmark-gfm must render every rewritten note exactly as before
/// (a `---` that became a heading underline, or a list that became a break, would show).
@Suite struct DashRuleStyleTests {
    static let styles = ["***", "* * *", "___", "---"]

    /// Breaks where a careless rewrite changes the note: under a paragraph line, at the top,
    /// after the front matter, in a list item after its marker, in block quotes and lists.
    static let tricky = """
        ---
        title: Breaks
        ---
        ***

        Text.
        ***

        Text.

        ___

        * ---

        - ***

        > Quote
        > ***
        >
        > - - -

        1. Item

           ***

        Setext
        ---

        ****
        _ _ _

        """

    static func fixed(_ directory: URL, style: String) throws -> [NoteRewrite] {
        try Data("extends: research-vault\nrules:\n  body/dash-rule: {style: \"\(style)\"}\n".utf8).write(to: directory.appendingPathComponent(".notekit.yml"))
        let options = NoteFixer.Options(rules: RuleSelection(select: ["body/dash-rule"]))
        return try Support.fix(directory, options: options).result.rewrites.filter(\.isChanged)
    }

    static func expectSameRendering(_ rewrites: [NoteRewrite]) throws {
        for rewrite in rewrites {
            let before = try RenderedContent.html(rewrite.original), after = try RenderedContent.html(rewrite.result)
            #expect(before == after, "\(rewrite.path) renders differently:\n\(String(decoding: rewrite.result, as: UTF8.self))")
        }
    }

    @Test(.enabled(if: RenderedContent.isAvailable, "needs the cmark-gfm command"), arguments: styles)
    func trickyBreaksRenderTheSame(style: String) throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.tricky.utf8).write(to: directory.appendingPathComponent("note.md"))
        let rewrites = try Self.fixed(directory, style: style)
        #expect(rewrites.count == 1)
        try Self.expectSameRendering(rewrites)
        let after = String(decoding: rewrites.first?.result ?? [], as: UTF8.self)
        // A break after a list marker on its line is left: `* ***` would be a break, not a list.
        #expect(after.contains("\n* ---\n\n- ***\n"))
        // The `___` after text and a blank line is redrawn, unless it is drawn with the style's character.
        #expect(after.contains("\nText.\n\n\(style.hasPrefix("_") ? "___" : style)\n"))
        if style == "---" {
            // Not at the top of the body (after the front matter) nor under a paragraph line.
            #expect(after.hasPrefix("---\ntitle: Breaks\n---\n***\n\nText.\n***\n"))
        }
    }

    @Test(.enabled(if: Support.hasCorpus && RenderedContent.isAvailable, "needs ../shared/corpus beside the package and the cmark-gfm command"),
          arguments: ["---", "___"])
    func corpusBreaksRenderTheSame(style: String) throws {
        let directory = try Support.corpusCopy(every: 3)
        defer { try? FileManager.default.removeItem(at: directory) }
        let rewrites = try Self.fixed(directory, style: style)
        #expect(rewrites.count > 20, "the corpus draws many breaks with '*' and '-'; \(rewrites.count) notes changed")
        try Self.expectSameRendering(rewrites)
    }
}
