import Testing
@testable import NoteParser

@Suite struct FrontMatterTests {
    static let typed = """
    ---
    title: 'Tidal Memory'
    date_created: 2025-03-04
    updated: 2025-03-04T10:20:30Z
    count: 42
    draft: false
    empty:
    tags:
      - Ocean-Sensing
      - Tides
    authors: [Ana Ruiz, Bo Lin]
    meta: {source: field}
    lede: "Quoted"
    ---
    Body

    """

    @Test func entriesCarryKeyAndValueRanges() throws {
        let frontMatter = try #require(try Fixture.note(Self.typed).frontMatter)
        let title = try #require(frontMatter.entry("title"))
        #expect(title.keyRange == SourceRange(start: .init(line: 2, column: 1, offset: 4), end: .init(line: 2, column: 6, offset: 9)))
        #expect(title.valueRange.start == SourcePosition(line: 2, column: 8, offset: 11))
        #expect(title.valueRange.end == SourcePosition(line: 2, column: 22, offset: 25))
        let tags = try #require(frontMatter.entry("tags"))
        #expect(tags.range.start.line == 8 && tags.range.end.line == 10)
        #expect(frontMatter.closingDelimiter?.start.line == 14)
        #expect(frontMatter.entries.count == 10)
    }

    @Test func columnsCountUTF8Bytes() throws {
        let frontMatter = try #require(try Fixture.note("---\ncafé: x\n---\n").frontMatter)
        #expect(frontMatter.entry("café")?.valueRange.start.column == 8)
    }

    @Test func valuesAreTyped() throws {
        let frontMatter = try #require(try Fixture.note(Self.typed).frontMatter)
        #expect(frontMatter.value("title") == .string("Tidal Memory"))
        #expect(frontMatter.value("date_created") == .date("2025-03-04"))
        #expect(frontMatter.value("updated") == .datetime("2025-03-04T10:20:30Z"))
        #expect(frontMatter.value("count") == .number(42))
        #expect(frontMatter.value("draft") == .bool(false))
        #expect(frontMatter.value("empty") == .null)
        #expect(frontMatter.value("tags") == .list([.string("Ocean-Sensing"), .string("Tides")]))
        #expect(frontMatter.value("meta") == .map([YAMLPair(key: "source", value: .string("field"))]))
    }

    @Test func stylesAreReported() throws {
        let frontMatter = try #require(try Fixture.note(Self.typed).frontMatter)
        let styles = Dictionary(uniqueKeysWithValues: frontMatter.entries.map { ($0.key, $0.style) })
        #expect(styles["title"] == .singleQuoted)
        #expect(styles["lede"] == .doubleQuoted)
        #expect(styles["count"] == .plain)
        #expect(styles["tags"] == .block)
        #expect(styles["authors"] == .flow)
        #expect(styles["meta"] == .flow)
    }

    @Test func anchoredFlowListIsFlow() throws {
        let frontMatter = try #require(try Fixture.note("---\na: &shared [1, 2]\nb: *shared\n---\n").frontMatter)
        #expect(frontMatter.entry("a")?.style == .flow)
        #expect(frontMatter.value("b") == .list([.number(1), .number(2)]))
    }

