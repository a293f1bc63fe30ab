import NoteLint
import NoteParser

/// GitLab Code Quality: a JSON array of issues `{description, check_name, fingerprint,
/// severity, location: {path, lines: {begin}}}`. Errors are `major`, warnings `minor`.
///
/// A fingerprint hashes the path, rule, message and the finding's source line (trimmed),
/// and how many identical findings come before it in the file: not the line number, so it
/// stays the same when lines are added or removed elsewhere in the note.
public struct GitLabReporter: Reporter {
    public init() {}

    public func report(_ report: LintReport) -> String {
        var seen: [String: Int] = [:]
        let issues = report.findings.map { finding in
            let line = finding.range.start.line
            let source = report.sourceLine(finding.path, line)?.trimmed() ?? ""
            let key = [finding.path, finding.ruleID, finding.message, source].joined(separator: "\u{0}")
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return Issue(description: finding.message, check_name: finding.ruleID,
                         fingerprint: Self.fingerprint(key + "\u{0}\(occurrence)"),
                         severity: finding.severity == .error ? "major" : "minor",
                         location: Location(path: finding.path, lines: Location.Lines(begin: line)))
        }
        return JSONText.encode(issues)
    }

    /// 32 hex digits: two 64-bit FNV-1a hashes of `text` with different offset bases.
    static func fingerprint(_ text: String) -> String {
        [StableHash.basis, 0x6c62_272e_07bb_0142].map { basis in
            let hash = StableHash.fnv1a(text, basis: basis)
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    struct Issue: Encodable {
        let description, check_name, fingerprint, severity: String
        let location: Location
    }

    struct Location: Encodable {
        let path: String
        let lines: Lines

        struct Lines: Encodable { let begin: Int }
    }
}
