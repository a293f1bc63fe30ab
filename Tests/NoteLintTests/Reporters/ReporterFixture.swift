import NoteLint
import NoteLintReporters
import NoteParser

/// A small synthetic lint run: a multibyte note with an error, a note with a fixable
/// warning whose message and path need escaping, a clean note and an unreadable file.
enum ReporterFixture {
    static let cited = note("notes/a.md", "---\ntitle: Ünïcødé\n---\n日本 claim,[^zz9999] more.\n")
    static let odd = note("notes/b, c.md", "Text: 100% \"odd\" <ok> & done\n")
    static let clean = note("notes/clean.md", "---\ntitle: Clean\n---\nFine.\n")

    static var report: LintReport {
        let citation = Array("[^zz9999]".utf8)
        let start = cited.source.bytes.firstRange(of: citation)!.lowerBound
        let findings = [
            Finding(path: odd.path, range: odd.source.range(0..<0), ruleID: "frontmatter/missing", severity: .warning,
                    message: "no <front> matter: add 100%, \"now\" & go\r\nagain", fix: Fix("add front matter", edits: [Edit(range: 0..<0, replacement: "---\n---\n")])),
            Finding(path: cited.path, range: cited.source.range(start..<start + citation.count), ruleID: "citation/undefined",
                    severity: .error, message: "citation [^zz9999] has no definition"),
        ]
        let unreadable = NoteError(path: "notes/bad.md", code: .invalidUTF8, message: "not valid UTF-8",
                                   position: SourcePosition(line: 2, column: 3, offset: 7))
        return LintReport(notes: [cited, odd, clean], findings: findings, errors: [unreadable])
    }

    private static func note(_ path: String, _ text: String) -> Note {
        try! NoteParser().parse(bytes: Array(text.utf8), path: path)
    }
}