    @Test func duplicateKeysAreDetected() throws {
        let note = try Fixture.note("---\ntitle: One\nstatus: Draft\ntitle: Two\n---\n")
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.duplicateKeys.map(\.key) == ["title"])
        #expect(frontMatter.duplicateKeys.first?.entries.map(\.keyRange.start.line) == [2, 4])
        #expect(frontMatter.value("title") == .string("Two"))
        // A repeated top-level key is a duplicate, not a YAML error, so fixes may edit it.
        #expect(frontMatter.error == nil && note.diagnostics.isEmpty)
        #expect(frontMatter.entries.allSatisfy { $0.value != nil && $0.error == nil })
    }

    @Test func nestedDuplicateKeysAreYAMLErrors() throws {
        let note = try Fixture.note("---\ntitle: One\nmeta:\n  a: 1\n  a: 2\n---\n")
        #expect(note.frontMatter?.duplicateKeys.isEmpty == true)
        #expect(note.diagnostics.map(\.code) == [.invalidYAML])
        #expect(note.diagnostics.first?.range.start.line == 5, "at the repeated key")
    }

    @Test func impossibleDatesStayStrings() throws {
        let frontMatter = try #require(try Fixture.note("---\na: 2025-02-30\nb: 2024-02-29\n---\n").frontMatter)
        #expect(frontMatter.value("a") == .string("2025-02-30"))
        #expect(frontMatter.value("b") == .date("2024-02-29"))
    }

    @Test func unquotedTemplateIsAMapKeyedByAMapAndAFinding() throws {
        let note = try Fixture.note("---\ntitle: A\nsite_uuid: {{uuid}}\n---\n")
        let frontMatter = try #require(note.frontMatter)
        let entry = try #require(frontMatter.entry("site_uuid"))
        #expect(entry.value == nil)
        #expect(entry.raw == "site_uuid: {{uuid}}")
        #expect(entry.error?.code == .invalidYAML)
        #expect(entry.error?.range.start == SourcePosition(line: 3, column: 13, offset: 25))
        #expect(frontMatter.value("title") == .string("A"))
        #expect(note.diagnostics.map(\.code) == [.invalidYAML])
    }

    @Test func lineSeparatorStaysInsidePlainScalar() throws {
        let note = try Fixture.note("---\nlede: one\u{2028}two\nstatus: Draft\n---\n")
        let frontMatter = try #require(note.frontMatter)
        #expect(frontMatter.error == nil)
        #expect(frontMatter.value("lede") == .string("one\u{2028}two"))
        #expect(frontMatter.entry("status")?.keyRange.start.line == 3)
    }

    @Test func urlWithSpaceAfterSchemeBecomesAKey() throws {
        let frontMatter = try #require(try Fixture.note("---\nhttps: //example.org/page\n---\n").frontMatter)
        #expect(frontMatter.entries.map(\.key) == ["https"])
        #expect(frontMatter.value("https") == .string("//example.org/page"))
    }

    @Test func quotedBracketsAreAStringDate() throws {
        let entry = try #require(try Fixture.note("---\ndate_modified: \"[]\"\n---\n").frontMatter?.entry("date_modified"))
        #expect(entry.value == .string("[]"))
        #expect(entry.style == .doubleQuoted)
    }

    @Test func secondBlockIsFound() throws {
        let note = try Fixture.note("---\ntitle: A\n---\n\n---\nstatus: Draft\n---\nBody\n")
        let second = try #require(note.frontMatter?.secondBlock)
        #expect(second.start.line == 5 && second.end.line == 7)
        #expect(note.bodyStartLine == 4)
    }

    @Test func noFrontMatter() throws {
        let note = try Fixture.note("# Title\n\n---\ntitle: not front matter\n---\n")
        #expect(note.frontMatter == nil)
        #expect(note.bodyStartLine == 1)
    }

    @Test func unterminatedFrontMatterIsADiagnostic() throws {
        let note = try Fixture.note("---\ntitle: Open\n\nText that never closes.\n")
        #expect(note.frontMatter?.closingDelimiter == nil)
        #expect(note.diagnostics.map(\.code) == [.unterminatedFrontMatter])
        #expect(note.diagnostics.first?.range.start.line == 1)
    }

    @Test func invalidYAMLIsLocatedInTheFile() throws {
        let note = try Fixture.note("---\ntitle: ok\nbad: a: b\n---\n")
        let error = try #require(note.frontMatter?.error)
        #expect(error.code == .invalidYAML)
        #expect(error.range.start.line == 3 && error.range.start.column == 7)
        #expect(note.frontMatter?.value("title") == .string("ok"))
        #expect(note.frontMatter?.entry("bad")?.error?.range.start.line == 3)
    }

    @Test func invalidYAMLColumnIsInBytes() throws {
        let note = try Fixture.note("---\ntïtle: a: b\n---\n")
        #expect(note.diagnostics.first?.range.start.column == 10)
    }
}
