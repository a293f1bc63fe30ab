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
}

