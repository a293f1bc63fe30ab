import Foundation
import Testing

/// The HTML citations report fits a 1280 px window: headless Chromium lays out a report of
/// notes with very long titles, URLs and paths, and the page does not scroll sideways.
@Suite struct CitationsReportWidthTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: LintOutputTests.enabled && chromium != nil, "notekit is not built or chromium is not installed"))
    func tablesFitA1280PixelWindow() throws {
        let long = "https://example.com/" + String(repeating: "averyverylongpathsegmentwithoutanybreaks", count: 6)
        var notes: [String: String] = [:]
        for index in 0..<3 {
            notes["Note with a long file name \(String(repeating: "x", count: 80)) \(index).md"] =
                "---\ntitle: N\(index)\n---\nClaim.[^k2x9q\(index)] Other.[^zz\(index)]\n\n"
                + "[^k2x9q\(index)]: [\(String(repeating: "Word", count: 40))](\(long)\(index))\n"
        }
        let folder = try LintOutputTests.vault(notes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let templates = DemoVaultTests.root.appendingPathComponent("Templates").path
        let report = try LintOutputTests.notekit(["citations", "report", "--format", "html", "--templates", templates,
                                                  "--output", "report.html", "."], in: folder)
        #expect(report.status == 0 || report.status == 1)
        // The page records its own scroll width once laid out; --dump-dom prints it.
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8).replacingOccurrences(
            of: "</body>",
            with: "<script>document.body.dataset.scrollWidth = document.documentElement.scrollWidth</script></body>")
        try html.write(toFile: folder + "/measured.html", atomically: true, encoding: .utf8)
        let dom = try LintOutputTests.notekit(["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                                               "--dump-dom", "file://\(folder)/measured.html"], in: folder, executable: Self.chromium!)
        let width = dom.output.firstMatch(of: #/data-scroll-width="(\d+)"/#).flatMap { Int($0.1) }
        #expect(width != nil)
        #expect((width ?? .max) <= 1280)
    }
}
