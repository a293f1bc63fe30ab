import Foundation

/// The vault root of a run no `.notekit.yml` roots, and the folder note paths are shown
/// relative to: the first path when it is a folder, else the current directory.
enum VaultRoot {
    static func of(_ paths: [String]) -> String {
        var isDirectory: ObjCBool = false
        guard let first = paths.first, FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory),
              isDirectory.boolValue else { return "." }
        return first
    }
}
