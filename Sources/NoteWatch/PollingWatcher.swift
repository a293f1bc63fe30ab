import Foundation
import NoteLint
import NoteParser

/// The watcher for network drives, WSL's `/mnt`, containers and systems without inotify or
/// FSEvents: it walks the vault as `notekit lint` does every `interval` seconds and compares each
/// file's `stat` (size, modification and status-change times, device, inode) with the last look.
/// A file whose times are too recent to stand for its content (coarse file times) is compared
/// by its bytes too, so a second write within one tick of the clock is not missed.
public final class PollingWatcher: FileWatcher {
    public let root: String
    /// Seconds between two looks.
    public let interval: Double
    /// The files (vault paths, `.notekit.yml` files included) at the last look.
    private var files: [String: Look] = [:]
    public private(set) var folderCount = 0

    /// A file at one look: its stamp and, while the stamp is too recent to stand for them, its bytes.
    package struct Look {
        package let stamp: FileStamp
        package let bytes: [UInt8]?

        package init(stamp: FileStamp, bytes: [UInt8]?) { (self.stamp, self.bytes) = (stamp, bytes) }

        /// Whether the file changed since this look, now that it has `stamp` and (when read) `bytes`.
        package func changed(to stamp: FileStamp, bytes: [UInt8]?) -> Bool {
            self.stamp != stamp || self.bytes != nil && bytes != self.bytes
        }
    }

    /// Takes the first look at `root`.
    public init(root: String, interval: Double) throws(WatchFailure) {
        self.root = root
        self.interval = interval
        guard NoteFiles.FolderID(root) != nil else { throw WatchFailure(description: "cannot watch \(root): not a folder") }
        var ignored = ChangeBatch()
        _ = look(into: &ignored)
    }

    public func next(debounce: Double, stop: Int32) -> ChangeBatch? {
        Settling.next(debounce: debounce, stop: stop, descriptor: -1, tick: interval) { look(into: &$0) }
    }

    /// Looks at the vault again: the files that came, went or changed since the last look join
    /// `batch`. True when there was one.
    private func look(into batch: inout ChangeBatch) -> Bool {
        var visited: Set<NoteFiles.FolderID> = []
        let walk = NoteFiles.walk(root, below: "", visited: &visited)
        let time = FileStamp.now()
        let configurations = walk.folders.map { $0.isEmpty ? ConfigurationLoader.fileName : $0 + "/" + ConfigurationLoader.fileName }
        var now: [String: Look] = [:]
        var changed = false
        for path in walk.files + configurations {
            let full = root + "/" + path
            guard let stamp = FileStamp(of: full) else { continue }
            let before = files.removeValue(forKey: path)
            let recent = !stamp.isSettled(before: time)
            // Bytes read while the stamp is recent, and once more when it has just settled.
            let bytes = recent || before?.bytes != nil && before?.stamp == stamp ? FileManager.default.contents(atPath: full).map(Array.init) : nil
            if before?.changed(to: stamp, bytes: bytes) ?? true {
                batch.paths.insert(path)
                changed = true
            }
            now[path] = Look(stamp: stamp, bytes: recent ? bytes : nil)
        }
        // What is left of the last look is gone.
        if !files.isEmpty { changed = true }
        batch.paths.formUnion(files.keys)
        files = now
        folderCount = walk.folders.count
        return changed
    }
}
