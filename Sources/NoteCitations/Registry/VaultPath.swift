import Foundation

/// Paths inside a vault.
enum VaultPath {
    /// The absolute, standardised form of `path`.
    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// `path` relative to `root` when it lies inside it; else `path` unchanged.
    static func relative(_ path: String, to root: String) -> String {
        let full = absolute(path), base = absolute(root)
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : path
    }

    static func isInside(_ path: String, directory: String) -> Bool {
        absolute(path).hasPrefix(absolute(directory) + "/")
    }
}
