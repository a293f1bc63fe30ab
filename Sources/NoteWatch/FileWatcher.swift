/// The paths that changed under a vault root during one settled burst of events.
public struct ChangeBatch: Sendable {
    /// Vault paths of files created, written, deleted or moved (either end of a move).
    public var paths: Set<String> = []
    /// Vault paths of folders deleted or moved away: every file known below them is gone.
    public var removedFolders: Set<String> = []
    /// The kernel dropped events (queue overflow): everything must be looked at again.
    public var overflowed = false

    public var isEmpty: Bool { paths.isEmpty && removedFolders.isEmpty && !overflowed }
}

/// Watches a vault root recursively, every folder below it as `notekit lint` walks a vault
/// (hidden folders skipped, symbolic links to folders followed once, by real path), folders and
/// links created or moved in included; hidden files are skipped too, but for `.notekit.yml`.
/// Backends: inotify (Linux), FSEvents (macOS), polling (anywhere).
public protocol FileWatcher: AnyObject {
    /// The vault root.
    var root: String { get }
    /// Number of folders watched.
    var folderCount: Int { get }
    /// Waits for changes and returns them once `debounce` seconds passed without a new one;
    /// nil as soon as `stop` (a file descriptor) becomes readable.
    func next(debounce: Double, stop: Int32) -> ChangeBatch?
}

/// A vault that cannot be watched.
public struct WatchFailure: Error, CustomStringConvertible {
    public let description: String
}

/// The watcher `notekit watch` uses.
public enum FileWatchers {
    /// The system's own watcher, when there is one: inotify on Linux, FSEvents on macOS.
    public static let native: String? = {
        #if os(Linux)
        return "inotify"
        #elseif os(macOS)
        return "FSEvents"
        #else
        return nil
        #endif
    }()

    /// Seconds between two looks at the vault when polling is not asked for but there is no
    /// native watcher.
    public static let defaultPollInterval = 2.0

    /// Starts watching `root`: by looking at it every `poll` seconds when given (or when the
    /// system has no native watcher), else with the native watcher.
    public static func start(root: String, poll: Double?) throws(WatchFailure) -> any FileWatcher {
        if let poll { return try PollingWatcher(root: root, interval: poll) }
        #if os(Linux)
        return try InotifyWatcher(root: root)
        #elseif os(macOS)
        return try FSEventsWatcher(root: root)
        #else
        return try PollingWatcher(root: root, interval: defaultPollInterval)
        #endif
    }
}
