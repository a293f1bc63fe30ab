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
        let generated = RuleDocumentation.markdown()
        guard committed != generated else { return }
        let lines = (committed.split(separator: "\n", omittingEmptySubsequences: false),
                     generated.split(separator: "\n", omittingEmptySubsequences: false))
        let first = zip(lines.0, lines.1).enumerated().first { $1.0 != $1.1 }?.offset ?? min(lines.0.count, lines.1.count)
        Issue.record("docs/rules.md is stale (first difference at line \(first + 1)): run `make docs` and commit the result")
    }

    @Test func everyRuleHasAStableAnchor() {
        let markdown = RuleDocumentation.markdown()
        for rule in RuleDocumentation.registered {
            #expect(markdown.contains("<a id=\"\(RuleDocumentation.anchor(for: rule.id))\"></a>"))
        }
    }
}
