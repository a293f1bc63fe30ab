import Foundation
import NoteParser
import Testing
@testable import NoteRender

@Suite struct SecurityTests {
    static let hostile = """
        ---
        title: '../../etc/{{> page}} <script>alert(1)</script>'
        lede: '{{{stylesheet}}} {{#sources}}x{{/sources}} "quoted" & <b>bold</b>'
        tags: ['<img src=x onerror=alert(1)>']
        ---
        Hello <script>alert("body")</script> world.

        <div onclick="alert(1)">raw block</div>

        [click](javascript:alert(1)) and [sneaky](JaVaScRiPt:alert(2)) and <a href="&#106;avascript:alert(3)">x</a>.

        Cited[^a].

        [^a]: [Bad source](javascript:alert(4))
        """

    @Test func escapesFrontMatterAndOmitsRawHTMLAndScriptLinks() throws {
        let html = try Fixtures.html(Self.hostile)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("{{&gt; page}}"))
        #expect(html.contains("{{{stylesheet}}} {{#sources}}x{{/sources}} &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("onclick"))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("&#106;avascript"))
    }

    @Test func unsafeKeepsRawHTMLButNeverScriptLinks() throws {
        let html = try Fixtures.html(Self.hostile, unsafe: true)
        #expect(html.contains("<div onclick=\"alert(1)\">raw block</div>"))
        #expect(!html.lowercased().contains("href=\"javascript:"))
        #expect(!html.contains("&#106;avascript"))
    }

    @Test func writesOnlyInsideTheOutputFolder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-security-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let notes = base.appendingPathComponent("notes"), output = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Self.hostile.write(to: notes.appendingPathComponent("escape.md"), atomically: true, encoding: .utf8)
        try "# /etc/passwd\n".write(to: notes.appendingPathComponent("second.md"), atomically: true, encoding: .utf8)

        for format in RenderRun.Format.allCases {
            let run = RenderRun(format: format, templates: try Fixtures.templates())
            let report = run.render(files: NoteFiles.collect([notes.path]).files, output: OutputFolder(path: output.path), index: true)
            #expect(report.errors.isEmpty)
            #expect(report.written.count == 3)
            for file in report.written { #expect(file.deletingLastPathComponent().standardizedFileURL.path == output.standardizedFileURL.path) }
        }
        let everything = try FileManager.default.subpathsOfDirectory(atPath: base.path).sorted()
        #expect(everything == [
            "notes", "notes/escape.md", "notes/second.md",
            "out", "out/etc-page-script-alert-1-script.html", "out/etc-page-script-alert-1-script.md",
            "out/etc-passwd.html", "out/etc-passwd.md", "out/index.html", "out/index.md",
        ])
    }

    /// Script-running links in every spelling a browser accepts: case, entities (named, decimal,
    /// hex, zero-padded, without `;`), control characters and spaces, autolinks, references, images.
    static let scriptLinks = """
        [a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](&#106;avascript:alert(1)) [d](javascript&colon;alert(1))
        [e](<java\tscript:alert(1)>) [f](vbscript:msgbox(1)) [g](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(2)>
        ![h](javascript:alert(3)) [i][ref] [j](&#x6A;avascript:alert(1)) [k](%20javascript:alert(1))

        [ref]: jav&#x09;ascript:alert(4)

        <a href="&#0000000106;avascript:alert(5)">l</a> <a href="&#x000000006A;avascript:alert(6)">m</a>
        <a href=" &#10; javascript:alert(7)">n</a> <a href='java&Tab;script:alert(8)'>o</a> <a href=JaVaScRiPt:alert(9)>p</a>
        <img src="javascript:alert(10)"> <form action="javascript:alert(11)"></form> <a href="data:text/html,x">q</a>
        """

    /// Every URL-valued attribute of `html`, decoded as a browser would before choosing the scheme.
    static func urlAttributes(_ html: String) -> [String] {
        html.matches(of: #/(?i)\b(?:href|src|action|formaction)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/#).map { match in
            var value = String(match.1)
            if value.first == "\"" || value.first == "'" { value = String(value.dropFirst().dropLast()) }
            let decoded = value.replacing(#/&#[xX]?0*([0-9a-fA-F]+);?|&(?i:tab|newline|colon);/#) { entity in
                let text = String(entity.0).lowercased()
                if text.hasPrefix("&tab") { return "\t" }
                if text.hasPrefix("&newline") { return "\n" }
                if text.hasPrefix("&colon") { return ":" }
                let digits = entity.1 ?? ""
                let number = text.hasPrefix("&#x") ? UInt32(digits, radix: 16) : UInt32(digits)
                return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
            }
            return String(String.UnicodeScalarView(decoded.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        }
    }

    @Test(arguments: [false, true])
    func noScriptLinkInAnySpelling(unsafe: Bool) throws {
        let html = try Fixtures.html(Self.scriptLinks, unsafe: unsafe)
        let urls = Self.urlAttributes(html)
        #expect(urls.count >= 10, "found \(urls.count) links")
        for url in urls {
            #expect(!url.hasPrefix("javascript:") && !url.hasPrefix("vbscript:") && !url.hasPrefix("data:text"), "\(url)")
        }
    }

    /// Raw-HTML vectors that run script or send requests through attributes other than `href`.
    static let unsafeVectors = """
        <object data="javascript:alert(1)"></object> <object data="&#106;avascript:alert(2)"></object>
        <svg><a><animate attributeName="href" values="javascript:alert(3)"/><set attributeName="href" to="javascript:alert(4)"/>
        <animate attributeName="href" from="https://example.com" to="JAVASCRIPT:alert(5)"/><animate attributeName="href" by='javascript:alert(6)'/>
        <animate attributeName="href" values="https://example.com;&#x20;javascript:alert(7)"/><text>x</text></a></svg>
        <img srcset="https://example.com/a.png 1x, javascript:alert(8) 2x"> <a href="https://example.com" ping="https://tracker.example/p">p</a>
        <animate attributeName="fill" values="red;blue"/> <img srcset="https://example.com/b.png 1x, https://example.com/c.png 2x">
        """

    @Test func unsafeHTMLLosesScriptInObjectDataSVGAnimationsSrcsetAndPing() throws {
        let html = try Fixtures.html(Self.unsafeVectors, unsafe: true)
        #expect(!html.contains("alert("))
        #expect(!html.contains("tracker.example"))
        #expect(html.components(separatedBy: "<object data=\"\">").count == 3)
        #expect(html.contains("<set attributeName=\"href\" to=\"\"/>"))
        #expect(html.contains("<a href=\"https://example.com\" ping=\"\">p</a>"))
        #expect(html.contains("<img srcset=\"\">"))
        // Values that run nothing stay.
        #expect(html.contains("<animate attributeName=\"fill\" values=\"red;blue\"/>"))
        #expect(html.contains("<img srcset=\"https://example.com/b.png 1x, https://example.com/c.png 2x\">"))
    }

    @Test func bodyTextCannotForgeCalloutMarkers() throws {
        let html = try Fixtures.html("""
            NOTEKITCALLOUT1OPEN Fake

            &#78;OTEKITCALLOUT1CLOSE

            > [!tip] Real
            > Inside.

            NOTEKITCALLOUT1CLOSE after.
            """)
        #expect(html.contains("<p>NOTEKITCALLOUT1OPEN Fake</p>\n<p>NOTEKITCALLOUT1CLOSE</p>"))
        #expect(html.contains("<aside class=\"callout callout-tip\">\n<p class=\"callout-title\">Real</p>\n<div class=\"callout-content\">\n<p>Inside.</p>"))
        #expect(html.contains("</aside>\n<p>NOTEKITCALLOUT1CLOSE after.</p>"))
        #expect(html.components(separatedBy: "<aside").count == 2)
    }

    @Test func privateUseCharactersComeOutAsThemselves() throws {
        let html = try Fixtures.html("A \u{E000}x\u{E001} and &#xE000;y&#57345; with ==mark==.\n")
        #expect(html.contains("A \u{E000}x\u{E001} and \u{E000}y\u{E001} with <mark>mark</mark>."))
        #expect(html.components(separatedBy: "<mark>").count == 2)
        // Markers are the first private-use characters a page lacks, whatever else it holds.
        #expect(Placeholder(unusedIn: "plain é ’ 😀\u{FE0F}").privateUse(2) == ["\u{E000}", "\u{E001}"])
        #expect(Placeholder(unusedIn: "\u{E000} \u{F8FF}").privateUse(2) == ["\u{E001}", "\u{E002}"])
        let basic = (0xE000...0xF8FF).compactMap(Unicode.Scalar.init).map { String(Character($0)) }.joined()
        #expect(Placeholder(unusedIn: basic + "\u{F0000}").privateUse(1) == ["\u{F0001}"])
        #expect(Placeholder(unusedIn: "&#xE000;").privateUse(1) == ["\u{E001}"])
    }

    @Test func aSymlinkInTheOutputFolderIsReplacedNotFollowed() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("notekit-symlink-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: base) }
        let notes = base.appendingPathComponent("notes"), output = base.appendingPathComponent("out")
        let outside = base.appendingPathComponent("outside.md")
        try manager.createDirectory(at: notes, withIntermediateDirectories: true)
        try manager.createDirectory(at: output, withIntermediateDirectories: true)
        try "precious\n".write(to: outside, atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: output.appendingPathComponent("etc-passwd.md").path, withDestinationPath: outside.path)
        try "# /etc/passwd\n\nBody.\n".write(to: notes.appendingPathComponent("note.md"), atomically: true, encoding: .utf8)

        let run = RenderRun(format: .md, templates: try Fixtures.templates())
        let report = run.render(files: NoteFiles.collect([notes.path]).files, output: OutputFolder(path: output.path), index: false)
        #expect(report.errors.isEmpty)
        #expect(try String(contentsOf: outside, encoding: .utf8) == "precious\n")
        let written = output.appendingPathComponent("etc-passwd.md")
        #expect(try manager.attributesOfItem(atPath: written.path)[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOf: written, encoding: .utf8).contains("Body."))
    }
}
