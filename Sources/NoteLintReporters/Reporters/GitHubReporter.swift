/// GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding.
/// Columns are Unicode code points.
public struct GitHubReporter: Reporter {
    public init() {}

    public func report(_ report: LintReport) -> String {
        report.findings.map { finding in
            let start = finding.range.start, end = finding.range.end
            let properties = [
                ("file", finding.path), ("line", "\(start.line)"), ("col", "\(report.codePointColumn(finding.path, start))"),
                ("endLine", "\(end.line)"), ("endColumn", "\(report.codePointColumn(finding.path, end))"),
                ("title", finding.ruleID),
            ].map { "\($0)=\(Self.escapeProperty($1))" }.joined(separator: ",")
            return "::\(finding.severity.rawValue) \(properties)::\(Self.escapeData(finding.message))"
        }.joined(separator: "\n")
    }

    /// A command's message: `%`, CR and LF percent-encoded.
    static func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// A property value: as data, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
