import NoteLint

/// `notekit lint --statistics` (as `ruff check --statistics`): a header, then one line per
/// rule with its finding count, how many of them `notekit fix` fixes by default, its id and
/// summary, most frequent first (ties by id); `no findings` when there are none.
public struct StatisticsReporter: Reporter {
    public init() {}

    public func report(_ report: LintReport) -> String {
        var rows: [String: (count: Int, fixable: Int, message: String)] = [:]
        for finding in report.findings {
            let row = rows[finding.ruleID] ?? (0, 0, finding.message)
            rows[finding.ruleID] = (row.count + 1, row.fixable + (finding.isFixable ? 1 : 0), row.message)
        }
        guard !rows.isEmpty else { return "no findings" }
        let sorted = rows.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        let countWidth = max(5, String(sorted[0].value.count).count)
        let idWidth = max(4, sorted.map(\.key.count).max() ?? 0)
        func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(width - text.count, 0))
            return right ? fill + text : text + fill
        }
        let header = "\(pad("count", countWidth, right: true))  fixable  \(pad("rule", idWidth))  summary"
        return ([header] + sorted.map { id, row in
            // Findings about a whole file have no rule description: their first message stands in.
            let summary = RuleRegistry.description(of: id)?.summary ?? row.message
            return "\(pad(String(row.count), countWidth, right: true))  \(pad(String(row.fixable), 7, right: true))  \(pad(id, idWidth))  \(summary)"
        }).joined(separator: "\n")
    }
}
