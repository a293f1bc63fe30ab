import ArgumentParser
import Foundation
import NoteLSP
import NoteParser

/// `notekit bench-lsp FOLDER` (hidden, for `make bench`): drives `notekit lsp` in process as an
/// editor does and times the first diagnostics of an opened note after `initialize` (cold: its
/// note rules' findings, then all of them once the vault is loaded),
/// didChange → diagnostics, and completion after `[^`.
struct BenchLSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-lsp",
        abstract: "Time notekit lsp: first diagnostics, didChange, completion (for make bench).",
        shouldDisplay: false
    )

    @Argument(help: "The vault folder.")
    var folder: String

    @Option(help: "Number of edits and completions timed.")
    var edits = 200

    func run() throws {
        let root = VaultPath.absolute(folder)
        let files = NoteFiles.vaultFiles(under: root).filter(NoteFiles.isMarkdown)
        let sizes = files.map { path in (path, (try? FileManager.default.attributesOfItem(atPath: root + "/" + path)[.size] as? Int) ?? 0) }
        let essays = sizes.filter { $0.0.hasPrefix("essays/") }
        guard let note = (essays.isEmpty ? sizes : essays).max(by: { $0.1 < $1.1 })?.0,
              let text = try? String(contentsOfFile: root + "/" + note, encoding: .utf8) else {
            throw Output.failure("error: no note to open under \(folder)")
        }
        var published: [DispatchTime] = []
        let server = LanguageServer(documentationURL: nil) { body in
            if body.count > 40, String(decoding: body.prefix(200), as: UTF8.self).contains("publishDiagnostics") { published.append(.now()) }
        }
        let uri = URL(fileURLWithPath: root + "/" + note).absoluteString
        func send(_ message: JSON) { server.handle(message.encoded()) }
        func request(_ id: Int, _ method: String, _ params: JSON) { send(.object(["jsonrpc": .string("2.0"), "id": .int(id), "method": .string(method), "params": params])) }
        func notify(_ method: String, _ params: JSON) { send(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params])) }
        let start = DispatchTime.now()
        request(1, "initialize", .object(["rootUri": .string(URL(fileURLWithPath: root).absoluteString), "capabilities": .object([:])]))
        notify("initialized", .object([:]))
        notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("markdown"), "version": .int(1), "text": .string(text)])]))
        let full = BenchWorkspaceCommand.milliseconds(since: start)
        guard let first = published.first else { throw Output.failure("error: no diagnostics were published for \(note)") }
        let cold = Double(first.uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let end = JSON.object(["line": .int(lines - 1), "character": .int(0)])
        var change: [Double] = [], completion: [Double] = []
        var version = 1
        func edit(_ range: JSON, _ newText: String) {
            version += 1
            notify("textDocument/didChange", .object(["textDocument": .object(["uri": .string(uri), "version": .int(version)]),
                                                      "contentChanges": .array([.object(["range": range, "text": .string(newText)])])]))
        }
        for index in 0..<edits {
            // Typing at the end: a sentence citing a source, then the edit undone.
            let typed = "\nEdited \(index), citing [^"
            var clock = DispatchTime.now()
            edit(.object(["start": end, "end": end]), typed)
            change.append(BenchWorkspaceCommand.milliseconds(since: clock))
            let caret = JSON.object(["line": .int(lines), "character": .int(typed.utf16.count - 1)])
            clock = DispatchTime.now()
            request(index + 2, "textDocument/completion", .object(["textDocument": .object(["uri": .string(uri)]), "position": caret]))
            completion.append(BenchWorkspaceCommand.milliseconds(since: clock))
            edit(.object(["start": end, "end": caret]), "")
        }
        request(edits + 2, "shutdown", .null)
        notify("exit", .null)
        Output.print("""
            lsp: first diagnostics of \(note) (\(text.utf8.count) bytes) \(String(format: "%.0f", cold)) ms after initialize (cold, note rules), \
            all (vault of \(files.count) notes loaded) after \(String(format: "%.0f", full)) ms
            lsp: didChange → diagnostics, \(edits) edits: median \(Self.format(change, 0.5)) ms, p99 \(Self.format(change, 0.99)) ms
            lsp: completion after [^, \(edits) requests: median \(Self.format(completion, 0.5)) ms, p99 \(Self.format(completion, 0.99)) ms
            lsp: resident memory \(BenchWorkspaceCommand.residentMegabytes()) MB, peak \(Self.peakMegabytes()) MB
            """)
    }

    /// The `quantile` of `times` (nearest rank).
    private static func format(_ times: [Double], _ quantile: Double) -> String {
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return "-" }
        return String(format: "%.2f", sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * quantile).rounded(.up)) - 1))])
    }

    /// The process's peak resident set (VmHWM) in MB, "?" where there is none.
    private static func peakMegabytes() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return "?" }
        return String(format: "%.0f", kilobytes / 1024)
    }
}
