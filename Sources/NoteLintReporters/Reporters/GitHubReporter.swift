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
    static func escapeData(_ text: String) -> String { escape(text, ["%", "\r", "\n"]) }

    /// A property value: as data, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String { escape(text, ["%", "\r", "\n", ":", ","]) }

    /// Percent-encodes `special` scalar by scalar (a CR LF pair is one `Character`).
    private static func escape(_ text: String, _ special: Set<Unicode.Scalar>) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if special.contains(scalar) {
                escaped += (scalar.value < 16 ? "%0" : "%") + String(scalar.value, radix: 16, uppercase: true)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
