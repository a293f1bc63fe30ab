import Foundation
import NoteLint
import NoteParser
@testable import NoteFix

/// Paths and helpers shared by the NoteFix suites.
enum Support {
    /// The defaults with every style on, so that the style rules' fixes run too.
    static var everyStyle: Configuration {
        var configuration = Configuration()
        configuration.presets = Preset.names
        return configuration
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus) }
    /// The built command, beside the test bundle.
    static let binary = packageRoot.appendingPathComponent(".build/debug/notekit").path
    static var hasBinary: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    /// Runs `notekit arguments...` in `directory` to the end.
    static func notekit(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    static func note(_ text: String, path: String = "note.md") throws -> Note {
        try NoteParser().parse(bytes: Array(text.utf8), path: path)
    }

    static func edit(_ range: Range<Int>, _ replacement: String, origin: String = "test/rule") -> PlannedEdit {
        PlannedEdit(edit: Edit(range: range, replacement: replacement), origin: origin, summary: "test")
    }

    /// Copies the corpus notes (every `step`-th, all by default) into a fresh temporary
    /// directory with a `.notekit.yml`, so the vault is rooted there; returns it.
    static func corpusCopy(every step: Int = 1) throws -> URL {
        let directory = try temporaryDirectory()
        try Data("# notekit fix tests: every rule with a fix\nextends: [recommended, research-vault]\n".utf8).write(to: directory.appendingPathComponent(".notekit.yml"))
        let files = NoteFiles.collect([corpus]).files
        for file in stride(from: 0, to: files.count, by: step).map({ files[$0] }) {
            let target = directory.appendingPathComponent(String(file.dropFirst(corpus.count + 1)))
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: file, toPath: target.path)
        }
        return directory
    }

    /// Runs `NoteFixer` over the notes under `directory` as `notekit fix` does (each note's
    /// `.notekit.yml`), returning the result and the files.
    static func fix(_ directory: URL, options: NoteFixer.Options = .init()) throws -> (result: NoteFixer.Result, files: [String]) {
        let files = NoteFiles.collect([directory.path]).files
        let loader = try ConfigurationLoader()
        let result = try NoteFixer(options: options).fix(files.map { Linter.Input(path: $0) }) { try loader.configuration(for: $0) }
        return (result, files)
    }

    /// Hidden `.NAME.notekit-XXXXXX` temporaries anywhere under `directory`.
    static func temporaries(under directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.contains(".notekit-") }
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
