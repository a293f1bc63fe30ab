import Foundation

/// Paths inside a vault.
public enum VaultPath {
    /// The absolute, standardised form of `path`.
    public static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// `path` relative to `root` when it lies inside it; else `path` unchanged.
    public static func relative(_ path: String, to root: String) -> String {
        let full = absolute(path), base = absolute(root)
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : path
    }

    public static func isInside(_ path: String, directory: String) -> Bool {
        absolute(path).hasPrefix(absolute(directory) + "/")
    }
}
