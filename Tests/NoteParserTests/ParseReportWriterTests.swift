import Foundation
import Testing
@testable import NoteParser

/// `ParseReportWriter` and `PrettyJSON.note` write what Foundation's `JSONEncoder` writes from
/// the model's `Encodable` conformances, byte for byte, so that the two cannot drift.
@Suite struct ParseReportWriterTests {
    /// The encoder's document: what `notekit parse --format json` wrote through `JSONEncoder`.
    struct Report: Encodable {
        struct FileError: Encodable {
            let path: String, line: Int, column: Int, code: String, message: String
        }

        let version = 1
        let notes: [Note]
        let errors: [FileError]
    }

    static func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Notes that reach every key and every optional of the model.
    static let fixtures: [String] = [
        "",
        "plain text\n",
        """
        ---
        title: "Quoted \\t title"
        'single': it's
        date_created: 2025-02-03
        updated: 2025-09-17T17:43:58.385Z
        bad_date: 2025-02-30
        count: 12
        ratio: 1.50
        big: 1e999
        small: -1e999
        nan: .nan
        hex: 0x1F
        sixty: 1:20
        tiny: 1e-7
        huge: 12345678901234567890
        flag: yes
        nothing: ~
        empty:
        tags: [a, "b c", 3]
        aliases:
          - one
          - two
        nested: {b: 1, a: [x, {z: 2, y: null}], "A": é, "a/b": c}
        folded: >
          two
          lines
        literal: |
          kept
        &anchor keyed: &value v
        alias: *value
        ? explicit
        : value
        title: again
        ---
        ---
        second: block
        ---
        # Heading with **strong** text
        Setext
        ======
        ## Citations
        ***
        - - -
        ___
        > [!note]+ A title
        > body line
        > > [!warning]- nested
        > > inner
        > [!tip]
        > [!Perplexity_Query] x
        > **Perplexity Query** (2025-09-14T10:00:00Z)
        > What is it?
        > **Model:** sonar-pro
        > **Image References:**
        > ![img](https://example.com/i.png)

        The response[^src1] and[^missing] and [^src1].

        | a | b [^tab] | [[Note\\|alias]] |
        | - | - |  - |
        | 1 | 2 | 3 |

        [[Note]] ![[Embed.png]] [[Other#Heading|Alias]] [[#Local]] [link](https://example.com/a "t") ![image](i.png)
        <https://example.com/auto> and [4] and [1, 2] and [99].
        https://example.com/bare

        %%a comment
        over lines%% and `code [^x] [[y]]`

        ```
        [^in-code]
        ```

        [^src1]: 2025, Sep 14. [Alpha](https://example.com/alpha). Published: 2025-03-17 | Updated: 2025-09
        [^src1]: duplicate
        [^tab]: "Title." Retrieved from https://example.com/r
        [^unused] missing colon Published: N/A | Updated: someday
        [^x6ezn4]6ezn4]: corrupted https://example.com/c
        [4]: https://example.com/four
        [1]: Free text without a URL
        [2]: 2024. [Two](https://example.com/2)
        """,
        "---\ntitle: [unclosed\n---\nbody\n",
        "---\n{title: Flow, tags: [a, b]}\n---\n",
        "---\n? [a]: b\n: c\nkey: value\n---\n",
        "---\nunterminated: yes\nbody\n",
        "---\na: &x [*x]\nb: \"ctl \\u0001 \\u007f \\\" \\\\ / \\b \\f \\r\"\n---\n",
        "\r\nCRLF\r\nlines\rbare CR\r\n" + String(repeating: ">", count: 300) + " deep\n",
        "- [ ] task ~~struck~~ www.example.com\n\u{2028}\u{FEFF}😀 é\n",
        """
        > [!info] **Perplexity Query** (2025-05-12T14:03:27.512Z)
        > **Question:**
        > Why?
        >
        > **Model:** sonar-pro
        > **Image References:**
        > ![a](https://example.com/a.png)

        The answer[^1].

        > [!note] **Claude Query**
        > No model, no timestamp.

        ---

        [^1]: 2025, Sep 14. [T](https://example.com/t). Published: 2025-13-40 | Updated: 2025
        """,
    ]

    /// Keys and values that only some notes have: the fixtures must reach them for the comparison to mean anything.
    static let optionalKeys = ["prefixDate", "published", "updated", "notAvailable", "unreadable", "_0", "day", "month",
                               "imageReferencesRange", "timestamp", "model", "responseRange", "alias", "heading",
                               ".nan", "-.inf", "nestingLimit", "invalidYAML", "missingColon",
                               "corruptedLabel", "unterminatedFrontMatter"]

    static func notes() throws -> [Note] {
        var notes = try Self.fixtures.enumerated().map { try Fixture.note($1, path: "fixtures/\($0) \"q\".md") }
        notes += NoteParser().parse(files: NoteFiles.collect([Fixture.vault]).files).compactMap { try? $0.get() }
        return notes
    }

    @Test func eachNoteMatchesTheEncoder() throws {
        let notes = try Self.notes()
        #expect(notes.count > Self.fixtures.count, "the example vault parsed")
        var all = ""
        for note in notes {
            var json = PrettyJSON()
            json.note(note)
            #expect(json.text == (try Self.encoded(note)), "\(note.path)")
            all += json.text
        }
        for key in Self.optionalKeys {
            #expect(all.contains("\"\(key)\""), "no fixture writes \(key)")
        }
    }

    @Test func theDocumentMatchesTheEncoder() throws {
        let notes = try Self.notes()
        let errors = [NoteError(path: "missing.md", code: .unreadable, message: "cannot read file: No such file"),
                      NoteError(path: "bad\tname.md", code: .invalidUTF8, message: "invalid UTF-8",
                                position: SourcePosition(line: 3, column: 7, offset: 20))]
        let report = Report(notes: notes, errors: errors.map {
            .init(path: $0.path, line: $0.position?.line ?? 1, column: $0.position?.column ?? 1, code: $0.code.rawValue, message: $0.message)
        })
        for (notes, errors) in [(notes, errors), ([], []), (Array(notes.prefix(1)), [])] {
            var writer = ParseReportWriter(errors: errors)
            var bytes = writer.takeBytes()
            for note in notes {
                writer.append(ParseReportWriter.object(of: note))
                bytes += writer.takeBytes()
            }
            writer.finish()
            bytes += writer.takeBytes()
            let expected = try Self.encoded(Report(notes: notes, errors: errors.isEmpty ? [] : report.errors))
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }
}
