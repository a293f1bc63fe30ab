import Foundation
import NoteCitations
import NoteParser

/// Small notes written by the tests.
enum Fixtures {
    static func note(_ path: String, _ text: String) -> Note {
        try! NoteParser().parse(bytes: Array(text.utf8), path: path)
    }

    /// Two notes citing one source under two ids, and a second source.
    static let vault: [String: String] = [
        "a.md": """
            # A

            Claim one[^src1] and two[^src2] and again[^src1].

            [^src1]: 2025, Sep 14. [Alpha Article](https://Example.com/alpha/?utm_source=x#top). Published: 2024-03-17 | Updated: 2025-09-14
            [^src2]: [Beta | Page](https://beta.org/b)

            """,
        "sub/b.md": """
            # B

            Uses alpha[^alpha].

            [^alpha]: [Alpha Article](https://example.com/alpha)

            """,
    ]

    /// A new temporary folder holding `files`.
    static func directory(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-citations-\(UUID().uuidString)").path
        for (path, text) in files {
            let full = (root as NSString).appendingPathComponent(path)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        return root
    }

    static func index(_ files: [String: String]) -> CitationIndex {
        CitationIndex(notes: files.keys.sorted().map { note($0, files[$0]!) })
    }
}
