import Foundation
import Yams
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a run's vault is rooted at, found from the first path it is given: the folder of
/// the outermost `.notekit.yml` at or above it (a nested file extends the one above it, so the
/// chain goes up to a file saying `root: true` or to the last file), else the nearest folder
/// holding an `.obsidian/` folder, else the top level of the git work tree it is in, else the
/// path's own folder (the path itself when it is a folder). The current directory matters only
/// for relative paths.
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
            var outermost: String?
            while true {
                let candidate = (folder == "/" ? "" : folder) + "/" + marker.name
                if stat(candidate, &status) == 0, !marker.isFolder || status.st_mode & S_IFMT == S_IFDIR {
                    guard marker.name == markers[0].name else { return folder }
                    outermost = folder
                    if declaresRoot(candidate) { break }
                }
                if folder == "/" { break }
                folder = parent(folder)
            }
            if let outermost { return outermost }
        }
        return own
    }

    /// Whether the configuration file at `path` says `root: true` (false when it cannot be read).
    public static func declaresRoot(_ path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              case .mapping(let top)? = try? ConfigurationYAML.compose(text) else { return false }
        return top.contains { $0.key.string == "root" && $0.value.bool == true }
    }

    /// The folder holding `path` as written (`.` for a bare name, `/` for a file at the top).
    private static func parent(_ path: String) -> String {
        let trimmed = path.utf8.count > 1 && path.utf8.last == UInt8(ascii: "/") ? String(path.dropLast()) : path
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == trimmed.utf8.startIndex ? "/" : String(trimmed[..<slash])
    }
}
