import CmarkSupport
import Foundation
import Testing
@testable import NoteParser

/// Notes parsed on several threads at once come out as when parsed alone. cmark-gfm keeps
/// the inline characters of its extensions (`~`, `w`, `:`) in one global table that each
/// parse fills and empties; unguarded, a parse ending on one thread drops autolinks and
/// strikethrough from a parse still running on another.
@Suite struct ConcurrentParseTests {
    /// A note whose inline content is mostly extension syntax.
    static let note: String = {
        let line = "See www.example.com/a and https://example.org/b, ~~struck~~ text and more.\n\n"
        let table = "| a | b |\n| - | - |\n| www.example.net | ~~gone~~ |\n\n"
        return String(repeating: line, count: 300) + String(repeating: table, count: 50)
    }()

    static func extensionNodes(_ root: MarkdownNode) -> Int {
        var count = 0
        root.forEach { node in if node.kind == .link || node.kind == .strikethrough { count += 1 } }
        return count
    }

    @Test func extensionsSurviveParallelParses() throws {
        let alone = Self.extensionNodes(try Fixture.note(Self.note).body)
        #expect(alone == 1000)
        let counts = Array(0..<400).concurrentMap { _ in
            (try? NoteParser().parse(bytes: Array(Self.note.utf8), path: "n.md")).map { Self.extensionNodes($0.body) } ?? -1
        }
        #expect(counts.allSatisfy { $0 == alone }, "\(counts.filter { $0 != alone }.count) of 400 parses differ")
    }

    static let probe = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/CmarkModeProbe").path

    /// Runs CmarkModeProbe (100 parallel parses of a note like `note`) with or without NOTEKIT_CMARK_LOCKED=1;
    /// returns the mode it reports and the distinct trees it got.
    static func runProbe(locked: Bool) throws -> (parallel: String, trees: [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: probe)
        var environment = ProcessInfo.processInfo.environment
        environment["NOTEKIT_CMARK_LOCKED"] = locked ? "1" : nil
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let parts = String(decoding: data, as: UTF8.self).components(separatedBy: "---\n")
        return (parts[0].trimmingCharacters(in: .whitespacesAndNewlines), Array(parts.dropFirst()))
    }

    /// NOTEKIT_CMARK_LOCKED=1 leaves cmark-gfm's function alone and runs passes one at a time;
    /// parallel parses give the same trees in both modes, with every autolink and strikethrough.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: probe), "CmarkModeProbe is not built at .build/debug"))
    func lockedModeGivesTheSameTrees() throws {
        let locked = try Self.runProbe(locked: true)
        #expect(locked.parallel == "0")
        #expect(locked.trees.count == 1, "\(locked.trees.count) distinct trees in 100 locked parses")
        let fast = try Self.runProbe(locked: false)
        #if os(Linux)
        #expect(fast.parallel == "1")
        #endif
        #expect(fast.trees == locked.trees)
        let tree = try #require(locked.trees.first)
        let extensionNodes = tree.split(separator: "\n").filter { $0.hasPrefix("link ") || $0.hasPrefix("strikethrough ") }
        #expect(extensionNodes.count == 1000)
    }

    #if os(Linux)
    /// On Linux the fix keeps the table filled, so parses do not wait for each other.
    @Test func inlinePassesRunInParallel() throws {
        _ = try Fixture.note("www.example.com")
        #expect(notekit_inline_passes_run_in_parallel() == 1)
    }
    #endif
}
