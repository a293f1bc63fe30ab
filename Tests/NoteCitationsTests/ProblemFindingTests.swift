import NoteCitations
import NoteParser
import Testing

/// One finding model: a citation problem, a parse diagnostic and an unreadable note each give
/// one `Finding` with their own path, place, message and severity.
@Suite struct ProblemFindingTests {
    @Test func aCitationProblemsSeverityOverridesTheRulesDefault() throws {
        let note = try NoteParser().parse(bytes: Array("[^a]: [A](https://a.example/)\n[^a]: [B](https://b.example/)\n".utf8), path: "n.md")
        let scan = NoteCitationScan(note: note, displayPath: "n.md")
        let duplicate = try #require(scan.problems.first { $0.kind == .duplicateDefinition })
        #expect(duplicate.severity == .error)
        let finding = duplicate.finding(ruleID: duplicate.kind.rawValue, defaultSeverity: .warning)
        #expect(finding == Finding(path: "n.md", range: duplicate.range, ruleID: "citation/duplicate-definition", severity: .error,
                                   message: duplicate.message))
        let plain = CitationProblem(kind: .unused, path: "n.md", range: duplicate.range, message: "m")
        #expect(plain.finding(ruleID: "citation/unused", defaultSeverity: .warning).severity == .warning)
    }

    @Test func aDiagnosticAndAnUnreadableNoteAreFindings() throws {
        let note = try NoteParser().parse(bytes: Array("---\ntitle: [unclosed\n---\nText.\n".utf8), path: "y.md")
        let diagnostic = try #require(note.diagnostics.first)
        let finding = diagnostic.finding(path: note.path, ruleID: "frontmatter/invalid-yaml", severity: .error)
        #expect(finding.range == diagnostic.range && finding.message == diagnostic.message && finding.path == "y.md")
        let position = SourcePosition(line: 2, column: 3, offset: 7)
        let error = NoteError(path: "z.md", code: .invalidUTF8, message: "invalid UTF-8", position: position)
        #expect(error.finding(ruleID: "file/invalid-utf8") == Finding(path: "z.md", range: SourceRange(start: position, end: position),
                                                                      ruleID: "file/invalid-utf8", severity: .error, message: "invalid UTF-8"))
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        #expect(NoteError(path: "z.md", code: .unreadable, message: "gone").finding(ruleID: "file/unreadable").range == SourceRange(start: start, end: start))
    }
}
