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

    /// `filterAttributes` as it read every place of the HTML (before it tried only the places
    /// just before an `=`), kept as the reference: at each place that starts a word, the first
    /// attribute name (any case), `=` between spaces and a quoted or bare value that fits.
    static func referenceFilter(_ html: String) -> String {
        let names = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "codebase", "cite",
                     "longdesc", "dynsrc", "lowsrc", "srcset", "imagesrcset", "values", "to", "from", "by", "ping"].map { Array($0.utf8) }
        func isWord(_ byte: UInt8) -> Bool { byte < 0x80 && (byte == 0x5F || (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20)) }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func isSafe(_ value: String, name: String) -> Bool {
            switch name {
            case "ping": return false
            case "srcset", "imagesrcset":
                return value.split(separator: ",").allSatisfy { URLSafety.isSafe(String($0.split(whereSeparator: \.isWhitespace).first ?? "")) }
            case "values", "to", "from", "by": return URLSafety.decodeEntities(value).split(separator: ";").allSatisfy { URLSafety.isSafe(String($0)) }
            default: return URLSafety.isSafe(value)
            }
        }
        let bytes = Array(html.utf8)
        var output: [UInt8] = [], copied = 0, index = 0
        while index < bytes.count {
            var found: (name: String, equalsEnd: Int, value: Range<Int>)?
            if index == 0 || !isWord(bytes[index - 1]) {
                for name in names where index + name.count <= bytes.count {
                    guard zip(name, bytes[index...]).allSatisfy({ $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }) else { continue }
                    var end = index + name.count
                    while end < bytes.count, isSpace(bytes[end]) { end += 1 }
                    guard end < bytes.count, bytes[end] == UInt8(ascii: "=") else { continue }
                    end += 1
                    while end < bytes.count, isSpace(bytes[end]) { end += 1 }
                    guard end < bytes.count else { continue }
                    let start = end
                    if bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "'") {
                        guard let close = bytes[(end + 1)...].firstIndex(of: bytes[end]) else { continue }
                        end = close + 1
                    } else {
                        while end < bytes.count, !isSpace(bytes[end]), !"\"'>".utf8.contains(bytes[end]) { end += 1 }
                        guard end > start else { continue }
                    }
                    found = (String(decoding: name, as: UTF8.self), start, start..<end)
                    break
                }
            }
            guard let found else {
                index += 1
                continue
            }
            let quoted = bytes[found.value]
            let text = String(decoding: quoted.first == UInt8(ascii: "\"") || quoted.first == UInt8(ascii: "'")
                ? quoted.dropFirst().dropLast() : quoted, as: UTF8.self)
            if !isSafe(text, name: found.name) {
                output += bytes[copied..<found.equalsEnd] + Array("\"\"".utf8)
                copied = found.value.upperBound
            }
            index = found.value.upperBound
        }
        return String(decoding: output + bytes[copied...], as: UTF8.self)
    }

    @Test func filtersAttributesAsEveryPlaceWasRead() {
        let cases = [
            "<a href=\"javascript:x\">a</a> <img SRC = 'javascript:y'> <a href=javascript:z>",
            "href=\"https://a\" src = \"\" ping=x <svg><set to=\"javascript:a\"/></svg> xlink:href=vbscript:b",
            "text with = signs == and href= and a<a data-href=\"javascript:x\"> _href=javascript:x",
            "<img srcset=\"a.png 1x, javascript:x 2x\"> <a href=\"unclosed> <a href='javascript:x'>",
        ] + HTMLScannerTests.samples(["href", "HrEf", "src", "srcset", "ping", "to", "xlink:href", "=", " ", "\n", "\"", "'",
                                      "javascript:x", "https://a", ">", "<a ", "x", "_", "é", ",", "data:text/html,x", "&#106;a"],
                                     count: 3000, length: 10)
        for html in cases {
            #expect(URLSafety.filterAttributes(html) == Self.referenceFilter(html), "\(html.debugDescription)")
        }
    }

    @Test func decodesEntitiesAsTheRegexAlone() {
        let cases = ["&colon;", "&CoLoN;", "&Colon", "&tab;x", "&NEWLINE;", "&nbsp;", "&ndash;", "&copy;", "&#106;", "&#x6A;", "&#",
                     "&c", "&t", "&n", "&", "&&#58;", "&\u{301}colon;", "&colo\u{301}n;"]
            + HTMLScannerTests.samples(["&", "#", "colon;", "COLON;", "tab;", "Tab", "newline;", "nbsp;", "x", "41", "0", ";", "c", "n", "t",
                                        "é", "\u{301}", "a", "new", "line;"], count: 3000, length: 8)
        for text in cases {
            let reference = URLSafety.decodeEntitiesByRegex(text)
            #expect(URLSafety.decodeEntities(text) == reference, "\(text.debugDescription)")
        }
    }
}
