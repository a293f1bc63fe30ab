/// One JSON object: `version`, `files`, `findings` and `summary`. Columns are 1-based
/// UTF-8 byte columns, as in `notekit parse --format json`.
public struct JSONReporter: Reporter {
    public init() {}

    public func report(_ report: LintReport) -> String {
        JSONText.encode(Document(
            files: report.files.count,
            findings: report.findings.map {
                Document.Finding(path: $0.path, line: $0.range.start.line, column: $0.range.start.column,
                                 endLine: $0.range.end.line, endColumn: $0.range.end.column, rule: $0.ruleID,
                                 severity: $0.severity.rawValue, message: $0.message, fixable: $0.fix != nil)
            },
            summary: .init(errors: report.errorCount, warnings: report.warningCount, files: report.files.count,
                           fixable: report.fixableCount)))
    }

    struct Document: Encodable {
        var version = 1
        let files: Int
        let findings: [Finding]
        let summary: Summary

        struct Finding: Encodable {
            let path: String
            let line, column, endLine, endColumn: Int
            let rule, severity, message: String
            let fixable: Bool
        }

        struct Summary: Encodable {
            let errors, warnings, files, fixable: Int
        }
    }
}
