@testable import NoteLint
import Foundation
import NoteParser
import Testing

/// Inline suppressions end to end through the linter with every rule: each directive in
/// each kind of comment, what it covers, what it does not, and the two suppression rules.
@Suite struct SuppressionTests {
    /// The lines of `rule`'s findings when `text` is linted with every rule and `levels`.
    static func lines(_ rule: String, _ text: String, levels: [String: Configuration.Level] = [:]) throws -> [Int] {
        try findings(text, levels: levels).filter { $0.ruleID == rule }.map(\.range.start.line)
    }

    static func findings(_ text: String, levels: [String: Configuration.Level] = [:]) throws -> [Finding] {
        var configuration = Configuration()
        configuration.presets = Preset.names
        configuration.rules = levels
        let note = try NoteParser().parse(bytes: Array(text.utf8), path: "note.md")
        return Linter().lint([NoteContext(note: note, vaultPath: "note.md", configuration: configuration)], vaultFiles: ["note.md"])
    }

    static let undefined = "citation/undefined"

    /// The directives read where one may be written (`Suppressions.candidates(in:)`) are those
    /// read at every `notekit-`, on generated notes: front matter closed or not, both comments,
    /// code, blanks, several directives on a line, misspelt ones.
    @Test func candidatesFindEveryDirective() throws {
        let pieces = ["<!-- ", "<!--", " -->", "-->", "%%", "%% ", "%%%", "# ", "#", " ", "\t", "\n", "\r\n", "notekit-disable ",
                      "notekit-enable", "notekit-disable-line x/y", "notekit-", "notekit-disable-nextline", "citation/undefined,",
                      "`", "```\n", "x", "---\n", "title: a\n", "- ", "> ", "<", "%", "é"]
        func described(_ suppressions: Suppressions) -> [String] {
            suppressions.directives.map { "\($0.kind) \($0.range) \($0.rules.map { "\($0.id)@\($0.range)" })" }
                + suppressions.unknownCommands.map { "unknown \($0.id)@\($0.range)" }
        }
        var seed: UInt64 = 18
        var read = 0
        for index in 0..<1_500 {
            var text = ["", "---\n", "---\ntags: [a] # notekit-disable-line\n", "---\n# notekit-disable x\n---\n"][index % 4]
            for _ in 0..<(8 + index % 17) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            let note = try NoteParser().parse(bytes: Array(text.utf8), path: "note.md")
            let bytes = note.source.bytes
            let every = bytes.indices.filter { bytes[$0...].starts(with: Suppressions.marker) }
            let all = described(Suppressions(note: note, hits: every))
            #expect(described(Suppressions(note: note)) == all, "\(text.debugDescription)")
            read += all.count
        }
        #expect(read > 500, "the generated notes hold directives")
    }

    @Test func disableNextLineCoversOnlyTheNextLine() throws {
        #expect(try Self.lines(Self.undefined, "<!-- notekit-disable-next-line citation/undefined -->\nA[^a1].\nB[^b1].\n") == [3])
        #expect(try Self.lines(Self.undefined, "%% notekit-disable-next-line %%\nA[^a1].\nB[^b1].\n") == [3])
        // Another rule's id leaves this rule's findings alone.
        #expect(try Self.lines(Self.undefined, "<!-- notekit-disable-next-line callout/empty -->\nA[^a1].\n") == [2])
    }

    @Test func disableLineCoversItsOwnLine() throws {
        #expect(try Self.lines(Self.undefined, "A[^a1]. %% notekit-disable-line citation/undefined %%\nB[^b1].\n") == [2])
        #expect(try Self.lines(Self.undefined, "A[^a1].\nB[^b1]. <!--notekit-disable-line-->\n") == [1])
    }

    @Test func disableAndEnableBracketARegion() throws {
        let text = "A[^a1].\n\n<!-- notekit-disable citation/undefined -->\nB[^b1].\n<!-- notekit-enable callout/empty -->\nC[^c1].\n<!-- notekit-enable -->\nD[^d1].\n"
        #expect(try Self.lines(Self.undefined, text) == [1, 8])
    }

    @Test func disableFileCoversTheWholeNoteFromAnywhere() throws {
        let text = "A[^a1].\n\nB[^b1].\n\n<!-- notekit-disable-file citation/undefined -->\n"
        #expect(try Self.lines(Self.undefined, text).isEmpty)
        // Other rules still report: the note has no front matter.
        #expect(try Self.lines("frontmatter/missing", text) == [1])
        #expect(try Self.findings("A[^a1].\n\n%% notekit-disable-file %%\n").isEmpty)
    }

    @Test func severalIDsSeparatedByBlanksOrCommas() throws {
        let text = "<!-- notekit-disable-next-line frontmatter/missing, citation/undefined -->\nA[^a1].\n"
        #expect(try Self.lines(Self.undefined, text) == [])
        #expect(try Self.lines(Self.undefined, "<!-- notekit-disable-next-line callout/empty,citation/undefined-->\nA[^a1].\n") == [])
    }

