@testable import NoteLint
import NoteParser
import Testing

/// `Suppressions(note:)` reads only the `notekit-` words `Suppressions.candidates(in:)` finds
/// (in front matter, `%%` comments and after `<!--`); it must read the directives a reading of
/// every such word reads, on notes made of directives in and out of their places.
@Suite struct SuppressionCandidatesTests {
    static let pieces = [
        "<!-- notekit-disable-line citation/undefined -->", "<!--notekit-enable-->", "<!--\t notekit-disable-next-line a, b -->",
        "%% notekit-disable-file %%", "%%notekit-disable x%%", "text notekit-disable bare", "`<!-- notekit-disable -->`",
        "```\n<!-- notekit-disable-file -->\n```", "<!-- remark --> notekit-disable", "# notekit-disable-file frontmatter/empty-value",
        "<!-- notekit-nope notekit-disable-line -->", "a-b-c notekit notekit-", "<!-- <!-- notekit-disable", "key: v # notekit-enable",
    ]

    static let openings = [
        "", "---\ntitle: a\n# notekit-disable-file x\n---\n", "---\ntitle: a # notekit-disable-line y\n<!-- notekit-disable -->\n",
        "---\n%% notekit-disable %%\nkey: v\n---\n",
    ]

    /// What a test compares of the directives read.
    static func summary(_ suppressions: Suppressions) -> [String] {
        suppressions.directives.map { "\($0.kind) \($0.range) \($0.rules.map { "\($0.id) \($0.range)" })" }
            + suppressions.unknownCommands.map { "unknown \($0.id) \($0.range)" }
    }

    @Test func candidatesReadWhatEveryWordReads() throws {
        var read = 0
        for opening in Self.openings {
            for first in Self.pieces {
                for second in Self.pieces {
                    for separator in ["\n", " ", "\n\n"] {
                        let text = opening + first + separator + second + "\n"
                        let note = try NoteParser().parse(bytes: Array(text.utf8), path: "note.md")
                        let marker = Array("notekit-".utf8)
                        var every: [Int] = []
                        while let hit = note.source.find(marker, in: (every.last.map { $0 + marker.count } ?? 0)..<note.source.bytes.count) {
                            every.append(hit)
                        }
                        let all = Suppressions(note: note, hits: every)
                        #expect(Self.summary(Suppressions(note: note)) == Self.summary(all), "\(text)")
                        read += all.directives.count + all.unknownCommands.count
                    }
                }
            }
        }
        #expect(read > 1000, "the notes hold directives")
    }
}
