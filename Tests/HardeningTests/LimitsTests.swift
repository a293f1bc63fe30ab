@testable import NoteLint
import NoteLintReporters
import NoteParser
import Testing

/// The `limits:` of `.notekit.yml`: a file over one is reported once, at a location, under a
/// `file/*` rule id, and skipped; the other files are still linted.
@Suite struct LimitsTests {
    /// Lints `note` (as `big.md`) and a note with one undefined citation (`other.md`) under
    /// `limits`, with `frontmatter/missing` off.
    static func report(_ note: String, limits: String) throws -> LintReport {
        let config = try ConfigurationLoader.parse("rules: {frontmatter/missing: off}\nlimits: {\(limits)}\n")
        let inputs = [Linter.Input(path: "big.md", bytes: Array(note.utf8)), Linter.Input(path: "other.md", bytes: Array("Text[^x].\n".utf8))]
        return LintReport(Linter().lint(inputs, configuration: { _ in config }))
    }

    static func findings(_ report: LintReport, _ path: String) -> [String] {
        report.findings.filter { $0.path == path }
            .map { "\($0.range.start.line):\($0.range.start.column) \($0.severity) \($0.ruleID) \($0.message)" }
    }

    @Test func fileSize() throws {
        let report = try Self.report(String(repeating: "tide\n", count: 40), limits: "maxFileBytes: 100")
        #expect(Self.findings(report, "big.md") == [
            "1:1 error file/too-large file is 200 bytes, over the limit of 100; file skipped (limits.maxFileBytes in .notekit.yml)",
        ])
        #expect(Self.findings(report, "other.md") == ["1:5 error citation/undefined citation [^x] has no definition"])
    }

    @Test func yamlAliasExpansion() throws {
        let note = "---\ntitle: T\nlist: &l [a, b, c, d, e, f]\ncopy: [*l, *l]\n---\nText.\n"
        let report = try Self.report(note, limits: "maxYAMLNodes: 8")
        #expect(Self.findings(report, "big.md") == [
            "2:1 error file/yaml-limit YAML expands to more than 8 values (alias bomb?); file skipped (limits.maxYAMLNodes or maxYAMLDepth in .notekit.yml)",
        ])
        #expect(Self.findings(try Self.report(note, limits: "maxYAMLNodes: 40"), "big.md").isEmpty)
    }

    @Test func yamlDepth() throws {
        let report = try Self.report("---\ntitle: T\ndeep: [[[[x]]]]\n---\nText.\n", limits: "maxYAMLDepth: 3")
        #expect(Self.findings(report, "big.md").map { $0.prefix(28) } == ["2:1 error file/yaml-limit YA"])
        #expect(report.findings.first { $0.path == "big.md" }?.message.contains("nested deeper than 3 levels") == true)
        #expect(Self.findings(report, "other.md").count == 1)
    }

    @Test func markdownDepth() throws {
        let report = try Self.report("Intro.\n\n> > > > > deep[^x]\n", limits: "maxMarkdownDepth: 3")
        #expect(Self.findings(report, "big.md") == [
            "3:5 error file/too-deep Markdown nested deeper than 3 levels; inner content not analysed; file skipped (limits.maxMarkdownDepth in .notekit.yml)",
        ])
        #expect(Self.findings(report, "other.md").count == 1)
    }

    @Test func ignoredNotesOverALimitAreNotReported() throws {
        let config = try ConfigurationLoader.parse("ignore: [big.md]\nlimits: {maxMarkdownDepth: 3}\n")
        let result = Linter().lint([Linter.Input(path: "big.md", bytes: Array("> > > > > deep\n".utf8))], configuration: { _ in config })
        #expect(result.errors.isEmpty && result.findings.isEmpty && result.notesLinted == 0)
    }

    @Test func findingsPerFileAreCappedWithOneSummary() throws {
        let note = "A[^a] b[^b] c[^c] d[^d] e[^e].\n"
        let report = try Self.report(note, limits: "maxFindingsPerFile: 2")
        #expect(Self.findings(report, "big.md") == [
            "1:1 error file/too-many-findings 3 more findings not shown (limits.maxFindingsPerFile is 2)",
            "1:2 error citation/undefined citation [^a] has no definition",
            "1:8 error citation/undefined citation [^b] has no definition",
        ])
        #expect(report.errorCount == 4)
        #expect(Self.findings(report, "other.md").count == 1)
    }

    @Test func defaultCapIsOneThousand() throws {
        let note = (0..<1_005).map { "Claim[^n\($0)]." }.joined(separator: "\n") + "\n"
        let report = try Self.report(note, limits: "")
        let big = report.findings.filter { $0.path == "big.md" }
        #expect(big.count == 1_001)
        #expect(big.first?.message == "5 more findings not shown (limits.maxFindingsPerFile is 1000)")
    }

    @Test func summaryIsAsSevereAsTheMostSevereHiddenFinding() {
        let at = SourceRange(start: SourcePosition(line: 2, column: 1, offset: 5), end: SourcePosition(line: 2, column: 1, offset: 5))
        let findings = [Severity.warning, .warning, .error].map { Finding(path: "a.md", range: at, ruleID: "x", severity: $0, message: "m") }
        let capped = Linter.capped(findings) { _ in 1 }
        #expect(capped.map(\.ruleID) == [FileRule.tooManyFindings, "x"])
        #expect(capped.map(\.severity) == [.error, .warning])
        #expect(capped.first?.range.start.offset == 0)
        #expect(capped.first?.message == "2 more findings not shown (limits.maxFindingsPerFile is 1)")
    }

    @Test func configurationErrorsNameTheKey() {
        for (text, message) in [
            ("limits:\n  maxFileByte: 10\n", ".notekit.yml:2:3: error: unknown key 'maxFileByte' under limits (did you mean 'maxFileBytes'?)"),
            ("limits:\n  maxYAMLDepth: -1\n", ".notekit.yml:2:17: error: limits.maxYAMLDepth must be a positive whole number"),
            ("limits:\n  maxFindingsPerFile: many\n", ".notekit.yml:2:23: error: limits.maxFindingsPerFile must be a positive whole number"),
        ] {
            do {
                _ = try ConfigurationLoader.parse(text)
                Issue.record("accepted: \(text)")
            } catch {
                #expect(String(describing: error) == message)
            }
        }
    }

    @Test func everyKeyIsRead() throws {
        let config = try ConfigurationLoader.parse("""
            limits:
              maxFileBytes: 1
              maxYAMLNodes: 2
              maxYAMLDepth: 3
              maxMarkdownDepth: 4
              maxFindingsPerFile: 5
            """)
        let limits = config.limits
        #expect([limits.parser.maxFileBytes, limits.parser.maxYAMLNodes, limits.parser.maxYAMLDepth,
                 limits.parser.maxMarkdownDepth, limits.maxFindingsPerFile] == [1, 2, 3, 4, 5])
    }
}
