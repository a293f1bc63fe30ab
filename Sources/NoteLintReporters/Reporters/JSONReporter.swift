import NoteLint
import NoteParser

/// One JSON object: `version`, `files`, `findings` and `summary`. Columns are 1-based
/// UTF-8 byte columns, as in `notekit parse --format json`.
public struct JSONReporter: Reporter {
    public init() {}

    public func report(_ report: LintReport) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 * report.findings.count + 256)
        write(report) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of `report(_:)`, handed to `output` in pieces of at most `chunk` findings, so that
    /// a large report is never held whole.
    public func write(_ report: LintReport, chunk: Int = 4096, to output: ([UInt8]) -> Void) {
        // Written by hand: JSONEncoder takes longer than linting for large vaults. The layout
        // is `JSONText`'s, keys sorted (a test compares the two).
        var json = PrettyJSON(capacity: 256 * min(report.findings.count, chunk) + 256)
        json.beginObject()
        json.key("files"); json.value(report.files.count)
        json.key("findings"); json.beginArray()
        for (index, finding) in report.findings.enumerated() {
            json.element()
            json.finding(finding)
            if index % chunk == chunk - 1 { output(json.takeBytes()) }
        }
        json.endArray()
        json.key("summary"); json.beginObject()
        json.key("errors"); json.value(report.errorCount)
        json.key("files"); json.value(report.files.count)
        json.key("fixable"); json.value(report.fixableCount)
        json.key("unsafeFixable"); json.value(report.unsafeFixableCount)
        json.key("warnings"); json.value(report.warningCount)
        json.endObject()
        json.key("version"); json.value(1)
        json.endObject()
        output(json.takeBytes())
    }
}

extension PrettyJSON {
    /// A finding as `json` and `jsonl` reports write it: keys sorted, `applicability` null
    /// when it has no fix.
    mutating func finding(_ finding: Finding) {
        object { members in
            members.key("applicability")
            if let fix = finding.fix { members.value(fix.applicability.rawValue) } else { members.null() }
            members.key("column"); members.value(finding.range.start.column)
            members.key("endColumn"); members.value(finding.range.end.column)
            members.key("endLine"); members.value(finding.range.end.line)
            members.key("fixable"); members.value(finding.isFixable)
            members.key("line"); members.value(finding.range.start.line)
            members.key("message"); members.value(finding.message)
            members.key("path"); members.value(finding.path)
            members.key("rule"); members.value(finding.ruleID)
            members.key("severity"); members.value(finding.severity.rawValue)
        }
    }
}
