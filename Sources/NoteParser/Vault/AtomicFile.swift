import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces files all at once: a reader sees the old bytes or the new ones, never a mix.
///
/// A replaced file keeps what makes it the same file to its owner: owner, group, mode and
/// extended attributes (ACLs included). A symbolic link is kept and its target replaced. A
/// file with several hard links is refused, since renaming a new file over one name would
/// split it from the others. The temporary file (`.NAME.notekit-XXXXXX` beside the note)
/// is created exclusively, mode 0600, and locked while the run that made it lives, so that
/// another run removes it only once it is abandoned.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path): \(message)" }
    }

    /// The infix of temporary file names: `.NAME` + this + six random characters.
    static let temporaryInfix = ".notekit-"

    /// Writes `data` to `path` through a temporary file in the same directory (fsync, then
    /// rename), keeping the file's identity (see the type's documentation).
    ///
    /// `expectedOriginal` is what the caller read before: the write is refused when the file
    /// changed since (or, for nil, when a file appeared), so edits made meanwhile are not lost;
    /// it is compared before writing, again right before the rename, and on Linux (where the rename
    /// is an atomic exchange) the replaced bytes once more: a save that landed meanwhile is put back.
    public static func write(_ data: Data, to path: String, expectedOriginal: Data?) throws(WriteError) {
        func fail(_ message: String) -> WriteError { WriteError(path: path, message: message) }
        func systemError() -> String { String(cString: strerror(errno)) }
        let target = try resolvedTarget(of: path)
        var status = stat()
        let exists = stat(target, &status) == 0
        if exists {
            guard status.st_mode & S_IFMT == S_IFREG else { throw fail("not a regular file; not written") }
            guard status.st_nlink <= 1 else {
                throw fail("has \(status.st_nlink) hard links; not written, since replacing it would split them (edit it by hand, or give it one name)")
            }
        }
        let current = FileManager.default.contents(atPath: target)
        guard current == expectedOriginal else {
            throw fail(expectedOriginal == nil ? "file appeared since it was read" : "file changed since it was read")
        }
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        let (descriptor, temporary) = try lockedTemporary(beside: url, fail: fail)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
            close(descriptor)
        }
        guard FileWriter.writeAll(data, to: descriptor) else { throw fail("cannot write: \(systemError())") }
        if exists {
            try copyExtendedAttributes(from: target, to: descriptor, fail: fail)
            if status.st_uid != geteuid() || status.st_gid != getegid() {
                guard fchown(descriptor, status.st_uid, status.st_gid) == 0 else {
                    throw fail("cannot keep its owner and group (\(status.st_uid):\(status.st_gid)): \(systemError()); not written")
                }
            }
        }
        // After fchown, which may clear set-user-ID bits.
        guard fchmod(descriptor, exists ? status.st_mode & 0o7777 : 0o666 & ~currentUmask()) == 0 else {
            throw fail("cannot set the mode: \(systemError())")
        }
        guard fsync(descriptor) == 0 else { throw fail("cannot write: \(systemError())") }
        // Again right before the rename: a save made while the new bytes were written wins.
        guard FileManager.default.contents(atPath: target) == expectedOriginal else {
            throw fail(expectedOriginal == nil ? "file appeared since it was read" : "file changed since it was read")
        }
        if let exchange = Exchange.function, exchange(AT_FDCWD, temporary, AT_FDCWD, target, Exchange.flag) == 0 {
            // Linux: swapped atomically, so what was replaced is at `temporary` and can be checked.
            // A save that landed after the comparison above is swapped back: it wins.
            guard FileManager.default.contents(atPath: temporary) == expectedOriginal else {
                _ = exchange(AT_FDCWD, temporary, AT_FDCWD, target, Exchange.flag)
                throw fail("file changed since it was read")
            }
            unlink(temporary)
        } else {
            guard rename(temporary, target) == 0 else { throw fail("cannot replace: \(systemError())") }
        }
        renamed = true
        let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// The file a write to `path` replaces: `path` itself, or the file its symbolic links lead to.
    private static func resolvedTarget(of path: String) throws(WriteError) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let resolved = realpath(path, nil) else {
            throw WriteError(path: path, message: "symbolic link whose target cannot be resolved: \(String(cString: strerror(errno))); not written")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A new temporary file beside `url` (O_EXCL, mode 0600), locked for this run, and its path.
    private static func lockedTemporary(beside url: URL, fail: (String) -> WriteError) throws(WriteError) -> (Int32, String) {
        let prefix = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + temporaryInfix
        for _ in 0..<8 {
            var template = Array((prefix + "XXXXXX").utf8CString)
            let descriptor = mkstemp(&template)
            guard descriptor >= 0 else { throw fail("cannot create a temporary file: \(String(cString: strerror(errno)))") }
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // Another run's clean-up may take it between creation and lock: then make another.
            if flock(descriptor, LOCK_EX) == 0, isSameFile(descriptor, temporary) { return (descriptor, temporary) }
            close(descriptor)
        }
        throw fail("cannot create a temporary file: it kept disappearing")
    }

    /// True when `path` still names the file open as `descriptor`.
    private static func isSameFile(_ descriptor: Int32, _ path: String) -> Bool {
        var open = stat(), named = stat()
        return fstat(descriptor, &open) == 0 && lstat(path, &named) == 0 && open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Copies every extended attribute of `path` (ACLs, SELinux labels, user attributes) to
    /// the file open as `descriptor`; a file system without them has nothing to copy.
    private static func copyExtendedAttributes(from path: String, to descriptor: Int32, fail: (String) -> WriteError) throws(WriteError) {
        guard let xattr = ExtendedAttributes.functions else { return }
        let size = xattr.list(path, nil, 0)
        guard size > 0 else {
            if size < 0, errno != ENOTSUP { throw fail("cannot read its extended attributes: \(String(cString: strerror(errno))); not written") }
            return
        }
        var names = [CChar](repeating: 0, count: size)
        let listed = xattr.list(path, &names, size)
        guard listed >= 0 else { throw fail("cannot read its extended attributes: \(String(cString: strerror(errno))); not written") }
        for name in names[..<listed].split(separator: 0) {
            let key = Array(name) + [0]
            let length = xattr.get(path, key, nil, 0)
            var value = [UInt8](repeating: 0, count: max(length, 0))
            let read = length < 0 ? -1 : xattr.get(path, key, &value, value.count)
            guard read >= 0, xattr.set(descriptor, key, value, read, 0) == 0 else {
                let attribute = String(decoding: name.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                throw fail("cannot keep its extended attribute \(attribute): \(String(cString: strerror(errno))); not written")
            }
        }
    }

    /// Removes temporary files that interrupted writes of `paths` left beside them: only those
    /// no live run holds (each run locks its own), so concurrent runs never remove each other's.
    public static func removeAbandonedTemporaries(of paths: [String]) {
        // Beside the files written: a symbolic link's target, not the link.
        let targets = paths.map { path in (try? resolvedTarget(of: path)) ?? path }
        let byDirectory = Dictionary(grouping: targets.map { URL(fileURLWithPath: $0) }) { ExactPath($0.deletingLastPathComponent().path) }
        for (directory, urls) in byDirectory {
            let prefixes = Set(urls.map { ExactPath("." + $0.lastPathComponent + temporaryInfix) })
            let folder = directory.description
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where name.utf8.count > 6 && prefixes.contains(ExactPath(String(Substring(name.utf8.dropLast(6))))) {
                let path = folder + "/" + name
                let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
                guard descriptor >= 0 else { continue }
                if flock(descriptor, LOCK_EX | LOCK_NB) == 0, isSameFile(descriptor, path) { unlink(path) }
                close(descriptor)
            }
        }
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}

/// `renameat2(…, RENAME_EXCHANGE)`, looked up at run time (Glibc's module does not export it);
/// nil where the C library lacks it.
enum Exchange {
    typealias Function = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    static let flag: UInt32 = 2 // RENAME_EXCHANGE
    static let function: Function? = {
        #if !os(Linux)
        return nil
        #endif
        return dlsym(dlopen(nil, RTLD_NOW), "renameat2").map { unsafeBitCast($0, to: Function.self) }
    }()
}

/// The C library's extended attribute calls, looked up at run time (Glibc's module does not
/// export `<sys/xattr.h>`); nil where the C library lacks them.
enum ExtendedAttributes {
    typealias List = @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias Get = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafeMutableRawPointer?, Int) -> Int
    typealias Set = @convention(c) (Int32, UnsafePointer<CChar>?, UnsafeRawPointer?, Int, Int32) -> Int32

    static let functions: (list: List, get: Get, set: Set)? = {
        #if !os(Linux)
        return nil // Darwin's calls take more arguments.
        #endif
        let library = dlopen(nil, RTLD_NOW)
        guard let list = dlsym(library, "listxattr"), let get = dlsym(library, "getxattr"),
              let set = dlsym(library, "fsetxattr") else { return nil }
        return (unsafeBitCast(list, to: List.self), unsafeBitCast(get, to: Get.self), unsafeBitCast(set, to: Set.self))
    }()
}
