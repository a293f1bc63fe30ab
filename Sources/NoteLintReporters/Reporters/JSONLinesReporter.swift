import NoteParser

/// JSON lines for tools that read a stream: one compact object per finding per line, with the
/// keys of a `json` report's findings (`path`, `line`, `column`, `endLine`, `endColumn`, `rule`,
/// `severity`, `message`, `fixable`, `applicability`), sorted. No summary line.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func report(_ report: LintReport) -> String {
        report.findings.map { finding in
            var json = PrettyJSON(capacity: 256, compact: true)
            json.finding(finding)
            return json.text
        }.joined(separator: "\n")
    }
}
