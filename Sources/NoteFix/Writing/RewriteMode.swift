/// How a run treats its rewrites.
public enum RewriteMode: Sendable {
    /// Nothing shown, nothing written: the caller prints a summary.
    case dryRun
    /// Unified diffs of the changes, nothing written.
    case diff
    /// Changed notes written in place.
    case write
}

/// What committing rewrites did.
public struct RewriteOutcome: Sendable {
    /// Unified diffs of the changed notes (`.diff` mode), otherwise empty.
    public let diff: String
    /// Indices (into the rewrites committed) of the notes written (`.write` mode).
    public let written: [Int]
    /// Notes that could not be written, `path: why`.
    public let errors: [String]
    /// Notes left alone because an earlier one is the same file (a symbolic or hard link to
    /// it), `path: why` (`.write` mode).
    public let sameFile: [String]

    public init(diff: String = "", written: [Int] = [], errors: [String] = [], sameFile: [String] = []) {
        self.diff = diff
        self.written = written
        self.errors = errors
        self.sameFile = sameFile
    }

    /// The rewrites that took effect: all of them unless written (`.write` mode), then only
    /// those written.
    public func effective(_ rewrites: [NoteRewrite], mode: RewriteMode) -> [NoteRewrite] {
        mode == .write ? written.map { rewrites[$0] } : rewrites
    }
}
