import Foundation

/// JSON lines for tools that read a stream: one compact object per finding per line, with the
/// keys of a `json` report's findings (`path`, `line`, `column`, `endLine`, `endColumn`, `rule`,
/// `severity`, `message`, `fixable`, `applicability`), sorted. No summary line.
public struct JSONLinesReporter: Reporter {
    public init() {}

    struct Line: Encodable {
        let applicability: String?
        let column: Int
        let endColumn: Int
        let endLine: Int
        let fixable: Bool
        let line: Int
        let message: String
        let path: String
        let rule: String
        let severity: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(applicability, forKey: .applicability) // null when not fixable, as in `json`
            try container.encode(column, forKey: .column)
            try container.encode(endColumn, forKey: .endColumn)
            try container.encode(endLine, forKey: .endLine)
            try container.encode(fixable, forKey: .fixable)
            try container.encode(line, forKey: .line)
            try container.encode(message, forKey: .message)
            try container.encode(path, forKey: .path)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
        }

        enum CodingKeys: String, CodingKey { case applicability, column, endColumn, endLine, fixable, line, message, path, rule, severity }
    }

    public func report(_ report: LintReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return report.findings.compactMap { finding in
            let line = Line(applicability: finding.fix?.applicability.rawValue, column: finding.range.start.column,
                            endColumn: finding.range.end.column, endLine: finding.range.end.line, fixable: finding.isFixable,
                            line: finding.range.start.line, message: finding.message, path: finding.path, rule: finding.ruleID,
                            severity: finding.severity.rawValue)
            return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) }
        }.joined(separator: "\n")
    }
}
