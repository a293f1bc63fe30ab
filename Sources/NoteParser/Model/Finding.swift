/// How serious a finding is. Configuration may also turn a rule `off`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// A correction a rule offers: one or more non-overlapping byte edits, computed when asked for.
///
/// Two fixes are equal when they say the same (summary and applicability): their edits are
/// not computed to compare them.
public struct Fix: Sendable, Equatable {
    /// Whether `notekit fix` may apply a fix unasked, as in ruff.
    public enum Applicability: String, Hashable, Sendable, Codable, CaseIterable {
        /// Keeps everything a reader sees (text and link targets): applied by default.
        case safe
        /// Deletes text, merges sources or guesses: applied only with `--unsafe-fixes`.
        case unsafe
    }

    /// What the fix does, e.g. "add the missing colon".
    public let summary: String
    public let applicability: Applicability
    private let makeEdits: @Sendable () -> [Edit]

    /// The edits, computed on each access: a lint run reads only `summary` and `applicability`,
    /// and a value that is costly to find (a file's creation date from `git log`) is found
    /// only when `fix` applies the fix. Empty when that value turns out unknown.
    public var edits: [Edit] { makeEdits() }

    public init(_ summary: String, edits: [Edit], applicability: Applicability = .safe) {
        self.init(summary, applicability: applicability) { edits }
    }

    /// A fix whose edits `edits` computes when they are asked for.
    public init(_ summary: String, applicability: Applicability = .safe, edits: @escaping @Sendable () -> [Edit]) {
        self.summary = summary
        self.applicability = applicability
        self.makeEdits = edits
    }

    public static func == (lhs: Fix, rhs: Fix) -> Bool {
        lhs.summary == rhs.summary && lhs.applicability == rhs.applicability
    }

    /// True when a run that applies unsafe fixes only when `unsafe` applies this one.
    public func applies(unsafe: Bool) -> Bool { applicability == .safe || unsafe }
}

/// One located problem in a note: what the lint rules report, and what the parser's
/// diagnostics, unreadable notes and citation problems are reported as (as swift-format's
/// `Finding`). Defined here, beside the source ranges it holds, so that every layer makes the
/// same value; `NoteLint` re-exports this module, so `import NoteLint` sees it.
public struct Finding: Sendable, Equatable {
    public let path: String
    public let range: SourceRange
    public let ruleID: String
    public var severity: Severity
    public let message: String
    public let fix: Fix?

    public init(path: String, range: SourceRange, ruleID: String, severity: Severity, message: String, fix: Fix? = nil) {
        self.path = path
        self.range = range
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.fix = fix
    }

    /// True when `notekit fix` fixes this finding by default: its fix is safe.
    public var isFixable: Bool { fix?.applicability == .safe }
}

extension Finding {
    /// The order of reports: by path, then position, then rule.
    public static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.range.start.offset != rhs.range.start.offset { return lhs.range.start.offset < rhs.range.start.offset }
        return lhs.ruleID < rhs.ruleID
    }

    /// `findings` in report order (a stable sort), left as they are when already in it.
    public static func inReportOrder(_ findings: [Finding]) -> [Finding] {
        isInReportOrder(findings) ? findings : findings.sorted(by: precedes)
    }

    /// True when no finding of `findings` precedes the one before it, each compared where it
    /// is in the array's buffer (a pair taken from the array was copied, its strings retained).
    package static func isInReportOrder(_ findings: [Finding]) -> Bool {
        findings.withUnsafeBufferPointer { buffer in
            buffer.indices.dropFirst().allSatisfy { !precedes(buffer[$0], buffer[$0 - 1]) }
        }
    }
}
