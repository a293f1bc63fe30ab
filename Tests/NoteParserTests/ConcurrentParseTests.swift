import CmarkSupport
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

    #if os(Linux)
    /// On Linux the fix keeps the table filled, so parses do not wait for each other.
    @Test func inlinePassesRunInParallel() throws {
        _ = try Fixture.note("www.example.com")
        #expect(notekit_inline_passes_run_in_parallel() == 1)
    }
    #endif
}