    @Test func yamlCommentsSuppressFrontMatterFindings() throws {
        let text = "---\ntitle: A note\nbanner_image: # notekit-disable-line frontmatter/empty-value\nlede:\n---\nText.\n"
        #expect(try Self.lines("frontmatter/empty-value", text) == [4])
        let file = "---\n# notekit-disable-file frontmatter/empty-value\nbanner_image:\n---\nA[^a1].\n"
        #expect(try Self.lines("frontmatter/empty-value", file).isEmpty)
        #expect(try Self.lines(Self.undefined, file) == [5])
        // A `#` inside a value is not a comment.
        #expect(try Self.lines("frontmatter/empty-value", "---\nlede:\ntitle: a#notekit-disable-file\n---\n") == [2])
    }

    @Test func crlfLineEndsEndADirective() throws {
        let text = "---\r\nlede: # notekit-disable-line frontmatter/empty-value\r\n---\r\nA[^a1]. %% notekit-disable-line citation/undefined %%\r\n"
        let found = try Self.findings(text)
        #expect(!found.contains { ["frontmatter/empty-value", Self.undefined, "suppression/unknown-rule"].contains($0.ruleID) })
        let bare = try Self.findings("---\r\nlede:\r\n---\r\nA[^a1].\r\n").map(\.ruleID)
        #expect(bare.contains("frontmatter/empty-value") && bare.contains(Self.undefined))
    }

    @Test func directivesInCodeOrPlainTextAreIgnored() throws {
        #expect(try Self.lines(Self.undefined, "```\n<!-- notekit-disable-file -->\n```\n\nA[^a1].\n") == [5])
        #expect(try Self.lines(Self.undefined, "`<!-- notekit-disable-file -->` A[^a1].\n") == [1])
        #expect(try Self.lines(Self.undefined, "notekit-disable-file citation/undefined\n\nA[^a1].\n") == [3])
        #expect(try Self.lines(Self.undefined, "<!-- notekit-disablefile -->\n\nA[^a1].\n") == [3])
    }

    @Test func unknownRuleIDsAreFindingsWithASuggestion() throws {
        let found = try Self.findings("<!-- notekit-disable-next-line citation/undefind -->\nA[^a1].\n")
        let unknown = try #require(found.first { $0.ruleID == "suppression/unknown-rule" })
        #expect(unknown.message == "unknown rule 'citation/undefind' in notekit-disable-next-line (did you mean 'citation/undefined'?)")
        #expect(unknown.range.start.column == 32)
        // The misspelt id suppresses nothing.
        #expect(found.contains { $0.ruleID == Self.undefined && $0.range.start.line == 2 })
    }

    /// Many directives on one line, and many comments, are read in linear time.
    @Test func manyDirectivesOnOneLineAreReadQuickly() throws {
        let count = 100_000
        let line = String(repeating: "<!-- notekit-disable-line citation/undefined ", count: count) + "\n"
        let comments = String(repeating: "%% notekit-disable-file %% ", count: count) + "\n"
        for text in [line, comments] {
            let note = try NoteParser().parse(bytes: Array(text.utf8), path: "note.md")
            let started = Date()
            let suppressions = Suppressions(note: note)
            #expect(suppressions.directives.count == count)
            // About a second in a debug build; reading them in quadratic time takes hours.
            #expect(Date().timeIntervalSince(started) < 30, "quadratic reading of directives")
        }
    }

    @Test func misspeltDirectivesAreFindingsWithASuggestion() throws {
        let found = try Self.findings("<!-- notekit-disable-nextline citation/undefined -->\nA[^a1].\n<!-- notekit-notes: a remark -->\n")
        #expect(found.filter { $0.ruleID == "suppression/unknown-directive" }.map(\.message)
                == ["unknown directive 'notekit-disable-nextline' (did you mean 'notekit-disable-next-line'?)"])
        #expect(found.contains { $0.ruleID == Self.undefined && $0.range.start.line == 2 })
    }

    @Test func unusedSuppressionsAreOffByDefault() throws {
        let text = "<!-- notekit-disable-next-line citation/undefined -->\nFine.\n"
        #expect(try Self.lines("suppression/unused", text).isEmpty)
        let found = try Self.findings(text, levels: ["suppression/unused": .error])
        let unused = try #require(found.first { $0.ruleID == "suppression/unused" })
        #expect(unused.message == "notekit-disable-next-line citation/undefined suppresses nothing")
        #expect(unused.severity == .error)
    }

    @Test func unusedCountsEachIDAndRulesTurnedOff() throws {
        let on: [String: Configuration.Level] = ["suppression/unused": .warning]
        let used = "<!-- notekit-disable-next-line citation/undefined callout/empty -->\nA[^a1].\n"
        #expect(try Self.findings(used, levels: on).filter { $0.ruleID == "suppression/unused" }.map(\.message)
                == ["notekit-disable-next-line callout/empty suppresses nothing"])
        // A rule turned off finds nothing to suppress.
        #expect(try Self.lines("suppression/unused", used, levels: on.merging([Self.undefined: .off]) { $1 }) == [1, 1])
        // Used blanket and range suppressions are not reported; an enable never is.
        let region = "<!-- notekit-disable -->\nA[^a1].\n<!-- notekit-enable -->\n"
        #expect(try Self.lines("suppression/unused", region, levels: on).isEmpty)
        // Findings of vault rules count too.
        let link = "---\ntitle: T\n---\n<!-- notekit-disable-next-line link/unresolved-wikilink -->\n[[Nowhere]]\n"
        #expect(try Self.findings(link, levels: on).isEmpty)
    }
}
