import Foundation

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
        return entries(under: directory).filter { $0.path.lowercased().hasSuffix(".md") }.map { prefix + $0.path }.sorted()
    }

    /// Every regular file below a vault root (hidden files and folders skipped), relative to
    /// the root with `/` separators, sorted: what links and embeds may point at.
    public static func vaultFiles(under root: String) -> [String] {
        entries(under: root).filter(\.isFile).map(\.path).sorted()
    }

    /// Every entry below `directory`, hidden ones skipped: its path relative to `directory`
    /// and whether it is a regular file.
    private static func entries(under directory: String) -> [(path: String, isFile: Bool)] {
        let base = URL(fileURLWithPath: directory).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        let basePath = base.path
        var found: [(path: String, isFile: Bool)] = []
        for case let url as URL in enumerator {
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(basePath + "/") ? String(full.dropFirst(basePath.count + 1)) : url.lastPathComponent
            found.append((relative, (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true))
        }
        return found
    }
}

extension NoteParser {
    /// Parses files concurrently on all cores; results are in the order of `paths`.
    public func parse(files paths: [String]) -> [Result<Note, NoteError>] {
        paths.concurrentMap { path in Result { () throws(NoteError) in try parse(contentsOf: path) } }
    }
}
