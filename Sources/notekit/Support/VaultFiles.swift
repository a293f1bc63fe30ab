import Foundation

/// Every file under a vault root, for link and embed resolution.
enum VaultFiles {
    /// Paths relative to `root` with `/` separators, hidden files and folders skipped, sorted.
    static func list(under root: String) -> [String] {
        let base = URL(fileURLWithPath: root).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
        var files: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { files.append(String(path.dropFirst(prefix.count))) }
        }
        return files.sorted()
    }
}
