import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NoteLint
@testable import NoteLintReporters
import NoteParser
import Testing

/// The GitLab Code Quality report, `--quiet` counts and JUnit totals.
@Suite struct GitLabAndTotalsTests {
    let report = ReporterFixture.report

    @Test func gitlabIssues() throws {
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(GitLabReporter().report(report).utf8)) as? [[String: Any]])
        #expect(issues.count == 3)
        for issue in issues {
            #expect(Set(issue.keys) == ["description", "check_name", "fingerprint", "severity", "location"])
            #expect((issue["fingerprint"] as? String)?.wholeMatch(of: #/[0-9a-f]{32}/#) != nil)
        }
        #expect(issues.map { $0["check_name"] as? String } == ["citation/undefined", "frontmatter/missing", "file/unreadable"])
        #expect(issues.map { $0["severity"] as? String } == ["major", "minor", "major"])
        let location = try #require(issues[0]["location"] as? [String: Any])
        #expect(location["path"] as? String == "notes/a.md")
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 4)
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == 3)
    }

    /// A fingerprint survives lines added above the finding, and identical findings differ.
    @Test func gitlabFingerprintsAreStable() throws {
        func fingerprints(_ text: String) throws -> [String] {
            let note = try NoteParser().parse(bytes: Array(text.utf8), path: "n.md")
            let findings = note.footnoteReferences.map {
                Finding(path: "n.md", range: $0.range, ruleID: "citation/undefined", severity: .error, message: "undefined")
            }
            let issues = try JSONSerialization.jsonObject(with: Data(GitLabReporter().report(LintReport(notes: [note], findings: findings)).utf8))
            return (issues as? [[String: Any]] ?? []).compactMap { $0["fingerprint"] as? String }
        }
        let before = try fingerprints("A[^a1] and A[^a1].\n\nB[^b1].\n")
        let after = try fingerprints("New first line.\n\nA[^a1] and A[^a1].\n\nB[^b1].\n")
        #expect(before.count == 3 && Set(before).count == 3)
        #expect(before == after)
    }

    @Test func quietCountsHiddenWarnings() {
        let quiet = report.withoutWarnings()
        #expect(quiet.findings.allSatisfy { $0.severity == .error })
        #expect(quiet.hiddenWarningCount == 1)
        #expect(quiet.filter { $0.ruleID != "file/unreadable" }.hiddenWarningCount == 1)
        #expect(TextReporter.summary(quiet).hasPrefix("2 errors, 1 warning hidden in 4 files "))
        let many = (0..<17_305).map { index in
            Finding(path: "n.md", range: SourceText("x\n").range(0..<1), ruleID: "frontmatter/missing", severity: .warning, message: "\(index)")
        }
        let big = LintReport(notes: [], findings: many).withoutWarnings()
        #expect(TextReporter.summary(big).hasPrefix("0 errors, 17,305 warnings hidden in 0 files "))
    }

    @Test func junitTotalsAreTheSumsOfItsSuites() throws {
        let cited = try NoteParser().parse(bytes: Array("A[^a1] B[^b1]\n".utf8), path: "two.md")
        let findings = cited.footnoteReferences.map {
            Finding(path: "two.md", range: $0.range, ruleID: "citation/undefined", severity: .error, message: "undefined")
        }
        let clean = try NoteParser().parse(bytes: Array("Fine.\n".utf8), path: "clean.md")
        let xml = try XMLDocument(xmlString: JUnitReporter().report(LintReport(notes: [cited, clean], findings: findings)))
        let root = try #require(xml.rootElement())
        let suites = root.elements(forName: "testsuite")
        func total(_ element: XMLElement, _ name: String) -> Int { Int(element.attribute(forName: name)?.stringValue ?? "") ?? -1 }
        #expect(suites.count == 2)
        #expect(total(root, "tests") == suites.reduce(0) { $0 + total($1, "tests") })
        #expect(total(root, "failures") == suites.reduce(0) { $0 + total($1, "failures") })
        #expect(total(root, "tests") == 3)
    }
}
