import Foundation

/// Where notekit keeps a vault's caches (the lint cache, the site cache): `.notekit_cache/` in
/// the vault, or `$XDG_CACHE_HOME/notekit/<hash of the vault's path>/` when that is set to an
/// absolute path.
package enum CacheFolder {
    /// The cache file `name` of the vault at `root`.
    package static func file(_ name: String, forVault root: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home = environment["XDG_CACHE_HOME"], home.hasPrefix("/") {
            let vault = ContentHash(Array(VaultPath.absolute(root).utf8))
            return "\(home)/notekit/\(String(vault.value, radix: 16))/\(name)"
        }
        return (root as NSString).appendingPathComponent(".notekit_cache/\(name)")
    }
}
