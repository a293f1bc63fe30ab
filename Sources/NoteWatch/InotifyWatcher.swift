import Foundation
import NoteLint
import NoteParser

#if os(Linux)
import Glibc

/// The Linux watcher: one inotify watch per folder of the vault, added as folders and links to
/// folders are created or moved in.
public final class InotifyWatcher: FileWatcher {
    /// The vault root.
    public let root: String
    private let descriptor: Int32
    /// Watch descriptor → folder (vault path, "" for the root).
    private var folders: [Int32: String] = [:]
    /// Watch descriptor → the folder it watches, whatever path leads to it.
    private var identities: [Int32: NoteFiles.FolderID] = [:]
    /// The folders watched: a second path to one of them (a link) is not followed.
    private var visited: Set<NoteFiles.FolderID> = []
    /// Symbolic links to folders are followed: the vault walk has decided which to take.
    private static let mask = UInt32(IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)
        | UInt32(IN_EXCL_UNLINK)

    /// Starts watching `root` and every folder below it.
    public init(root: String) throws(WatchFailure) {
        self.root = root
        descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard descriptor >= 0 else { throw WatchFailure(description: "cannot watch \(root): \(String(cString: strerror(errno)))") }
        var ignored = ChangeBatch()
        guard addTree("", into: &ignored) else {
            close(descriptor)
            throw WatchFailure(description: "cannot watch \(root): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    /// Number of folders watched.
    public var folderCount: Int { folders.count }

    public func next(debounce: Double, stop: Int32) -> ChangeBatch? {
        Settling.next(debounce: debounce, stop: stop, descriptor: descriptor) { batch in
            read(into: &batch)
            return true
        }
    }

    /// Reads every pending event into `batch`.
    private func read(into batch: inout ChangeBatch) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self), raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                offset += 16 + length
                handle(wd: wd, mask: mask, name: Array(nameBytes), into: &batch)
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: [UInt8], into batch: inout ChangeBatch) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            batch.overflowed = true
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            forget(wd)
            return
        }
        guard let folder = folders[wd], !name.isEmpty, let name = UTF8Validation.string(name),
              !name.hasPrefix(".") || (name == ConfigurationLoader.fileName && mask & UInt32(IN_ISDIR) == 0) else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        // A symbolic link to a folder, made or moved in (to follow) or removed (its folder goes).
        let isFolderLink = mask & UInt32(IN_ISDIR) == 0 && !name.hasPrefix(".")
            && (mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 && NoteFiles.FolderID(root + "/" + path) != nil
                || mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 && folders.values.contains(path))
        if mask & UInt32(IN_ISDIR) != 0 || isFolderLink {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // Files may have been written before the watch was in place: they join the batch.
                _ = addTree(path, into: &batch)
            }
            if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                batch.removedFolders.insert(path)
                for (other, otherPath) in folders where otherPath == path || otherPath.hasPrefix(path + "/") {
                    inotify_rm_watch(descriptor, other)
                    forget(other)
                }
            }
            return
        }
        batch.paths.insert(path)
    }

    /// Watches the folder at vault path `relative` and the folders below it, as the vault walk
    /// takes them; their files (and `.notekit.yml` files) join `batch`. False when the folder
    /// cannot be watched.
    private func addTree(_ relative: String, into batch: inout ChangeBatch) -> Bool {
        let walk = NoteFiles.walk(root, below: relative, visited: &visited)
        guard walk.folders.first == relative else { return relative.isEmpty ? false : true }
        for (index, folder) in walk.folders.enumerated() {
            let full = folder.isEmpty ? root : root + "/" + folder
            let wd = inotify_add_watch(descriptor, full, Self.mask)
            if wd < 0 {
                if index == 0 { return false }
                continue
            }
            folders[wd] = folder
            identities[wd] = NoteFiles.FolderID(full)
            let configuration = folder.isEmpty ? ConfigurationLoader.fileName : folder + "/" + ConfigurationLoader.fileName
            if access(root + "/" + configuration, F_OK) == 0 { batch.paths.insert(configuration) }
        }
        batch.paths.formUnion(walk.files)
        return true
    }

    /// Drops what is known of the watch `wd` (its folder went, or is no longer watched).
    private func forget(_ wd: Int32) {
        folders[wd] = nil
        if let id = identities.removeValue(forKey: wd), !identities.values.contains(id) { visited.remove(id) }
    }
}
#endif
