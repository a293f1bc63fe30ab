import Testing
@testable import NoteRender

@Suite struct URLSafetyTests {
    /// URLs read on their bytes (ASCII, no `&`) and through entity decoding get the same verdicts:
    /// script schemes in any case, with spaces, tabs, newlines or DEL inside, are unsafe; `data:`
    /// only for images other than SVG.
    @Test(arguments: [
        ("https://example.org/a?b=c", true), ("#fn-1", true), ("", true), ("   ", true), ("javascript", true),
        ("javascript:alert(1)", false), ("JaVaScRiPt:alert(1)", false), (" \tjava\nscr\u{7F}ipt :x", false),
        ("vbscript:msgbox", false), ("VBSCRIPT:x", false), ("data:text/html,<b>", false), ("data:image/png;base64,AA", true),
        ("DATA: IMAGE/PNG,AA", true), ("data:image/svg+xml,<svg>", false), ("Data:Image/SVG+xml", false), ("data:imag", false),
        ("&#106;avascript:alert(3)", false), ("java&#x73;cript:x", false), ("&colon;javascript:x", true), ("jav&tab;ascript:x", false),
        ("https://example.org/?a=1&b=2", true), ("javascript\u{00A0}:x", true), ("ｊavascript:x", true),
    ] as [(String, Bool)])
    func judgesScriptURLs(url: String, safe: Bool) {
        #expect(URLSafety.isSafe(url) == safe)
    }
}
