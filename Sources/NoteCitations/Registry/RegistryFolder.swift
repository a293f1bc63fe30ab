import Foundation
import NoteParser

/// Where a registry folder may be: inside the vault, whatever `..`, absolute path or
/// symbolic link names it.
public enum RegistryFolder {
    /// The folder `dir` names, relative to `root` unless absolute, as an absolute path without
    /// `.` or `..`; throws when it (its symbolic links followed) lies outside the vault.
    public static func resolve(_ dir: String, root: String) throws(OutsideVault) -> String {
        let vault = VaultPath.absolute(root)
        let folder = VaultPath.absolute(dir.hasPrefix("/") ? dir : vault + "/" + dir)
        let realVault = realPath(vault), realFolder = realPath(folder)
        guard realFolder.hasPrefix(realVault == "/" ? "/" : realVault + "/") else {
            throw OutsideVault(dir: dir, folder: realFolder, vault: realVault)
        }
        return folder
    }

    /// A registry folder outside the vault.
    public struct OutsideVault: Error, CustomStringConvertible {
        public let dir: String
        /// Where it resolves to, and the vault.
        public let folder: String, vault: String

        public var description: String {
            "registry folder '\(dir)' resolves to \(folder), outside the vault \(vault)"
        }
    }

    /// `path` with the symbolic links of its deepest existing ancestor resolved; the components
    /// below it do not exist yet, so they are kept as written.
    private static func realPath(_ path: String) -> String {
        var existing = path
        var missing: [String] = []
        while existing != "/", !FileManager.default.fileExists(atPath: existing) {
            missing.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let resolved = realpath(existing, nil) else { return path }
        defer { free(resolved) }
        let base = String(cString: resolved)
        return missing.isEmpty ? base : (base == "/" ? "" : base) + "/" + missing.joined(separator: "/")
    }
}
