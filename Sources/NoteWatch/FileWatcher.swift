import Foundation
import NoteLint
import NoteParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

#if os(Linux)
/// Watches a vault root recursively with inotify: every folder below it (hidden folders and
/// symbolic links to folders skipped, as `notekit lint` walks a vault), folders created or moved
/// in included. Hidden files are skipped too, but for `.notekit.yml`. `next` returns the changes once no event came for the debounce interval.
public final class FileWatcher {
    /// The vault root.
    public let root: String
    private let descriptor: Int32
    /// Watch descriptor → folder (vault path, "" for the root).
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)
        | UInt32(IN_DONT_FOLLOW) | UInt32(IN_EXCL_UNLINK)

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts watching `root` and every folder below it.
    public init(root: String) throws {
        self.root = root
        descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard descriptor >= 0 else { throw Failure(description: "cannot watch \(root): \(String(cString: strerror(errno)))") }
        var ignored = ChangeBatch()
        guard addTree("", into: &ignored) else {
            close(descriptor)
            throw Failure(description: "cannot watch \(root): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    /// Number of folders watched.
    public var folderCount: Int { folders.count }

    /// Waits for changes and returns them once `debounce` seconds passed without a new event;
    /// nil as soon as `stop` (a file descriptor) becomes readable.
    public func next(debounce: Double, stop: Int32) -> ChangeBatch? {
        var batch = ChangeBatch()
        var lastEvent: Double?
        while true {
            var timeout: Int32 = -1
            if let lastEvent {
                let left = lastEvent + debounce - Self.now()
                if left <= 0 { return batch }
                timeout = Int32((left * 1000).rounded(.up))
            }
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { return nil }
            if fds[1].revents != 0 { return nil }
            if fds[0].revents != 0 {
                read(into: &batch)
                if !batch.isEmpty { lastEvent = Self.now() }
            }
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
            folders[wd] = nil
            return
        }
        guard let folder = folders[wd], !name.isEmpty, let name = String(validating: name, as: UTF8.self),
              !name.hasPrefix(".") || (name == ConfigurationLoader.fileName && mask & UInt32(IN_ISDIR) == 0) else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // Files may have been written before the watch was in place: they join the batch.
                _ = addTree(path, into: &batch)
            }
            if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                batch.removedFolders.insert(path)
                for (other, otherPath) in folders where otherPath == path || otherPath.hasPrefix(path + "/") {
                    inotify_rm_watch(descriptor, other)
                    folders[other] = nil
                }
            }
            return
        }
        batch.paths.insert(path)
    }

    /// Watches the folder at vault path `relative` and the folders below it; their files join
    /// `batch`. False when the folder cannot be watched.
    private func addTree(_ relative: String, into batch: inout ChangeBatch) -> Bool {
        var pending = [relative]
        var first = true
        while let folder = pending.popLast() {
            let full = folder.isEmpty ? root : root + "/" + folder
            let wd = inotify_add_watch(descriptor, full, Self.mask)
            if wd < 0 {
                if first { return false }
                continue
            }
            first = false
            folders[wd] = folder
            guard let stream = opendir(full) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let (nameBytes, type) = withUnsafeBytes(of: entry.pointee.d_name) { raw in (Array(raw.prefix { $0 != 0 }), entry.pointee.d_type) }
                guard let name = String(validating: nameBytes, as: UTF8.self) else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                if name == ConfigurationLoader.fileName { batch.paths.insert(path) }
                if name.hasPrefix(".") { continue }
                if type == DT_DIR {
                    pending.append(path)
                } else if type == DT_UNKNOWN {
                    var status = stat()
                    if lstat(full + "/" + name, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { pending.append(path) } else { batch.paths.insert(path) }
                } else {
                    batch.paths.insert(path)
                }
            }
        }
        return true
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
#endif
