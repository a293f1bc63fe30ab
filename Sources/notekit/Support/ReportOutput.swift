import ArgumentParser
import Foundation
import NoteLintReporters

/// Checks and settings for `notekit lint --format`: one report on standard output at most,
/// the published docs URL for SARIF, and why `--quiet --strict` fails.
enum ReportOutput {
    /// The environment variable holding the absolute URL of the published docs/rules.md.
    static let documentationVariable = "NOTEKIT_DOCS_URL"

    /// The absolute URL of docs/rules.md from `NOTEKIT_DOCS_URL`, if set and not empty.
    static var documentationURL: String? {
        ProcessInfo.processInfo.environment[documentationVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Throws a usage error when two reports would share standard output (their
    /// concatenation would be no valid document), or when `NOTEKIT_DOCS_URL` is not absolute.
    static func validate(_ formats: [FormatSpec]) throws {
        let onStandardOutput = formats.filter { $0.path == nil }.map(\.format.rawValue)
        if onStandardOutput.count > 1 {
            throw ValidationError("only one report can go to standard output, not \(onStandardOutput.joined(separator: " and ")); "
                                  + "write the others to files, e.g. --format \(onStandardOutput[1]):report.\(onStandardOutput[1])")
        }
        if formats.contains(where: { $0.format == .sarif }), let url = documentationURL,
           URL(string: url)?.scheme == nil || !url.contains("://") {
            throw ValidationError("\(documentationVariable) must be an absolute URL (e.g. https://example.org/docs/rules.md), not '\(url)'")
        }
    }

    /// Standard error's explanation when only hidden warnings fail a `--quiet --strict` run.
    static func strictFailure(_ report: LintReport) -> String {
        let count = report.warningCount
        return "error: --strict fails on \(count) warning\(count == 1 ? "" : "s"), which --quiet leaves out of the report"
    }
}
