import Foundation

/// A vault of files written into a fresh temporary folder, with an output folder beside it.
struct TemporaryVault {
    let base: URL
    var root: URL { base.appendingPathComponent("vault") }
    var output: URL { base.appendingPathComponent("out") }

    /// Writes `files` (vault-relative path → text) under the vault root.
    init(_ files: [String: String]) throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-vault-\(UUID().uuidString)")
        for (path, text) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func read(_ outputFile: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(outputFile), encoding: .utf8)
    }

    /// Every file and folder under the temporary folder, relative to it, sorted.
    func everything() throws -> [String] { try FileManager.default.subpathsOfDirectory(atPath: base.path).sorted() }

    func remove() { try? FileManager.default.removeItem(at: base) }
}
