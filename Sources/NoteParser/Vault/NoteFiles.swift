import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands paths into the Markdown files they name: files as given, directories
/// walked for `*.md` (hidden folders such as `.git` and `.obsidian` skipped), sorted.
public enum NoteFiles {
    public static func collect(_ paths: [String]) -> (files: [String], errors: [NoteError]) {
        var files: [String] = []
        var errors: [NoteError] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(NoteError(path: path, code: .unreadable, message: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            files += markdownFiles(under: path)
        }
        return (files, errors)
    }

    /// The `*.md` files below `directory`, as `directory/relative/path.md`, sorted.
    static func markdownFiles(under directory: String) -> [String] {
        let prefix = directory == "." ? "" : directory.hasSuffix("/") ? directory : directory + "/"
        return regularFiles(under: directory).filter { $0.lowercasedCheaply().hasSuffix(".md") }.map { prefix + $0 }
    }

    /// Every regular file below a vault root (hidden files and folders skipped), relative to
    /// the root with `/` separators, sorted: what links and embeds may point at.
    public static func vaultFiles(under root: String) -> [String] {
        regularFiles(under: root)
    }

    /// The regular files (and symbolic links to them) below `directory`, hidden ones and
    /// those in hidden folders skipped, relative to `directory`, sorted. Symbolic links to
    /// folders are not followed, so a link cycle cannot trap the walk.
    private static func regularFiles(under directory: String) -> [String] {
        var found: [String] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? directory : directory + "/" + relative
            guard let stream = opendir(folder) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard !name.hasPrefix(".") else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch kind(of: entry.pointee.d_type, at: folder + "/" + name) {
                case .folder: pending.append(path)
                case .file: found.append(path)
                case .other: break
                }
            }
        }
        return found.sorted()
    }

    private enum Kind { case folder, file, other }

    /// The kind of a directory entry from its `d_type`, asking the file system only when the
    /// type is unknown or a symbolic link (followed for files, never for folders).
    private static func kind(of type: UInt8, at path: String) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            var status = stat()
            if Int32(type) == Int32(DT_UNKNOWN), lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return .folder }
            guard stat(path, &status) == 0 else { return .other }
            return status.st_mode & S_IFMT == S_IFREG ? .file : .other
        default: return .other
        }
    }
}

extension NoteParser {
    /// Parses files concurrently on all cores; results are in the order of `paths`.
    public func parse(files paths: [String]) -> [Result<Note, NoteError>] {
        paths.concurrentMap { path in Result { () throws(NoteError) in try parse(contentsOf: path) } }
    }
}
