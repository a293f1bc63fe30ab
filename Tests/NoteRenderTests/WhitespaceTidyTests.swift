import Testing
@testable import NoteRender

@Suite struct WhitespaceTidyTests {
    @Test func stripsTrailingSpacesAndBlankRunsOutsideCode() {
        let text = "\n\nTitle   \n\n\n\nLine one  \nline two\t\n\n```\ncode   \n\n\n\nmore\t\n```\n\n\n    indented   \n\n\n"
        #expect(WhitespaceTidy.tidy(text)
            == "Title\n\nLine one  \nline two\n\n```\ncode   \n\n\n\nmore\t\n```\n\n    indented   \n")
    }

    @Test func leavesFrontMatterAsWritten() {
        let text = "---\nkey: value   \n---\n\n\n\nBody\n"
        #expect(WhitespaceTidy.tidy(text) == "---\nkey: value   \n---\n\nBody\n")
    }
}
