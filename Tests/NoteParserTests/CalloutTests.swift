import Testing
@testable import NoteParser

@Suite struct CalloutTests {
    @Test func headerFieldsAndBody() throws {
        let note = try Fixture.note("> [!LLM_Response]- Tide tables\n> first line\n> second line\n")
        let callout = try #require(note.callouts.first)
        #expect(callout.type == "LLM_Response")
        #expect(callout.normalizedType == "llm-response")
        #expect(callout.fold == .collapsed)
        #expect(callout.title == "Tide tables")
        #expect(callout.bodyLines == ["first line", "second line"])
        #expect(note.text(callout.bodyRange) == "> first line\n> second line")
        #expect(note.text(callout.typeRange) == "[!LLM_Response]")
        #expect(callout.depth == 0)
    }

    @Test func expandedFoldEmptyAndNested() throws {
        let note = try Fixture.note("> [!note]+\n> > [!tip] Inner\n> > inner body\n\n> [!warning]\n")
        #expect(note.callouts.map(\.normalizedType) == ["note", "tip", "warning"])
        #expect(note.callouts.map(\.depth) == [0, 1, 0])
        #expect(note.callouts[0].fold == .expanded)
        #expect(note.callouts[0].title.isEmpty)
        #expect(note.callouts[2].isEmpty)
    }

    @Test func lazyContinuationBelongsToTheCallout() throws {
        let note = try Fixture.note("> [!note] Lazy\n> quoted\nnot quoted\n")
        #expect(note.callouts.first?.bodyLines == ["quoted", "not quoted"])
    }

    /// The header as the scanner reads it (`[!` tested on bytes first, `]` found by
    /// `firstCloseBracket`) against a reading on characters only, on generated block quotes:
    /// marks after `!` and `]`, characters joined before `]`, brackets in the title, CRLF, nesting.
    @Test func headersAgreeWithACharacterReading() throws {
        let openers = ["[!", "[!\u{301}", "[", "![", "[ !", "", "\u{301}[!"]
        let types = ["note", "Tip", "LLM Response", "", "ü", "a[b"]
        let closers = ["]", "]\u{301}", "\u{600}]", "\u{200D}]", "", "]]"]
        let rests = ["", "+", "-", " Title", "- Title ] more", " ü ] x", "\r"]
        for prefix in ["> ", "> > "] {
            for opener in openers {
                for type in types {
                    for closer in closers {
                        for rest in rests {
                            let note = try Fixture.note(prefix + opener + type + closer + rest + "\n> body\n")
                            let got = note.callouts.map { [$0.type, $0.fold.rawValue, $0.title, note.text($0.typeRange)] }
                            #expect(got == characterReading(note), "\(prefix + opener + type + closer + rest)")
                        }
                    }
                }
            }
        }
    }

    /// The headers of the note's block quotes read on characters: type, fold, title, type range.
    private func characterReading(_ note: Note) -> [[String]] {
        var headers: [[String]] = []
        let source = note.source
        note.body.forEach(where: { $0 == .blockQuote }) { node in
            guard let range = node.range else { return }
            let line = range.start.line
            let markerOffset = CalloutScanner.unquotedStart(in: source.bytes, from: range.start.offset, to: source.lineEnd(line))
            let text = source.string(markerOffset..<source.lineEnd(line))
            guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return }
            let type = String(text[text.index(text.startIndex, offsetBy: 2)..<close])
            guard !type.isEmpty, !type.utf8.contains(Byte.openBracket) else { return }
            var rest = text[text.index(after: close)...]
            var fold = Callout.Fold.none
            if let marker = rest.first, marker == "+" || marker == "-" {
                fold = marker == "+" ? .expanded : .collapsed
                rest = rest.dropFirst()
            }
            headers.append([type, fold.rawValue, rest.trimmed(), source.string(markerOffset..<(markerOffset + type.utf8.count + 3))])
        }
        return headers
    }

    @Test func plainBlockQuoteIsNoCallout() throws {
        let note = try Fixture.note("> just a quote [!note]\n")
        #expect(note.callouts.isEmpty)
    }
}
