#if os(macOS)
import CoreServices
import Darwin
import Foundation
import NoteLint
import NoteParser

/// The macOS watcher: an FSEvents stream with per-file events on the vault's real path, and one
/// more per folder linked in from outside it (FSEvents does not follow links). Events carry real
/// paths: each is mapped back through the real path of the folder holding it, and what is at the
/// path now decides what it was (a rename is two events, one for each end: the end that is gone
/// is a removal, the other a creation). Not compiled nor tested on Linux, where it is left out.
public final class FSEventsWatcher: FileWatcher {
    public let root: String
    /// Real path of each folder watched → its vault path ("" for the root).
    private var folders: [String: String] = [:]
    /// Vault path of each folder watched → its real path and identity.
    private var watched: [String: (real: String, id: NoteFiles.FolderID?)] = [:]
    /// The folders watched, whatever path leads to them: a second path to one is not followed.
    private var visited: Set<NoteFiles.FolderID> = []
    /// One stream per real folder tree: the root's, and one per folder linked in from outside it.
    private var streams: [String: FSEventStreamRef] = [:]
    private let inbox: Inbox
    private let queue = DispatchQueue(label: "notekit.watch.fsevents")

    public var folderCount: Int { watched.count }

    /// Starts watching `root` and every folder below it.
    public init(root: String) throws(WatchFailure) {
        self.root = root
        guard let inbox = Inbox() else { throw WatchFailure(description: "cannot watch \(root): \(String(cString: strerror(errno)))") }
        self.inbox = inbox
        var ignored = ChangeBatch()
        guard addTree("", into: &ignored) else { throw WatchFailure(description: "cannot watch \(root): FSEvents refused it") }
    }

    deinit {
        for stream in streams.values { Self.end(stream) }
        // A callback already running finishes before the inbox goes.
        queue.sync {}
    }

    public func next(debounce: Double, stop: Int32) -> ChangeBatch? {
        Settling.next(debounce: debounce, stop: stop, descriptor: inbox.readEnd) { batch in
            let events = inbox.take()
            // Paths that are gone first: a folder renamed is forgotten under its old name before
            // it is walked under its new one.
            // Names that are not UTF-8 are skipped, as the vault walk skips them.
            let paths = events.compactMap { event -> (path: String, flags: FSEventStreamEventFlags)? in
                let path = String(decoding: event.path, as: UTF8.self)
                return path.utf8.elementsEqual(event.path) ? (path, event.flags) : nil
            }
            let exists = paths.map { access($0.path, F_OK) == 0 }
            for (event, there) in zip(paths, exists) where !there { handle(event.path, event.flags, into: &batch) }
            for (event, there) in zip(paths, exists) where there { handle(event.path, event.flags, into: &batch) }
            return !events.isEmpty
        }
    }

    private static let lost = FSEventStreamEventFlags(kFSEventStreamEventFlagMustScanSubDirs | kFSEventStreamEventFlagUserDropped
        | kFSEventStreamEventFlagKernelDropped | kFSEventStreamEventFlagRootChanged)

    /// One event at real path `real`.
    private func handle(_ real: String, _ flags: FSEventStreamEventFlags, into batch: inout ChangeBatch) {
        if flags & Self.lost != 0 {
            batch.overflowed = true
            return
        }
        guard let slash = real.utf8.lastIndex(of: UInt8(ascii: "/")), let folder = folders[String(real[..<slash])] else { return }
        let name = String(real[real.utf8.index(after: slash)...])
        let isFolder = flags & FSEventStreamEventFlags(kFSEventStreamEventFlagItemIsDir) != 0
        guard !name.isEmpty, !name.hasPrefix(".") || (name == ConfigurationLoader.fileName && !isFolder) else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        if NoteFiles.FolderID(root + "/" + path) != nil {
            // A folder or a link to one, made or moved in: files may be there already.
            if watched[path] == nil, !name.hasPrefix(".") { _ = addTree(path, into: &batch) }
        } else if watched[path] != nil {
            // A folder (or link) deleted or moved away.
            batch.removedFolders.insert(path)
            forget(below: path)
        } else {
            batch.paths.insert(path)
        }
    }

