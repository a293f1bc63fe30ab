import Foundation
import Testing
@testable import NoteFix

/// `UnifiedDiff` writes what `diff -u` writes.
@Suite struct UnifiedDiffTests {
    static let diffTool = "/usr/bin/diff"

    static let numbered = (1...30).map { "line \($0)\n" }.joined()

    /// Pairs of (original, result) covering joined and separate hunks, file edges, insertions
    /// into and deletions down to an empty file, missing final newlines, repeated lines.
    static let cases: [(String, String)] = [
        (numbered, numbered.replacingOccurrences(of: "line 15\n", with: "line fifteen\n")),
        (numbered, numbered.replacingOccurrences(of: "line 2\n", with: "").replacingOccurrences(of: "line 29\n", with: "line 29\nextra\n")),
        (numbered, numbered.replacingOccurrences(of: "line 10\n", with: "ten\n").replacingOccurrences(of: "line 16\n", with: "sixteen\n")),
        (numbered, numbered.replacingOccurrences(of: "line 10\n", with: "ten\n").replacingOccurrences(of: "line 18\n", with: "eighteen\n")),
        ("a\nb\nc\n", "a\nb\nc"),
        ("a\nb\nc", "a\nB\nc"),
        ("", "new\nfile\n"),
        ("old\n", ""),
        ("x\ny\nx\ny\nx\n", "y\nx\ny\nx\ny\n"),
        ("---\ntitle: 'A'\ntags: [a, b]\n---\n# Head\n\nText[^1].\n\n[^1] Source\n", "---\ntitle: A\ntags:\n  - A\n  - B\n---\n# Head\n\nText[^1].\n\n[^1]: Source\n"),
    ]

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: diffTool), "needs /usr/bin/diff"),
          arguments: cases.indices)
    func matchesDiffTool(_ index: Int) throws {
        let (original, result) = Self.cases[index]
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.md"), b = directory.appendingPathComponent("b.md")
        try Data(original.utf8).write(to: a)
        try Data(result.utf8).write(to: b)
        let expected = try Self.runDiff(a.path, b.path)
        let ours = UnifiedDiff(original: Array(original.utf8), result: Array(result.utf8), path: "n.md").text
        #expect(ours.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).prefix(2) == ["--- a/n.md", "+++ b/n.md"])
        #expect(Self.body(ours) == Self.body(expected))
    }

    @Test func identicalFilesHaveNoDiff() {
        #expect(UnifiedDiff(original: Array("a\n".utf8), result: Array("a\n".utf8), path: "n.md").text == "")
    }

    @Test func headersUseThePath() {
        let text = UnifiedDiff(original: Array("a\n".utf8), result: Array("b\n".utf8), path: "./dir/n.md").text
        #expect(text == "--- a/dir/n.md\n+++ b/dir/n.md\n@@ -1 +1 @@\n-a\n+b\n")
    }

    @Test func namesWithSpacesEndWithATab() {
        let text = UnifiedDiff(original: Array("a\n".utf8), result: Array("b\n".utf8), path: "my notes/n 1.md").text
        #expect(text.hasPrefix("--- a/my notes/n 1.md\t\n+++ b/my notes/n 1.md\t\n@@ -1 +1 @@\n"))
    }

    @Test func largeRewritesFallBackToOneChange() {
        let old = (0..<1_500).map { "o\($0)\n" }.joined(), new = (0..<1_500).map { "n\($0)\n" }.joined()
        let text = UnifiedDiff(original: Array(old.utf8), result: Array(new.utf8), path: "n.md").text
        #expect(text.contains("@@ -1,1500 +1,1500 @@\n"))
        #expect(text.split(separator: "\n").count == 3 + 3_000)
    }

    /// The diff without its two header lines.
    static func body(_ diff: String) -> [Substring] { Array(diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)) }

    static func runDiff(_ a: String, _ b: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: diffTool)
        process.arguments = ["-u", a, b]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
