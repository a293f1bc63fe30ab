import Foundation
import NoteParser
import Yams

/// Reads `.notekit.yml` files and finds the one that applies to a note, checking them against
/// a `RuleCatalog` (NoteLint's overloads without one check them against the registered rules).
public final class ConfigurationLoader: @unchecked Sendable {
    public static let fileName = ".notekit.yml"

    private let rules: RuleCatalog
    private let explicit: Configuration?
    private let defaultRoot: String
    private var byDirectory: [String: Configuration] = [:]
    private var byFolder: [String: Configuration] = [:]
    /// The folder (its bytes as written; nil for a path without one) of the last note asked
    /// about, and its configuration.
    private var lastFolder: (bytes: [UInt8]?, configuration: Configuration)?
    private let lock = NSLock()

    /// With `path`, that file applies to every note; otherwise each note's nearest
    /// `.notekit.yml` upward from its folder, or the defaults, whose vault root is
    /// `defaultRoot` (the current directory when nil).
    public init(path: String? = nil, defaultRoot: String? = nil, rules: RuleCatalog) throws(ConfigurationError) {
        self.rules = rules
        explicit = try path.map { path throws(ConfigurationError) in try Self.read(path, rules: rules) }
        self.defaultRoot = defaultRoot ?? FileManager.default.currentDirectoryPath
    }

    /// The configuration for the note at `path`.
    public func configuration(for path: String) throws(ConfigurationError) -> Configuration {
        if let explicit { return explicit }
        // Notes of one folder share the answer, found by their folder as written. A walk lists
        // notes folder by folder: the last folder's answer is tried first, on the path's bytes.
        var text = path
        let (slash, last) = text.withUTF8 { bytes -> (Int?, Configuration?) in
            let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
            lock.lock()
            defer { lock.unlock() }
            guard let lastFolder else { return (slash, nil) }
            let isSame = switch (lastFolder.bytes, slash) {
            case (nil, nil): true
            case let (folder?, slash?): folder.count == slash && (slash == 0 || memcmp(folder, bytes.baseAddress!, slash) == 0)
            default: false
            }
            return (slash, isSame ? lastFolder.configuration : nil)
        }
        if let last { return last }
        let folder = slash.map { String(decoding: path.utf8.prefix($0), as: UTF8.self) } ?? "."
        lock.lock()
        let known = byFolder[folder]
        lock.unlock()
        let found: Configuration
        if let known { found = known } else { found = try configuration(inOrAbove: VaultPath.absolute(folder.isEmpty ? "/" : folder)) }
        lock.lock()
        if known == nil { byFolder[folder] = found }
        lastFolder = (slash.map { Array(path.utf8.prefix($0)) }, found)
        lock.unlock()
        return found
    }

    private func configuration(inOrAbove directory: String) throws(ConfigurationError) -> Configuration {
        lock.lock()
        let cached = byDirectory[directory]
        lock.unlock()
        if let cached { return cached }
        let candidate = (directory as NSString).appendingPathComponent(Self.fileName)
        let isTop = directory == "/" || directory.isEmpty
        let found: Configuration
        if FileManager.default.fileExists(atPath: candidate) {
            found = try Self.read(candidate, rules: rules) { () throws(ConfigurationError) in
                isTop ? nil : try self.configuration(inOrAbove: (directory as NSString).deletingLastPathComponent)
            }
        } else if isTop {
            var defaults = Configuration()
            defaults.root = defaultRoot
            found = defaults
        } else {
            found = try configuration(inOrAbove: (directory as NSString).deletingLastPathComponent)
        }
        lock.lock()
        byDirectory[directory] = found
        lock.unlock()
        return found
    }

    /// Reads and validates one configuration file and the files it extends (not its parent folders').
    public static func read(_ path: String, rules: RuleCatalog) throws(ConfigurationError) -> Configuration {
        try read(path, rules: rules) { () throws(ConfigurationError) in nil }
    }

    /// Reads one configuration file onto `parent()`, the configuration of the folder above, when
    /// that comes from a file and this one does not say `root: true`; the vault root is then the
    /// parent's, else this file's folder.
    static func read(_ path: String, rules: RuleCatalog, parent: () throws(ConfigurationError) -> Configuration?) throws(ConfigurationError) -> Configuration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(path: path, line: 1, column: 1, message: "cannot read configuration: \(error.localizedDescription)")
        }
        let file = URL(fileURLWithPath: path).standardizedFileURL
        return try decoding(path) { () throws in
            let top = try ConfigurationDecoder(path: path, rules: rules).top(text)
            var base = Configuration()
            var root = file.deletingLastPathComponent().path
            if try !ConfigurationDecoder(path: path, rules: rules).isRoot(top), let inherited = try parent(), inherited.path != nil {
                base = inherited
                root = inherited.root
            }
            var configuration = try ConfigurationDecoder(path: path, rules: rules, vaultRoot: root, chain: [file.path]).decode(top, onto: base)
            configuration.root = root
            configuration.path = path
            return configuration
        }
    }

    /// Parses configuration text; `path` names it in errors and is where `extends` paths start.
    public static func parse(_ text: String, path: String = fileName, rules: RuleCatalog) throws(ConfigurationError) -> Configuration {
        try decoding(path) { () throws in try ConfigurationDecoder(path: path, rules: rules).decode(text) }
    }

    /// The result of `decode`, its failures as configuration errors (YAML errors at their place in `path`).
    private static func decoding(_ path: String, _ decode: () throws -> Configuration) throws(ConfigurationError) -> Configuration {
        do {
            return try decode()
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw ConfigurationError(path: path, yamlError: error)
        } catch {
            throw ConfigurationError(path: path, line: 1, column: 1, message: "\(error)")
        }
    }
}
