/// One JSON object: `version`, `files`, `findings` and `summary`. Columns are 1-based
/// UTF-8 byte columns, as in `notekit parse --format json`.
public struct JSONReporter: Reporter {
    public init() {}

    public func report(_ report: LintReport) -> String {
        // Written by hand: JSONEncoder takes longer than linting for large vaults. The layout
        // is `JSONText`'s, keys sorted (a test compares the two).
        var json = PrettyJSON(capacity: 256 * report.findings.count + 256)
        json.beginObject()
        json.key("files"); json.value(report.files.count)
        json.key("findings"); json.beginArray()
        for finding in report.findings {
            json.element(); json.beginObject()
            json.key("applicability")
            if let fix = finding.fix { json.value(fix.applicability.rawValue) } else { json.null() }
            json.key("column"); json.value(finding.range.start.column)
            json.key("endColumn"); json.value(finding.range.end.column)
            json.key("endLine"); json.value(finding.range.end.line)
            json.key("fixable"); json.value(finding.isFixable)
            json.key("line"); json.value(finding.range.start.line)
            json.key("message"); json.value(finding.message)
            json.key("path"); json.value(finding.path)
            json.key("rule"); json.value(finding.ruleID)
            json.key("severity"); json.value(finding.severity.rawValue)
            json.endObject()
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
        return json.text
    }
}
