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
    /// Paths written (`.write` mode).
    public let written: [String]
    /// Notes that could not be written, `path: why`.
    public let errors: [String]
}
