#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Replaces a cache file (the lint cache, the site cache) all at once (a new file beside it, renamed over it). Unlike a
/// note's `AtomicFile` write, nothing is synced to disk: a cache cut short by a crash fails its
/// checksums and is an empty cache, so durability would only cost time.
package enum CacheFile {
    /// Writes `bytes` to `path` unless the file's stamp is no longer `original` (nil: there was
    /// no file), i.e. another run wrote it meanwhile; any failure leaves the file as it was.
    package static func replace(_ path: String, with bytes: [UInt8], ifStill original: FileStamp?) {
        replace(path, ifStill: original) { FileWriter.writeAll(bytes, to: $0) }
    }

    /// `replace(_:with:ifStill:)` with the file's bytes written by `writing` to the new file's
    /// open descriptor (so that parts of the old file can be copied from it, not gathered
    /// first); false from it leaves the file as it was.
    package static func replace(_ path: String, ifStill original: FileStamp?, writing: (Int32) -> Bool) {
        var template = Array((path + ".notekit-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { return }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let written = writing(descriptor)
        let readable = fchmod(descriptor, 0o644) == 0
        let closed = close(descriptor) == 0
        guard written, readable, closed, FileStamp(of: path) == original, rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
    }

    /// Makes the folder of the cache file `path` when there is none; a `.notekit_cache` folder
    /// is, as ruff's cache, ignored by git and marked as a cache for backup tools. False when
    /// it cannot be made.
    package static func makeFolder(of path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        guard !FileManager.default.fileExists(atPath: folder) else { return true }
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        if (folder as NSString).lastPathComponent == ".notekit_cache" {
            _ = FileManager.default.createFile(atPath: folder + "/.gitignore", contents: Data("# Created by notekit.\n*\n".utf8))
            _ = FileManager.default.createFile(atPath: folder + "/CACHEDIR.TAG",
                                               contents: Data("Signature: 8a477f597d28d172789f06886806bc55\n# notekit cache\n".utf8))
        }
        return true
    }
}
