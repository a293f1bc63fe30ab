import NoteLint
import NoteParser

/// The outcome of a lint run as reporters see it: findings (including files that could
/// not be read), the files linted, and their source text for quoting.
public struct LintReport: Sendable {
    /// Findings sorted by path, then position.
    public let findings: [Finding]
    /// Every file linted or attempted, sorted by path bytes (names differing only in
    /// Unicode normalisation are different files).
    public let files: [String]
    /// Warnings left out of `findings` by `withoutWarnings()` (`--quiet`), still counted.
    public private(set) var hiddenWarningCount = 0
    private let sources: [ExactPath: SourceText]
    /// Lines of notes not read, as the lint cache kept them.
    private let excerpts: Excerpts

    public init(notes: [Note], findings: [Finding], errors: [NoteError] = []) {
        self.init(sources: notes.map { ($0.path, $0.source) }, findings: findings, errors: errors)
    }

    /// A report of the notes with these source texts (by path), and of the notes of `unquoted`
    /// whose source text was not read (quoted from `excerpts` when they hold their lines).
    public init(sources: [(path: String, source: SourceText)], unquoted: [String] = [], excerpts: Excerpts = Excerpts(),
                findings: [Finding], errors: [NoteError] = []) {
        let all = errors.isEmpty ? findings : findings + errors.map(FileRule.finding(for:))
        self.init(findings: Finding.inReportOrder(all), files: Self.sortedOnce(sources.map(\.path) + unquoted + errors.map(\.path)),
                  sources: Dictionary(sources.map { (ExactPath($0.path), $0.source) }, uniquingKeysWith: { first, _ in first }),
                  excerpts: excerpts)
    }

    private init(findings: [Finding], files: [String], sources: [ExactPath: SourceText], excerpts: Excerpts) {
        self.findings = findings
        self.files = files
        self.sources = sources
        self.excerpts = excerpts
    }

    /// `paths` sorted by their bytes, each once (as they are when all in order already, as a
    /// cached run's are).
    private static func sortedOnce(_ paths: [String]) -> [String] {
        let exact = paths.map(ExactPath.init)
        if zip(exact, exact.dropFirst()).allSatisfy({ $0 < $1 }) { return paths }
        return Set(exact).sorted().map(\.description)
    }

    /// The report of a lint run, plus files that were never handed to the linter (e.g. missing).
    public init(_ result: Linter.Result, errors: [NoteError] = []) {
        self.init(sources: result.notes.map { ($0.path, $0.source) } + result.sources, unquoted: result.unread, excerpts: result.excerpts,
                  findings: result.findings, errors: result.errors + errors)
    }

    /// The same report with only the findings that satisfy `isIncluded`, e.g. errors for `--quiet`.
    public func filter(_ isIncluded: (Finding) -> Bool) -> LintReport {
        guard findings.contains(where: { !isIncluded($0) }) else { return self }
        var filtered = LintReport(findings: findings.filter(isIncluded), files: files, sources: sources, excerpts: excerpts)
        filtered.hiddenWarningCount = hiddenWarningCount
        return filtered
    }

    /// The report without warnings, which `hiddenWarningCount` still counts.
    public func withoutWarnings() -> LintReport {
        let warnings = warningCount
        var quiet = self
        if warnings > 0 {
            // Each severity read where it is (`filter` copies each finding for its predicate).
            var errors: [Finding] = []
            errors.reserveCapacity(findings.count - warnings)
            for index in findings.indices where findings[index].severity != .warning { errors.append(findings[index]) }
            quiet = LintReport(findings: errors, files: files, sources: sources, excerpts: excerpts)
        }
        quiet.hiddenWarningCount = hiddenWarningCount + warnings
        return quiet
    }

    public var errorCount: Int { count(of: .error) }
    public var warningCount: Int { count(of: .warning) }
    /// Findings `notekit fix` fixes by default (a safe fix).
    public var fixableCount: Int { count(fixable: .safe) }
    /// Findings only `notekit fix --unsafe-fixes` fixes.
    public var unsafeFixableCount: Int { count(fixable: .unsafe) }

    /// The number of findings of `severity`, each read where it is: a finding passed to a
    /// predicate was copied, its strings retained.
    private func count(of severity: Severity) -> Int {
        var count = 0
        for index in findings.indices where findings[index].severity == severity { count += 1 }
        return count
    }

    /// The number of findings whose fix has `applicability`, each read where it is.
    private func count(fixable applicability: Fix.Applicability) -> Int {
        var count = 0
        for index in findings.indices where findings[index].fix?.applicability == applicability { count += 1 }
        return count
    }

    /// The text of line `line` of `path`, without its line break, when the file was read (or
    /// the cache kept the line).
    public func sourceLine(_ path: String, _ line: Int) -> String? {
        guard let source = sources[ExactPath(path)] else { return excerpts.line(path, line) }
        guard line >= 1, line <= source.lineCount else { return nil }
        return source.lineString(line)
    }

    /// A 1-based UTF-8 byte column turned into a 1-based Unicode code point column.
    public func codePointColumn(_ path: String, _ position: SourcePosition) -> Int {
        guard let line = sourceLine(path, position.line) else { return position.column }
        return String(decoding: line.utf8.prefix(position.column - 1), as: UTF8.self).unicodeScalars.count + 1
    }
}

/// Renders a lint report in one output format.
public protocol Reporter: Sendable {
    func report(_ report: LintReport) -> String
}

/// The output formats of `notekit lint --format`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, sarif, github, junit, gitlab

    /// The reporter for this format; `colors` applies to `text` only, `documentation` (where
    /// docs/rules.md is published, for `helpUri`s) to `sarif` only.
    public func reporter(colors: Bool = false, documentation: String? = nil) -> any Reporter {
        switch self {
        case .text: return TextReporter(colors: colors)
        case .json: return JSONReporter()
        case .jsonl: return JSONLinesReporter()
        case .sarif: return SARIFReporter(documentation: documentation)
        case .github: return GitHubReporter()
        case .junit: return JUnitReporter()
        case .gitlab: return GitLabReporter()
        }
    }

    /// Whether the format reads the notes' source lines (quotes them, or counts columns in
    /// code points): a cached run then reads the notes it took from the cache unread.
    public var readsSourceLines: Bool {
        switch self {
        case .text, .sarif, .github, .gitlab: return true
        case .json, .jsonl, .junit: return false
        }
    }
}
