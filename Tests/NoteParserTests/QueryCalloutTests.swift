import Testing
@testable import NoteParser

@Suite struct QueryCalloutTests {
    static func query(_ header: String, model: String? = "sonar-pro", response: String = "The answer.\n") -> String {
        var text = "> [!info] \(header)\n> **Question:**\n> Why do tides lag the moon?\n> \n"
        if let model { text += "> **Model:** \(model)\n> \n" }
        return text + "\n" + response
    }

    @Test func perplexityQuery() throws {
        let note = try Fixture.note(Self.query("**Perplexity Query** (2025-09-17T17:43:58.385Z)",
                                               response: "Tides lag.\n\n***\nAfter the rule.\n"))
        let query = try #require(note.queryCallouts.first)
        #expect(query.provider == "Perplexity")
        #expect(query.timestamp == "2025-09-17T17:43:58.385Z")
        #expect(query.question == "Why do tides lag the moon?")
        #expect(query.model == "sonar-pro")
        #expect(note.text(query.headerRange) == "**Perplexity Query** (2025-09-17T17:43:58.385Z)")
        #expect(note.text(query.responseRange) == "Tides lag.")
    }

    @Test(arguments: [("**Perplexity Deep Research Query** (2025-10-02T15:07:38.012Z)", "Perplexity Deep Research"),
                      ("**Claude Query** (2025-01-01T00:00:00Z)", "Claude"),
                      // A match starts at a `**`, not necessarily the first one.
                      ("**Note:** ** **Gemini Query** (2025-02-02T00:00:00Z)", "Gemini"),
                      ("***Mistral Query** (2025-03-03T00:00:00Z)", "Mistral")])
    func otherProviders(header: String, provider: String) throws {
        let query = try #require(try Fixture.note(Self.query(header)).queryCallouts.first)
        #expect(query.provider == provider)
    }

    @Test func headerUnderAnotherCalloutType() throws {
        let note = try Fixture.note("> [!LLM-Response]\n> **Perplexity Query** (2025-05-05T05:05:05Z)\n> **Question:**\n> Why?\n")
        let query = try #require(note.queryCallouts.first)
        #expect(query.callout.normalizedType == "llm-response")
        #expect(query.question == "Why?")
        #expect(query.model == nil)
    }

    @Test func responseFromLineGivesModelAndStartsResponse() throws {
        let text = Self.query("**Perplexity Query** (2024-11-02T08:00:00Z)", model: nil,
                              response: "### **Response from sonar-pro**:\nOld style answer.\n")
        let note = try Fixture.note(text)
        let query = try #require(note.queryCallouts.first)
        #expect(query.model == "sonar-pro")
        #expect(note.text(query.responseRange) == "Old style answer.")
    }

    @Test func imageReferencesBlock() throws {
        let text = "> [!info] **Perplexity Query** (2025-09-17T10:00:00Z)\n> **Question:**\n> Draw tides.\n> \n"
            + "> **Image References:**\n> Include a chart.\n> **Model:** sonar-pro\n"
        let query = try #require(try Fixture.note(text).queryCallouts.first)
        #expect(query.imageReferencesRange?.start.line == 5)
        #expect(query.question == "Draw tides.")
        #expect(query.model == "sonar-pro")
    }

    @Test func responseStopsAtNextQueryAndCitations() throws {
        let first = Self.query("**Perplexity Query** (2025-01-01T00:00:00Z)", response: "First answer.\n\n")
        let second = Self.query("**Claude Query** (2025-01-02T00:00:00Z)", response: "Second answer.\n\n### Citations\n\n[^a1]: x\n")
        let note = try Fixture.note(first + second)
        #expect(note.queryCallouts.map { note.text($0.responseRange) } == ["First answer.", "Second answer."])
    }
}

