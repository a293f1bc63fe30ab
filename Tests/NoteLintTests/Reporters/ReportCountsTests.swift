import NoteLint
import NoteLintReporters
import NoteParser
import Testing

/// The report's counts and the report order, read on the findings in place, against their
/// definitions over copied findings.
@Suite struct ReportCountsTests {
    /// Findings of every severity and fix applicability, on two paths, at a few offsets.
    static func findings(count: Int, seed: UInt64) -> [Finding] {
        // A linear congruential generator: the same findings on every run.
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        return (0..<count).map { _ in
            let offset = Int(next() % 5)
            let position = SourcePosition(line: 1, column: offset + 1, offset: offset)
            let fix: Fix? = switch next() % 3 {
            case 0: nil
            case 1: Fix("safe", edits: [])
            default: Fix("unsafe", edits: [], applicability: .unsafe)
            }
            return Finding(path: next() % 2 == 0 ? "a.md" : "b/ü.md", range: SourceRange(start: position, end: position),
                           ruleID: ["x/one", "x/two", "y/one"][Int(next() % 3)],
                           severity: next() % 2 == 0 ? .error : .warning, message: "m", fix: fix)
        }
    }

    @Test(arguments: [0, 1, 2, 7, 40, 300])
    func countsAreThoseOfTheFindings(count: Int) {
        let report = LintReport(notes: [], findings: Self.findings(count: count, seed: UInt64(count)))
        #expect(report.findings.count == count)
        #expect(report.errorCount == report.findings.filter { $0.severity == .error }.count)
        #expect(report.warningCount == report.findings.filter { $0.severity == .warning }.count)
        #expect(report.fixableCount == report.findings.filter(\.isFixable).count)
        #expect(report.unsafeFixableCount == report.findings.filter { $0.fix?.applicability == .unsafe }.count)
        #expect(report.errorCount + report.warningCount == count)
    }

    /// `isInReportOrder` is "no finding precedes the one before it", over pairs of copies.
    @Test(arguments: 0..<60)
    func reportOrderIsThatOfThePairs(seed: Int) {
        let findings = Self.findings(count: seed % 9, seed: UInt64(seed) &+ 1000)
        let pairwise = zip(findings, findings.dropFirst()).allSatisfy { !Finding.precedes($1, $0) }
        #expect(Finding.isInReportOrder(findings) == pairwise)
        let ordered = Finding.inReportOrder(findings)
        #expect(Finding.isInReportOrder(ordered))
        #expect(ordered.map(\.message).count == findings.count)
        // Stable: findings that neither precedes keep their order (told apart by their fix).
        let sorted = findings.enumerated().sorted { Finding.precedes($0.element, $1.element) || (!Finding.precedes($1.element, $0.element) && $0.offset < $1.offset) }
        #expect(ordered.map { $0.fix?.summary } == sorted.map { $0.element.fix?.summary })
    }
}

