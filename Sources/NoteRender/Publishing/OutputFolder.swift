import Foundation
import NoteParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder rendered files go to. Pages are named by slugs and written as direct children;
/// copied vault files keep their vault path under a subfolder. Every path is checked to stay
/// inside the folder, so nothing is written outside it.
public struct OutputFolder: Sendable {
    public let url: URL
    /// The folders a write has checked to lie inside the output (and created): later writes
    /// into them make no further check, so a file costs one stat besides its own writing.
    private let checked = CheckedFolders()

    public init(path: String) { url = URL(fileURLWithPath: path).standardizedFileURL }

    /// Writes `text` to `slug.ext` (atomically, replacing any symlink there); returns the file.
    public func write(_ text: String, slug: String, fileExtension: String) throws -> URL {
        // A slug as given: made again, `unique`'s `-2` on an 80-byte slug would be cut off and
        // the second page would replace the first.
        let name = (Slug.isSlug(slug) ? slug : Slug.make(slug)) + "." + fileExtension
        let file = url.appendingPathComponent(name).standardizedFileURL
        guard file.deletingLastPathComponent().path == url.path, file.lastPathComponent == name else {
            throw RenderError("\(name): refusing to write outside \(url.path)")
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Self.replace(file, with: Data(text.utf8))
        } catch let error as RenderError {
            throw RenderError("\(file.path): \(error.description)")
        } catch {
            throw RenderError("\(file.path): cannot write: \(error.localizedDescription)")
        }
        return file
    }

