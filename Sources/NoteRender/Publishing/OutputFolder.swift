import Foundation
import NoteParser

/// The folder rendered files go to. Pages are named by slugs and written as direct children;
/// copied vault files keep their vault path under a subfolder. Every path is checked to stay
/// inside the folder, so nothing is written outside it.
public struct OutputFolder: Sendable {
    public let url: URL

    public init(path: String) { url = URL(fileURLWithPath: path).standardizedFileURL }

    /// Writes `text` to `slug.ext` (atomically, replacing any symlink there); returns the file.
    public func write(_ text: String, slug: String, fileExtension: String) throws -> URL {
        let name = Slug.make(slug) + "." + fileExtension
        let file = url.appendingPathComponent(name).standardizedFileURL
        guard file.deletingLastPathComponent().path == url.path, file.lastPathComponent == name else {
            throw RenderError("\(name): refusing to write outside \(url.path)")
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw RenderError("\(file.path): cannot write: \(error.localizedDescription)")
        }
        return file
    }

    /// Copies the vault file at `path` (relative to `root`) to `folder/path` in the output;
    /// returns the copy. Refuses paths with empty, `.` or `..` components, files that resolve
    /// (through symbolic links) outside the vault, and destinations outside the output.
    public func copy(_ path: String, from root: String, into folder: String) throws -> URL {
        let components = (folder + "/" + path).split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw RenderError("\(path): refusing to copy a path with empty, '.' or '..' parts")
        }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        let source = rootURL.appendingPathComponent(path).resolvingSymlinksInPath()
        guard VaultPath.isInside(source.path, directory: rootURL.path) else {
            throw RenderError("\(path): refusing to copy a file from outside the vault")
        }
        let file = url.appendingPathComponent(components.joined(separator: "/")).standardizedFileURL
        do {
            let data = try Data(contentsOf: source)
            // A symbolic link among the output's folders could lead the copy elsewhere:
            // checked before creating folders (on the deepest existing one) and after.
            let parent = file.deletingLastPathComponent()
            var existing = parent
            while !FileManager.default.fileExists(atPath: existing.path), existing.path != url.path {
                existing = existing.deletingLastPathComponent()
            }
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            guard isInside(existing) else { throw RenderError("refusing to write outside \(url.path)") }
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            guard isInside(parent) else { throw RenderError("refusing to write outside \(url.path)") }
            try data.write(to: file, options: .atomic)
        } catch let error as RenderError {
            throw RenderError("\(file.path): \(error.description)")
        } catch {
            throw RenderError("\(file.path): cannot copy \(path): \(error.localizedDescription)")
        }
        return file
    }

    /// True when `folder`, symbolic links resolved, is the output folder or inside it.
    private func isInside(_ folder: URL) -> Bool {
        let base = url.resolvingSymlinksInPath().path, resolved = folder.resolvingSymlinksInPath().path
        return resolved == base || VaultPath.isInside(resolved, directory: base)
    }
}
