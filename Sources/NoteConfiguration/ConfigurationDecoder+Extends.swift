import Foundation
import NoteParser
import Yams

/// `extends:`: presets and other configuration files a file builds on.
extension ConfigurationDecoder {
    /// `base` with each entry of the file's `extends` applied in order: a preset adds its name to
    /// `presets`; a path (relative to this file's folder) is that file decoded onto what came before.
    func extending(_ base: Configuration, _ top: Node.Mapping) throws -> Configuration {
        guard let (_, value) = top.first(where: { $0.key.string == "extends" }) else { return base }
        var entries: [Node]
        switch value {
        case .scalar: entries = [value]
        case .sequence(let sequence): entries = Array(sequence)
        default: throw error(value, "extends must be a preset name, a path or a list of them")
        }
        var configuration = base
        for entry in entries {
            guard let name = entry.string, !name.isEmpty else { throw error(entry, "extends entries must be preset names or paths") }
            if rules.presets.contains(name) {
                if !configuration.presets.contains(name) { configuration.presets.append(name) }
            } else if name.contains("/") || name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                configuration = try extending(configuration, file: name, at: entry)
            } else {
                throw error(entry, "unknown preset '\(name)'" + suggestion(name, among: rules.presets)
                                   + " (presets: \(rules.presets.joined(separator: ", ")); a file path needs a '/' or a .yml ending)")
            }
        }
        return configuration
    }

    /// The configuration file at `name` (relative to this file's folder) decoded onto `base`.
    private func extending(_ base: Configuration, file name: String, at entry: Node) throws -> Configuration {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let file = URL(fileURLWithPath: name, relativeTo: folder).standardizedFileURL.path
        let current = URL(fileURLWithPath: path).standardizedFileURL.path
        let outer = chain.isEmpty ? [current] : chain
        if let start = outer.firstIndex(of: file) {
            let top = URL(fileURLWithPath: outer[0]).deletingLastPathComponent().path
            let cycle = (outer[start...] + [file]).map { VaultPath.relative($0, to: top) }
            throw error(entry, "extends cycle: " + cycle.joined(separator: " -> "))
        }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw self.error(entry, "cannot read extended configuration '\(name)': \(error.localizedDescription)")
        }
        let decoder = ConfigurationDecoder(path: file, rules: rules, vaultRoot: vaultRoot, chain: outer + [file])
        do {
            return try decoder.decode(text, onto: base)
        } catch let error as YamlError {
            throw ConfigurationError(path: file, yamlError: error)
        }
    }

    /// What this file's globs are prefixed with to be relative to the vault root: its folder
    /// relative to the root, with a trailing `/` (empty at the root, without a root, or outside it,
    /// where globs stay relative to the vault root).
    var globPrefix: String {
        guard let vaultRoot else { return "" }
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        return VaultPath.isInside(folder, directory: vaultRoot) ? VaultPath.relative(folder, to: vaultRoot) + "/" : ""
    }
}
