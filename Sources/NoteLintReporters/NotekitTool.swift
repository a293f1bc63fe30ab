/// The tool's name and version, as `notekit --version` and the reports give them.
public enum NotekitTool {
    public static let name = "notekit"
    public static let version = "0.1.0"
    /// The git commit notekit was built from ("-dirty" when the checkout had changes), or
    /// "unknown" when it was built without `make` (see `BuildCommit`).
    public static let commit = BuildCommit.hash
    /// What `notekit --version` prints: `0.1.0 (commit 0123abc…)`.
    public static let versionLine = "\(version) (commit \(commit))"
}

/// The commit notekit was built from. `make` writes `BuildCommitHash.swift` (git-ignored),
/// whose `BuildCommit.hash` takes precedence over the "unknown" of the protocol extension
/// below, so a plain `swift build` of a clean clone builds without it.
enum BuildCommit: BuildCommitFallback {}

protocol BuildCommitFallback {}

extension BuildCommitFallback {
    static var hash: String { "unknown" }
}
