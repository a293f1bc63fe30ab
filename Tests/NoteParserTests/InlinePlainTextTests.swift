import NoteParser
import Testing

@Suite struct InlinePlainTextTests {
    @Test(arguments: [
        ("Plain title", "Plain title"),
        ("*Emphasis* and __strong__ and ~~gone~~", "Emphasis and strong and gone"),
        ("`code` [link](https://e.example) ![alt](i.png)", "code link alt"),
        ("<b>Bold</b> &amp; &lt;tag&gt; \\*not\\*", "Bold & <tag> *not*"),
        ("# Not a heading", "# Not a heading"),
        ("1. Not a list", "1. Not a list"),
        ("- Not a list", "- Not a list"),
        ("> Not a quote", "> Not a quote"),
        ("_under_ a_b_c", "under a_b_c"),
        ("two\nlines", "two lines"),
        ("  [unbalanced  ", "[unbalanced"),
        ("Cited[^x] here", "Cited[^x] here"),  // no definition: the marker is text
    ])
    func plainText(markdown: String, expected: String) {
        #expect(InlinePlainText.of(markdown) == expected)
    }
}