    /// Watches the folder at vault path `relative` and the folders below it, as the vault walk
    /// takes them, starting a stream for a folder outside every tree watched; their files (and
    /// `.notekit.yml` files) join `batch`. False when the folder cannot be watched.
    private func addTree(_ relative: String, into batch: inout ChangeBatch) -> Bool {
        let walk = NoteFiles.walk(root, below: relative, visited: &visited)
        guard walk.folders.first == relative else { return !relative.isEmpty }
        for folder in walk.folders {
            let full = folder.isEmpty ? root : root + "/" + folder
            guard let real = NoteFiles.realPath(full) else { continue }
            if !streams.keys.contains(where: { real == $0 || real.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) {
                guard let stream = startStream(real) else {
                    if folder.isEmpty { return false }
                    continue
                }
                streams[real] = stream
            }
            folders[real] = folder
            watched[folder] = (real, NoteFiles.FolderID(full))
            let configuration = folder.isEmpty ? ConfigurationLoader.fileName : folder + "/" + ConfigurationLoader.fileName
            if access(root + "/" + configuration, F_OK) == 0 { batch.paths.insert(configuration) }
        }
        batch.paths.formUnion(walk.files)
        return true
    }

    /// Forgets the folder at vault path `path` and every folder below it, and ends the streams
    /// no folder watched needs any more.
    private func forget(below path: String) {
        for (folder, entry) in watched where folder == path || folder.hasPrefix(path + "/") {
            watched[folder] = nil
            folders[entry.real] = nil
            if let id = entry.id, !watched.values.contains(where: { $0.id == id }) { visited.remove(id) }
        }
        for (real, stream) in streams where folders[real] == nil {
            Self.end(stream)
            streams[real] = nil
        }
    }

    /// A started stream of file events below the real path `real`, delivered to the inbox.
    private func startStream(_ real: String) -> FSEventStreamRef? {
        var context = FSEventStreamContext(version: 0, info: Unmanaged.passUnretained(inbox).toOpaque(),
                                           retain: nil, release: nil, copyDescription: nil)
        let flags = FSEventStreamCreateFlags(kFSEventStreamCreateFlagFileEvents | kFSEventStreamCreateFlagNoDefer
                                             | kFSEventStreamCreateFlagWatchRoot)
        guard let stream = FSEventStreamCreate(kCFAllocatorDefault, receive, &context, [real] as CFArray,
                                               FSEventStreamEventId(kFSEventStreamEventIdSinceNow), 0.05, flags) else { return nil }
        FSEventStreamSetDispatchQueue(stream, queue)
        guard FSEventStreamStart(stream) else {
            FSEventStreamInvalidate(stream)
            FSEventStreamRelease(stream)
            return nil
        }
        return stream
    }

    private static func end(_ stream: FSEventStreamRef) {
        FSEventStreamStop(stream)
        FSEventStreamInvalidate(stream)
        FSEventStreamRelease(stream)
    }

    /// The events FSEvents delivered on the watcher's queue, until `next` takes them; a byte
    /// written to a pipe wakes `next`.
    fileprivate final class Inbox: @unchecked Sendable {
        struct Event {
            let path: [UInt8]
            let flags: FSEventStreamEventFlags
        }

        private let lock = NSLock()
        private var events: [Event] = []
        let readEnd: Int32
        private let writeEnd: Int32

        init?() {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { return nil }
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, O_NONBLOCK)
            }
            (readEnd, writeEnd) = (ends[0], ends[1])
        }

        deinit {
            close(readEnd)
            close(writeEnd)
        }

        func add(_ new: [Event]) {
            lock.withLock { events += new }
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }

        func take() -> [Event] {
            var buffer = [UInt8](repeating: 0, count: 256)
            while read(readEnd, &buffer, buffer.count) > 0 {}
            return lock.withLock {
                defer { events = [] }
                return events
            }
        }
    }
}

/// The FSEvents callback: the paths (C strings, as no CF types were asked for) and flags of the
/// events go to the inbox given as the stream's context.
private func receive(_ stream: ConstFSEventStreamRef, _ info: UnsafeMutableRawPointer?, _ count: Int,
                     _ paths: UnsafeMutableRawPointer, _ flags: UnsafePointer<FSEventStreamEventFlags>,
                     _ ids: UnsafePointer<FSEventStreamEventId>) {
    guard let info else { return }
    let inbox = Unmanaged<FSEventsWatcher.Inbox>.fromOpaque(info).takeUnretainedValue()
    let strings = paths.assumingMemoryBound(to: UnsafePointer<CChar>.self)
    inbox.add((0..<count).map { index in
        FSEventsWatcher.Inbox.Event(path: Array(UnsafeRawBufferPointer(start: strings[index], count: strlen(strings[index]))), flags: flags[index])
    })
}
#endif
