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

    static func markdownFiles(under directory: String) -> [String] {
        let base = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]) else { return [] }
        var found: [String] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let basePath = base.standardizedFileURL.path
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "md" {
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(basePath + "/") ? String(full.dropFirst(basePath.count + 1)) : url.lastPathComponent
            found.append(directory == "." ? relative : prefix + relative)
        }
        return found.sorted()
    }
}

extension NoteParser {
    /// Parses files concurrently on all cores; results are in the order of `paths`.
    public func parse(files paths: [String]) -> [Result<Note, NoteError>] {
        paths.concurrentMap { path in Result { () throws(NoteError) in try parse(contentsOf: path) } }
    }
}
