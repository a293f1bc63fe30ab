import Testing
@testable import NoteRender

@Suite struct SourcesSectionTests {
    @Test func rendersFieldsAndNeverBorrowsPageValues() throws {
        let html = try Fixtures.html("""
            ---
            title: Page title
            ---
            One[^a] two[^b].

            [^a]: 2025, Sep 14. [Linked](https://example.com). Published: 2025-03-17 | Updated: N/A
            [^b]: Plain words
            """)
        #expect(html.contains("<span class=\"source-date\">2025, Sep 14.</span>"))
        #expect(html.contains("<a class=\"source-title\" href=\"https://example.com\">Linked</a>"))
        #expect(html.contains("Published 2025-03-17") && html.contains("Updated N/A"))
        #expect(html.contains("<span class=\"source-text\">Plain words</span>"))
        #expect(html.components(separatedBy: "Page title").count == 3) // <title> and <h1> only
    }
}
