import Foundation
import NoteLintReporters
import Testing

/// docs/rules.md must be what the rules' descriptions generate.
@Suite struct RuleDocsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func docsAreUpToDate() throws {
        let url = Self.packageRoot.appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == RuleDocumentation.markdown(),
                "docs/rules.md is stale: run `make docs` and commit the result")
    }

    @Test func everyRuleHasAStableAnchor() {
        let markdown = RuleDocumentation.markdown()
        for rule in RuleDocumentation.registered {
            #expect(markdown.contains("<a id=\"\(RuleDocumentation.anchor(for: rule.id))\"></a>"))
        }
    }
}