    /// Copies the vault file at `path` (relative to `root`) to `folder/path` in the output;
    /// returns the copy (left alone when it holds these bytes already and `onlyIfChanged`). Refuses paths with empty, `.` or `..` components, files that resolve
    /// (through symbolic links) outside the vault, and destinations outside the output.
    @discardableResult
    public func copy(_ path: String, from root: String, into folder: String, onlyIfChanged: Bool = false) throws -> URL {
        let components = (folder + "/" + path).split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw RenderError("\(path): refusing to copy a path with empty, '.' or '..' parts")
        }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        let source = rootURL.appendingPathComponent(path).resolvingSymlinksInPath()
        guard VaultPath.isInside(source.path, directory: rootURL.path) else {
            throw RenderError("\(path): refusing to copy a file from outside the vault")
        }
        let data: Data
        do {
            data = try Data(contentsOf: source)
        } catch {
            throw RenderError("\(url.path)/\(folder)/\(path): cannot copy \(path): \(error.localizedDescription)")
        }
        let relative = components.joined(separator: "/")
        return try write(data, at: relative, onlyIfChanged: onlyIfChanged) ?? url.appendingPathComponent(relative).standardizedFileURL
    }

    /// Writes `data` to the output-relative path `relative` (folders created); returns the file,
    /// or nil when `onlyIfChanged` and the file holds these bytes already (its modification time
    /// is then left alone). Refuses paths with empty, `.` or `..` parts and a
    /// symbolic link among the output's folders that leads outside it.
    @discardableResult
    public func write(_ data: Data, at relative: String, onlyIfChanged: Bool = false) throws -> URL? {
        guard Self.isPlainRelative(relative) else {
            throw RenderError("\(relative): refusing to write a path with empty, '.' or '..' parts")
        }
        // The path of a plain relative path needs no standardizing: it is joined as text, and the
        // URL made once, named a file (without a look at the disk for a folder there).
        let base = url.path, path = (base.hasSuffix("/") ? base : base + "/") + relative
        let file = URL(fileURLWithPath: path, isDirectory: false)
        do {
            // A symbolic link among the output's folders could lead the write elsewhere:
            // checked before creating folders (on the deepest existing one) and after, once a run.
            let parentPath = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
            if !checked.contains(parentPath) {
                let parent = file.deletingLastPathComponent()
                var existing = parent
                while !FileManager.default.fileExists(atPath: existing.path), existing.path != url.path {
                    existing = existing.deletingLastPathComponent()
                }
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                guard isInside(existing) else { throw RenderError("refusing to write outside \(url.path)") }
                // A parent that was there is the folder just checked: created, it is checked again.
                if existing != parent {
                    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
                    guard isInside(parent) else { throw RenderError("refusing to write outside \(url.path)") }
                }
                checked.insert(parentPath)
            }
            // A new file is created where nothing is, without the temporary file and rename that
            // replacing one atomically takes, and without a stat first (most files of a build into
            // a new folder are new). Where something is, one stat: whether it is a plain file (a
            // symbolic link is replaced, never read through) holding these bytes already.
            if try Self.create(path, with: data) { return file }
            var status = stat()
            let present = lstat(path, &status) == 0
            if onlyIfChanged, present, status.st_mode & S_IFMT == S_IFREG, (try? Data(contentsOf: file)) == data { return nil }
            // Gone again since: created (refused if something appeared meanwhile).
            if present { try Self.replace(file, with: data) } else if try !Self.create(path, with: data) { throw Self.writeFailure() }
        } catch let error as RenderError {
            throw RenderError("\(file.path): \(error.description)")
        } catch {
            throw RenderError("\(file.path): cannot write: \(error.localizedDescription)")
        }
        return file
    }

    /// Writes `data` into a new temporary file beside `file` (`.NAME.notekit-PID`, created
    /// exclusively, never through a symbolic link) and renames it over `file`: a reader sees the
    /// old bytes or the new ones, and a symbolic link at `file` is replaced. Unlike
    /// `Data.write(options: .atomic)` it does not fsync: a page can be rendered again, and
    /// syncing each one took longer than rendering it.
    private static func replace(_ file: URL, with data: Data) throws {
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).notekit-\(getpid())", isDirectory: false).path
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        if descriptor < 0, errno == EEXIST {
            // Left by a run of this process id that ended before its rename.
            unlink(temporary)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw writeFailure() }
        var error = FileWriter.writeAll(data, to: descriptor) ? nil : writeFailure()
        close(descriptor)
        if error == nil, rename(temporary, file.path) != 0 { error = writeFailure() }
        guard let error else { return }
        unlink(temporary)
        throw error
    }

    /// Creates `file` with `data` where nothing is, without the fsync `Data.write` does: like a
    /// replaced page, a new one can be rendered again. False, nothing written, when something is
    /// there (a symbolic link included). A file left part-written is removed.
    private static func create(_ path: String, with data: Data) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw writeFailure()
        }
        let error = FileWriter.writeAll(data, to: descriptor) ? nil : writeFailure()
        close(descriptor)
        guard let error else { return true }
        unlink(path)
        throw error
    }

    /// True when `relative` does not start with `/` and has no empty, `.` or `..` part.
    private static func isPlainRelative(_ relative: String) -> Bool {
        var partStart = 0, dots = 0, index = 0
        for byte in relative.utf8 {
            if byte == UInt8(ascii: "/") {
                guard index > partStart, index - partStart != dots || dots > 2 else { return false }
                partStart = index + 1
                dots = 0
            } else if byte == UInt8(ascii: ".") {
                dots += 1
            }
            index += 1
        }
        return index > partStart && (index - partStart != dots || dots > 2)
    }

    private static func writeFailure() -> RenderError { RenderError("cannot write: \(String(cString: strerror(errno)))") }

    /// Folder paths, shared by the copies of an `OutputFolder` and its threads.
    private final class CheckedFolders: @unchecked Sendable {
        private let lock = NSLock()
        private var paths = Set<String>()

        func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
        func insert(_ path: String) { _ = lock.withLock { paths.insert(path) } }
    }

    /// True when `folder`, symbolic links resolved, is the output folder or inside it.
    private func isInside(_ folder: URL) -> Bool {
        let base = url.resolvingSymlinksInPath().path, resolved = folder.resolvingSymlinksInPath().path
        return resolved == base || VaultPath.isInside(resolved, directory: base)
    }
}