@Suite struct QueryHeaderMatchTests {
    /// The byte matcher of ASCII lines finds, at every `**`, what the `header` regular
    /// expression's prefix match finds: range, provider and timestamp, or nothing.
    @Test func asciiMatcherAgreesWithTheRegex() {
        var generator = SplitMix64(seed: 0x0E4E)
        // Header-like lines, each part one of a few variants, some of them breaking the header.
        let slots = [["", "[!info] ", "x", "**"], ["**"], ["", " ", "\t", "  "],
                     ["Perplexity", "Deep Research", "P", "9x", "", "a.b-c", "Q Query", "x_y", "A\tB"], ["", " ", "\t", "  "],
                     ["Query", "Q", "query", "Query Query", "Query**"], ["", " ", "\t"], ["**", "*", "", "***"], [":", "", "::"],
                     ["", " ", "\t"], ["(2025-08-28T10:24:24.288Z)", "(", "()", "(a)b)", "", ")", "(a (b)"],
                     ["", " ", "\r", " **Perplexity Query** (x)", "*"]]
        var matched = 0
        for _ in 0..<3000 {
            let line = slots.map { $0[Int(generator.next() % UInt64($0.count))] }.joined()
            let bytes = Array(line.utf8)
            for start in bytes.indices where bytes[start...].starts(with: Array("**".utf8)) {
                let index = line.utf8.index(line.startIndex, offsetBy: start)
                let expected = line[index...].prefixMatch(of: QueryCalloutScanner.header)
                let found = QueryCalloutScanner.asciiHeader(in: line, at: start)
                #expect(found?.range == expected?.range, "\(line.debugDescription) at \(start)")
                #expect(found.map { String($0.provider) } == expected.map { String($0.1) }, "\(line.debugDescription) at \(start)")
                #expect(found?.timestamp.map(String.init) == expected?.2.map(String.init), "\(line.debugDescription) at \(start)")
                if expected != nil { matched += 1 }
            }
        }
        #expect(matched > 300)
    }

    /// The byte matcher of ASCII lines finds the model the `model` regular expression's first
    /// match captures, or nothing.
    @Test func asciiModelAgreesWithTheRegex() {
        var generator = SplitMix64(seed: 0x40DE)
        let slots = [["", "x ", "**", "> ", "**Model"], ["**Model", "**model", "**Model:", "**Model::", "**Model "], ["**", "*", "", ":**"],
                     [":", "", "::"], ["", " ", "\t", "  ", "\r"], ["`", "", "``"], ["sonar-pro", "", "a b", "a`b", "x", ":", "**Model**"],
                     ["`", "", " `", "`` "], ["", " ", "\t", " x", "\u{0B}"], ["", " **Model:** y", "`", " `z`"]]
        var matched = 0
        for _ in 0..<3000 {
            let line = slots.map { $0[Int(generator.next() % UInt64($0.count))] }.joined()
            let expected = line.firstMatch(of: QueryCalloutScanner.model).map { String($0.1) }
            #expect(QueryCalloutScanner.asciiModel(in: line).map(String.init) == expected, "\(line.debugDescription)")
            if expected != nil { matched += 1 }
        }
        #expect(matched > 300)
    }

    /// The model of a `**Response from MODEL**` line found on its bytes is the one the
    /// `responseFrom` regular expression captures, or nothing; non-ASCII lines go to the regex.
    @Test func responseModelAgreesWithTheRegex() {
        var generator = SplitMix64(seed: 0x5E5F)
        let slots = [["", "#", "###", "x", " "], ["", " ", "\t", "  "], ["**Response from ", "**Response from ", "**Response from ", "**Response from", "**response from ", "*Response from ", "**Response from  "],
                     ["sonar-pro", "", "a b", "*", "é", "x\u{301}", "GPT 4o", " "], ["**", "**", "*", "", "***", "** "], [":", "", "::", " :"],
                     ["", " ", "\t", "\u{0B}", "\r", " x", "\u{A0}"]]
        var matched = 0
        for _ in 0..<4000 {
            let line = slots.map { $0[Int(generator.next() % UInt64($0.count))] }.joined()
            let expected = line.firstMatch(of: QueryCalloutScanner.responseFrom).map { String($0.1) }
            #expect(QueryCalloutScanner.responseModel(in: line).map(String.init) == expected, "\(line.debugDescription)")
            if expected != nil { matched += 1 }
        }
        #expect(matched > 80)
    }
}
