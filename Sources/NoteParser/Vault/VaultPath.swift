import Foundation

/// Paths inside a vault.
public enum VaultPath {
    /// An absolute path without `.` and `..` components (symbolic links are not resolved).
    public static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `root`, with `/` separators, when it lies inside it; else `path` unchanged.
    public static func relative(_ path: String, to root: String) -> String {
        // Fast path: `path` spells out `root/` and then plain components.
        let prefix = root.utf8.last == UInt8(ascii: "/") ? root.utf8.dropLast() : root.utf8[...]
        if !prefix.isEmpty, path.utf8.starts(with: prefix),
           path.utf8.dropFirst(prefix.count).first == UInt8(ascii: "/") {
            let rest = Substring(path.utf8.dropFirst(prefix.count + 1))
            if rest.split(separator: "/", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) {
                return String(rest)
            }
        }
        let full = absolute(path), base = absolute(root)
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : path
    }

    /// True when `path` lies inside `directory`.
    public static func isInside(_ path: String, directory: String) -> Bool {
        absolute(path).hasPrefix(absolute(directory) + "/")
    }
}
