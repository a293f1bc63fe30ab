/// The `watch:` section of `.notekit.yml`: what `notekit watch --fix` may write when a note is saved.
public struct WatchSettings: Sendable, Hashable {
    /// The rules (ids or categories, as `--select` takes them) whose safe fixes apply on save;
    /// empty: none, `watch --fix` only reports.
    public var fix: [String] = []
    /// Set an existing `date_modified` key to the day of a person's edit that changed the body or
    /// other keys (never for an edit of dates alone, a checkout, or at startup).
    public var dateModified = false

    public init(fix: [String] = [], dateModified: Bool = false) {
        self.fix = fix
        self.dateModified = dateModified
    }
}
