import Foundation
import Testing
@testable import NoteLint

/// `callout/query-incomplete` reads a blank timestamp or model as Foundation's trimming does,
/// on the bytes of ASCII text.
@Suite struct CalloutQueryBlankTests {
    @Test(arguments: ["", " ", "\t \t", " 2025-01-02 ", "\n", " \r\n", "x", "\u{A0}", " \u{3000}\t", "\u{200B}", " é ",
                      "\u{2003}x", "x\u{2003}", " \u{301}", "\u{85}"])
    func blankAsFoundationTrims(text: String) {
        #expect(CalloutQueryIncompleteRule.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty)
    }
}
