import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a run's vault is rooted at, found from the first path it is given: the nearest
/// folder at or above it holding a `.notekit.yml`, else the nearest holding an `.obsidian/`
/// folder, else the top level of the git work tree it is in, else the path's own folder (the
/// path itself when it is a folder). The current directory matters only for relative paths.
///
/// Every command finds its root here, so that lint, fix, render and the citation commands
/// agree on which notes make up the vault.
public enum VaultRoot {
    /// The markers searched for, nearest first, in order of precedence.
    static let markers: [(name: String, isFolder: Bool)] = [(".notekit.yml", false), (".obsidian", true), (".git", false)]

    /// The vault root for a run on `paths` (`.` when there is none).
    public static func of(_ paths: [String]) -> String {
        of(paths.first ?? ".")
    }

    /// The vault root of the file or folder at `path`.
    public static func of(_ path: String) -> String {
        var status = stat()
        let isFolder = stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        let own = isFolder ? path : parent(path)
        let start = VaultPath.absolute(own)
        for marker in markers {
            var folder = start
            while true {
                let candidate = (folder == "/" ? "" : folder) + "/" + marker.name
                if stat(candidate, &status) == 0, !marker.isFolder || status.st_mode & S_IFMT == S_IFDIR { return folder }
                if folder == "/" { break }
                folder = parent(folder)
            }
        }
        return own
    }

    /// The folder holding `path` as written (`.` for a bare name, `/` for a file at the top).
    private static func parent(_ path: String) -> String {
        let trimmed = path.utf8.count > 1 && path.utf8.last == UInt8(ascii: "/") ? String(path.dropLast()) : path
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == trimmed.utf8.startIndex ? "/" : String(trimmed[..<slash])
    }
}
