import NoteParser

/// JUnit XML for CI test tabs: a test suite per file, a failing test case per finding,
/// one passing test case for a clean file.
public struct JUnitReporter: Reporter {
    public init() {}

    public func report(_ report: LintReport) -> String {
        let byFile = Dictionary(grouping: report.findings) { ExactPath($0.path) }
        // A suite per file (and per path of a finding, should one not be among the files);
        // the totals are the sums of the suites'.
        let files = Set(report.files.map(ExactPath.init)).union(byFile.keys).sorted()
        let tests = files.reduce(0) { $0 + max(byFile[$1]?.count ?? 0, 1) }
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#,
                     #"<testsuites name="notekit" tests="\#(tests)" failures="\#(report.findings.count)">"#]
        for exactFile in files {
            let file = exactFile.description
            let findings = byFile[exactFile] ?? []
            let path = Self.escape(file)
            lines.append(#"  <testsuite name="\#(path)" tests="\#(max(findings.count, 1))" failures="\#(findings.count)">"#)
            if findings.isEmpty {
                lines.append(#"    <testcase name="notekit lint" classname="\#(path)"/>"#)
            }
            for finding in findings {
                let start = finding.range.start
                let location = "\(finding.path):\(start.line):\(start.column)"
                lines.append(#"    <testcase name="\#(Self.escape("\(finding.ruleID) \(start.line):\(start.column)"))" classname="\#(path)">"#)
                lines.append(#"      <failure message="\#(Self.escape(finding.message))" type="\#(finding.severity.rawValue)">"#
                             + Self.escape("\(location): \(finding.severity.rawValue)[\(finding.ruleID)] \(finding.message)")
                             + "</failure>")
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n")
    }

    /// Text safe in XML content and attribute values; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n": escaped += "&#10;"
            case "\r": escaped += "&#13;"
            case "\t": escaped += "&#9;"
            default: if scalar.value >= 0x20 { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }
}
