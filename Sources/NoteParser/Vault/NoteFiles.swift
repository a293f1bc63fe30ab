import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands paths into the Markdown files they name: files as given, directories
/// walked for `*.md` (hidden folders such as `.git` and `.obsidian` skipped), sorted by bytes.
///
/// Nothing is passed over in silence: a `*.md` entry that cannot be read as a note (a
/// symbolic link loop or one to nothing, a FIFO, device or socket, a name that is not UTF-8)
/// and a folder that cannot be read (permissions, a path over `PATH_MAX`) each come back
/// as an error with the reason, and the walk goes on.
public enum NoteFiles {
    public static func collect(_ paths: [String]) -> (files: [String], errors: [NoteError]) {
        var walked: [String: [String]] = [:]
        return collect(paths, walked: &walked)
    }

    /// `collect(_:)`, also giving every file each folder of `paths` holds, by the folder's
    /// absolute path (`VaultPath.absolute`), as `vaultFiles(under:)` lists them: a lint of its
    /// vault root needs not walk it again.
    public static func collect(_ paths: [String], walked: inout [String: [String]]) -> (files: [String], errors: [NoteError]) {
        var files: [String] = []
        var errors: [NoteError] = []
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                let error = errno
                if let raw = rawArgument(decodedAs: path) {
                    errors.append(NoteError(path: ExactPath.escaped(raw), code: .unreadable,
                                            message: "the name is not valid UTF-8; skipped (rename it)"))
                } else {
                    errors.append(NoteError(path: path, code: .unreadable, message: "cannot read: \(Self.reason(error, at: path))"))
                }
                continue
            }
            guard status.st_mode & S_IFMT == S_IFDIR else { files.append(path); continue }
            let prefix = path == "." ? "" : path.hasSuffix("/") ? path : path + "/"
            let walk = walk(path)
            walked[VaultPath.absolute(path)] = walk.files
            files += walk.files.filter(isMarkdown).map { prefix + $0 }
            errors += walk.problems.map { NoteError(path: prefix + $0.path, code: .unreadable, message: $0.message) }
        }
        return (files, errors)
    }

    /// Every regular file below a vault root (hidden files and folders skipped), relative to
    /// the root with `/` separators, sorted by bytes: what links and embeds may point at.
    public static func vaultFiles(under root: String) -> [String] {
        walk(root).files
    }

    /// True for names ending in `.md` (any case).
    public static func isMarkdown(_ path: String) -> Bool {
        // Read in place: a generic `suffix` walk of the UTF-8 view costs hundreds of instructions,
        // and a lint run asks for every file of the vault.
        path.utf8.withContiguousStorageIfAvailable(endsInMarkdown) ?? Array(path.utf8).withUnsafeBufferPointer(endsInMarkdown)
    }

    /// True when `bytes` end in `.md`, any case (each byte compared with bit 0x20 set).
    private static func endsInMarkdown(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        return count >= 3 && bytes[count - 3] | 0x20 == UInt8(ascii: ".") && bytes[count - 2] | 0x20 == UInt8(ascii: "m")
            && bytes[count - 1] | 0x20 == UInt8(ascii: "d")
    }

    /// A file or folder the walk could not take, relative to the folder walked.
    package struct Problem {
        package let path: String
        package let message: String
    }

    /// A folder as the file system knows it, whatever path leads to it.
    package struct FolderID: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64

        /// The folder at `path` (symbolic links followed); nil when there is none.
        package init?(_ path: String) {
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    /// The regular files (and symbolic links to them) below `directory`, hidden ones and
    /// those in hidden folders skipped, relative to `directory`, sorted by bytes; and the
    /// folders and `*.md` entries it could not take.
    static func walk(_ directory: String) -> (files: [String], problems: [Problem]) {
        var visited: Set<FolderID> = []
        let walk = walk(directory, below: "", visited: &visited)
        return (walk.files, walk.problems)
    }

    /// The walk of the folder at `relative` below `directory` (`""`: `directory` itself) and
    /// the folders it walked (relative paths, itself first). Symbolic links to folders are
    /// followed once, by real path: a folder already in `visited` (reached by an earlier path or
    /// a second link) is not walked again, nor is a link to a folder holding the link or
    /// `directory` (a loop). Real folders are walked before links,
    /// and links in byte order, so the path a folder is reached by does not depend on `readdir`.
    package static func walk(_ directory: String, below relative: String, visited: inout Set<FolderID>)
        -> (files: [String], problems: [Problem], folders: [String]) {
        var found: [String] = []
        var problems: [Problem] = []
        var folders: [String] = []
        var pending: [String] = [relative]
        var links: [String] = []
        while true {
            let relative: String
            if let next = pending.popLast() {
                relative = next
            } else if let link = nextLink(&links) {
                if leadsUp(directory, link) { continue }
                relative = link
            } else {
                break
            }
            let folder = relative.isEmpty ? directory : directory + "/" + relative
            if let id = FolderID(folder), !visited.insert(id).inserted { continue }
            guard let stream = opendir(folder) else {
                problems.append(Problem(path: relative.isEmpty ? "." : relative,
                                        message: "cannot read folder: \(reason(errno, at: folder)); its notes are not linted"))
                continue
            }
            defer { closedir(stream) }
            folders.append(relative)
            while let entry = readdir(stream) {
                let (nameBytes, type) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    (Array(raw.prefix { $0 != 0 }), entry.pointee.d_type)
                }
                guard nameBytes.first != UInt8(ascii: ".") else { continue }
                guard let name = UTF8Validation.string(nameBytes) else {
                    let shown = ExactPath.escaped(nameBytes)
                    let isFolder = type == DT_DIR
                    if isFolder || isMarkdown(shown) {
                        problems.append(Problem(path: relative.isEmpty ? shown : relative + "/" + shown,
                                                message: "the \(isFolder ? "folder" : "file") name is not valid UTF-8; skipped (rename it)"))
                    }
                    continue
                }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch kind(of: type, at: folder + "/" + name) {
                case .folder: pending.append(path)
                case .folderLink: links.append(path)
                case .file: found.append(path)
                case .other(let why):
                    if let why, isMarkdown(name) { problems.append(Problem(path: path, message: why + "; skipped")) }
                }
            }
        }
        // By `ExactPath`'s `memcmp` on the bytes in place (`withUTF8` on copies retained each string).
        found.sort { ExactPath($0) < ExactPath($1) }
        problems.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return (found, problems, folders)
    }

    /// True when the link at `relative` below `directory` leads to a folder that holds it or
    /// `directory` (a loop: following it would walk them, or what lies above them, again).
    private static func leadsUp(_ directory: String, _ relative: String) -> Bool {
        guard let target = realPath(directory + "/" + relative) else { return true }
        let parent = relative.utf8.lastIndex(of: UInt8(ascii: "/")).map { directory + "/" + relative[..<$0] } ?? directory
        return [realPath(directory), realPath(parent)].contains { holder in
            guard let holder else { return true }
            return holder == target || holder.hasPrefix(target.hasSuffix("/") ? target : target + "/")
        }
    }

    /// The path of `path` with every symbolic link resolved; nil when there is nothing there.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Removes and returns the first of `links` by bytes.
    private static func nextLink(_ links: inout [String]) -> String? {
        guard let first = links.indices.min(by: { links[$0].utf8.lexicographicallyPrecedes(links[$1].utf8) }) else { return nil }
        return links.remove(at: first)
    }

    private enum Kind {
        case folder, file
        /// A symbolic link to a folder.
        case folderLink
        /// Not walked nor read; why, when it is worth saying (a folder link is not).
        case other(String?)
    }

    /// The kind of a directory entry from its `d_type`, asking the file system only when the
    /// type is unknown or a symbolic link (`path` is made only then: nearly every entry is a plain
    /// file or folder).
    private static func kind(of type: UInt8, at path: @autoclosure () -> String) -> Kind {
        var status = stat()
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            let path = path()
            if Int32(type) == Int32(DT_UNKNOWN) {
                guard lstat(path, &status) == 0 else { return .other("cannot read: \(reason(errno, at: path))") }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: return .folder
                case S_IFREG: return .file
                case S_IFLNK: break
                default: return .other(FileReader.notRegular(status.st_mode))
                }
            }
            guard stat(path, &status) == 0 else {
                let error = errno
                return .other(error == ENOENT ? "symbolic link to a missing file" : "cannot read: \(reason(error, at: path))")
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .folderLink
            default: return .other(FileReader.notRegular(status.st_mode))
            }
        default:
            status.st_mode = type == DT_FIFO ? S_IFIFO : type == DT_SOCK ? S_IFSOCK : type == DT_CHR ? S_IFCHR : type == DT_BLK ? S_IFBLK : 0
            return .other(FileReader.notRegular(status.st_mode))
        }
    }

    /// The bytes of the command-line argument Swift decoded as `path` when they are not
    /// UTF-8 (each invalid sequence became U+FFFD, so `path` names no file).
    static func rawArgument(decodedAs path: String) -> [UInt8]? {
        guard path.unicodeScalars.contains("\u{FFFD}") else { return nil }
        for index in 0..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeRawBufferPointer(start: argument, count: strlen(argument)).map { $0 }
            if UTF8Validation.firstInvalidOffset(bytes) != nil, String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(path.utf8) {
                return bytes
            }
        }
        return nil
    }

    /// The system's text for `error`, saying which limit a too-long path is over.
    static func reason(_ error: Int32, at path: String) -> String {
        let text = String(cString: strerror(error))
        if error == ENAMETOOLONG { return text + " (\(path.utf8.count) bytes; PATH_MAX is \(PATH_MAX))" }
        if error == ELOOP { return text + " (a symbolic link loop)" }
        return text
    }
}

extension NoteParser {
    /// Parses files concurrently on all cores; results are in the order of `paths`.
    public func parse(files paths: [String]) -> [Result<Note, NoteError>] {
        paths.concurrentMap { path in Result { () throws(NoteError) in try parse(contentsOf: path) } }
    }
}
