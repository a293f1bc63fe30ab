import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NoteLint
import NoteParser
@testable import NoteLintReporters
import Testing

/// Each reporter's exact output for `ReporterFixture`, and the JSON formats parsed back.
@Suite struct ReporterTests {
    let report = ReporterFixture.report

    @Test func text() {
        #expect(TextReporter().report(report) == """
            notes/a.md:4:14: error[citation/undefined] citation [^zz9999] has no definition
                日本 claim,[^zz9999] more.
                           ^~~~~~~~~
            notes/b, c.md:1:1: warning[frontmatter/missing] [*] no <front> matter: add 100%, "now" & go\r
            again
                Text: 100% "odd" <ok> & done
                ^
            notes/bad.md:2:3: error[file/unreadable] not valid UTF-8

            2 errors, 1 warning in 4 files (1 fixable)
            """)
    }

    @Test func textColorsAndCleanSummary() {
        let colored = TextReporter(colors: true).report(report)
        #expect(colored.hasPrefix("\u{1B}[1mnotes/a.md:4:14:\u{1B}[0m \u{1B}[1;31merror\u{1B}[0m\u{1B}[2m[citation/undefined]\u{1B}[0m"))
        #expect(TextReporter().report(report.filter { _ in false }) == "0 errors, 0 warnings in 4 files (0 fixable)")
    }

    @Test func unsafeFixesAreCountedApartAndNotMarked() throws {
        let note = try NoteParser().parse(bytes: Array("One.\nTwo.\n".utf8), path: "n.md")
        func finding(_ line: Int, _ applicability: Fix.Applicability) -> Finding {
            let start = note.source.lineStarts[line - 1]
            return Finding(path: "n.md", range: note.source.range(start..<start + 3), ruleID: "test/rule", severity: .warning,
                           message: "line \(line)", fix: Fix("drop it", edits: [Edit(range: start..<start + 3, replacement: "")], applicability: applicability))
        }
        let mixed = LintReport(notes: [note], findings: [finding(1, .safe), finding(2, .unsafe)])
        let text = TextReporter().report(mixed)
        #expect(text.contains("n.md:1:1: warning[test/rule] [*] line 1\n"))
        #expect(text.contains("n.md:2:1: warning[test/rule] line 2\n"))
        #expect(text.hasSuffix("0 errors, 2 warnings in 1 file (1 fixable; 1 more with --unsafe-fixes)"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().report(mixed).utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["applicability"] as? String } == ["safe", "unsafe"])
        #expect(findings.map { $0["fixable"] as? Bool } == [true, false])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["fixable"] == 1 && summary["unsafeFixable"] == 1)
    }

    @Test func caretsUseDisplayColumnsAndLongLinesAreCut() {
        let tabbed = TextReporter.excerpt("\té x", from: 5, to: 6)
        #expect(tabbed.indent == "\t  " && tabbed.width == 1)
        let long = String(repeating: "a", count: 150) + "[^x]" + String(repeating: "b", count: 150)
        let cut = TextReporter.excerpt(long, from: 151, to: 155)
        let expected: String = "…" + String(repeating: "a", count: 39) + "[^x]" + String(repeating: "b", count: 55) + "…"
        #expect(cut.source == expected)
        #expect(cut.indent.count == 40 && cut.width == 4)
    }

    /// ASCII lines are cut on bytes; what they show is what the character-by-character cut shows.
    @Test func asciiExcerptsAreCharacterExcerpts() {
        let lines = ["", "short\tline", String(repeating: "x", count: 119), String(repeating: "ab\t", count: 50),
                     String(repeating: "a", count: 30) + String(repeating: "m", count: 80) + String(repeating: "z", count: 40)]
        for line in lines {
            let bytes = Array(line.utf8)
            // Columns of the line and the one past its end, as findings give them.
            for start in stride(from: 1, through: bytes.count + 1, by: 7) {
                for end in [start, start + 1, start + 45, start + 70, bytes.count + 1] where end >= start && end <= bytes.count + 1 {
                    let ascii = TextReporter.asciiExcerpt(bytes, from: start, to: end)
                    let characters = TextReporter.characterExcerpt(bytes, from: start, to: end)
                    #expect(ascii == characters, "\(bytes.count) bytes, \(start)..<\(end)")
                }
            }
        }
    }

    @Test func json() throws {
        let text = JSONReporter().report(report)
        #expect(text == """
            {
              "files" : 4,
              "findings" : [
                {
                  "applicability" : null,
                  "column" : 14,
                  "endColumn" : 23,
                  "endLine" : 4,
                  "fixable" : false,
                  "line" : 4,
                  "message" : "citation [^zz9999] has no definition",
                  "path" : "notes/a.md",
                  "rule" : "citation/undefined",
                  "severity" : "error"
                },
                {
                  "applicability" : "safe",
                  "column" : 1,
                  "endColumn" : 1,
                  "endLine" : 1,
                  "fixable" : true,
                  "line" : 1,
                  "message" : "no <front> matter: add 100%, \\"now\\" & go\\r\\nagain",
                  "path" : "notes/b, c.md",
                  "rule" : "frontmatter/missing",
                  "severity" : "warning"
                },
                {
                  "applicability" : null,
                  "column" : 3,
                  "endColumn" : 3,
                  "endLine" : 2,
                  "fixable" : false,
                  "line" : 2,
                  "message" : "not valid UTF-8",
                  "path" : "notes/bad.md",
                  "rule" : "file/unreadable",
                  "severity" : "error"
                }
              ],
              "summary" : {
                "errors" : 2,
                "files" : 4,
                "fixable" : 1,
                "unsafeFixable" : 0,
                "warnings" : 1
              },
              "version" : 1
            }
            """)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "files", "findings", "summary"])
        let findings = try #require(object["findings"] as? [[String: Any]])
        for finding in findings {
            #expect(Set(finding.keys) == ["path", "line", "column", "endLine", "endColumn", "rule", "severity", "message", "fixable", "applicability"])
        }
    }

    @Test func sarif() throws {
        let reporter = SARIFReporter(rules: [CitationUndefinedRule.description], documentation: "https://example.com/rules.md")
        let text = reporter.report(report.filter { $0.ruleID == "citation/undefined" })
        #expect(text == """
            {
              "$schema" : "https://json.schemastore.org/sarif-2.1.0.json",
              "runs" : [
                {
                  "columnKind" : "unicodeCodePoints",
                  "results" : [
                    {
                      "level" : "error",
                      "locations" : [
                        {
                          "physicalLocation" : {
                            "artifactLocation" : {
                              "uri" : "notes/a.md"
                            },
                            "region" : {
                              "endColumn" : 19,
                              "endLine" : 4,
                              "startColumn" : 10,
                              "startLine" : 4
                            }
                          }
                        }
                      ],
                      "message" : {
                        "text" : "citation [^zz9999] has no definition"
                      },
                      "ruleId" : "citation/undefined"
                    }
                  ],
                  "tool" : {
                    "driver" : {
                      "name" : "notekit",
                      "rules" : [
                        {
                          "defaultConfiguration" : {
                            "level" : "error"
                          },
                          "fullDescription" : {
                            "text" : "\(CitationUndefinedRule.description.rationale)"
                          },
                          "helpUri" : "https://example.com/rules.md#citation-undefined",
                          "id" : "citation/undefined",
                          "shortDescription" : {
                            "text" : "A citation `[^id]` has no definition `[^id]: ...` in the note."
                          }
                        }
                      ],
                      "version" : "\(NotekitTool.version)"
                    }
                  }
                }
              ],
              "version" : "2.1.0"
            }
            """)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter().report(report).utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.ids.count)
        #expect(driver["version"] as? String == NotekitTool.version)
        for rule in rules {
            // Without a published docs URL there is no helpUri: SARIF wants absolute ones.
            #expect(Set(rule.keys) == ["id", "shortDescription", "fullDescription", "defaultConfiguration"])
            let enabled = (rule["defaultConfiguration"] as? [String: Any])?["enabled"] as? Bool
            // Off by default: suppression/unused, and the style rules (on with their style's preset).
            let description = try #require(RuleRegistry.description(of: rule["id"] as? String ?? ""))
            #expect(enabled == (rule["id"] as? String == "suppression/unused" || description.category != .correctness ? false : nil))
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results {
            #expect(Set(result.keys) == ["ruleId", "level", "message", "locations"])
        }
        let uris = results.compactMap { result in
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                .flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String }
        }
        #expect(uris == ["notes/a.md", "notes/b,%20c.md", "notes/bad.md"])
    }

    @Test func github() {
        #expect(GitHubReporter().report(report) == """
            ::error file=notes/a.md,line=4,col=10,endLine=4,endColumn=19,title=citation/undefined::citation [^zz9999] has no definition
            ::warning file=notes/b%2C c.md,line=1,col=1,endLine=1,endColumn=1,title=frontmatter/missing::no <front> matter: add 100%25, "now" & go%0D%0Aagain
            ::error file=notes/bad.md,line=2,col=3,endLine=2,endColumn=3,title=file/unreadable::not valid UTF-8
            """)
        #expect(GitHubReporter.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    }

    @Test func junit() throws {
        #expect(JUnitReporter().report(report) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="notekit" tests="4" failures="3">
              <testsuite name="notes/a.md" tests="1" failures="1">
                <testcase name="citation/undefined 4:14" classname="notes/a.md">
                  <failure message="citation [^zz9999] has no definition" type="error">notes/a.md:4:14: error[citation/undefined] citation [^zz9999] has no definition</failure>
                </testcase>
              </testsuite>
              <testsuite name="notes/b, c.md" tests="1" failures="1">
                <testcase name="frontmatter/missing 1:1" classname="notes/b, c.md">
                  <failure message="no &lt;front&gt; matter: add 100%, &quot;now&quot; &amp; go&#13;&#10;again" type="warning">notes/b, c.md:1:1: warning[frontmatter/missing] no &lt;front&gt; matter: add 100%, &quot;now&quot; &amp; go&#13;&#10;again</failure>
                </testcase>
              </testsuite>
              <testsuite name="notes/bad.md" tests="1" failures="1">
                <testcase name="file/unreadable 2:3" classname="notes/bad.md">
                  <failure message="not valid UTF-8" type="error">notes/bad.md:2:3: error[file/unreadable] not valid UTF-8</failure>
                </testcase>
              </testsuite>
              <testsuite name="notes/clean.md" tests="1" failures="0">
                <testcase name="notekit lint" classname="notes/clean.md"/>
              </testsuite>
            </testsuites>
            """)
        let document = try XMLDocument(xmlString: JUnitReporter().report(report))
        #expect(document.rootElement()?.name == "testsuites")
    }
}
