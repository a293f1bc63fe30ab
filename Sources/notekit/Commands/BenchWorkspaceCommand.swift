import ArgumentParser
import Foundation
import NoteLint
import NoteParser
import NoteWorkspace

/// `notekit bench-workspace FOLDER` (hidden, for `make bench`): loads the vault into a
/// `Workspace` and times `update` + `findings` of one note edited again and again.
struct BenchWorkspaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-workspace",
        abstract: "Time Workspace updates of one edited note (for make bench).",
        shouldDisplay: false
    )

    @Argument(help: "The vault folder.")
    var folder: String

    @OptionGroup var config: ConfigOptions

    @Option(help: "Number of edits timed.")
    var edits = 200

    @Flag(help: "Each edit adds a wikilink to another note of the vault (by name) instead of a sentence: the link rules run again.")
    var wikilink = false

    @Option(help: ArgumentHelp("The note edited, a vault path (default: the largest note under essays/, else the largest).",
                               valueName: "path"))
    var note: String?

    func run() throws {
        let loader = try config.loader(for: [folder])
        let root = try loader.configuration(for: folder + "/" + ConfigurationLoader.fileName).root
        var start = DispatchTime.now()
        let workspace = try Workspace(root: root) { try loader.configuration(for: $0) }
        let load = Self.milliseconds(since: start)
        let notes = workspace.result.notes.map { (VaultPath.relative($0.path, to: root), $0.source.bytes) }
        let essays = notes.filter { $0.0.hasPrefix("essays/") }
        guard let edited = note.flatMap({ path in notes.first { $0.0 == path } })
            ?? (essays.isEmpty ? notes : essays).max(by: { $0.1.count < $1.1.count }) else {
            throw Output.failure("error: no note to edit under \(folder)")
        }
        var times: [Double] = []
        for edit in 0..<edits {
            // A sentence (or a wikilink) added at the end, different each time; every other edit
            // restores the note.
            let target = notes[(edit * 7919) % notes.count].0.split(separator: "/").last!.dropLast(3)
            let addition = wikilink ? "\n\nEdited \(edit), see [[\(target)]].\n" : "\n\nEdited \(edit), citing [^e\(edit)].\n"
            let bytes = edit % 2 == 0 ? edited.1 + Array(addition.utf8) : edited.1
            start = DispatchTime.now()
            try workspace.update(edited.0, bytes: bytes)
            _ = workspace.findings(for: edited.0)
            times.append(Self.milliseconds(since: start))
        }
        times.sort()
        let median = times.isEmpty ? 0 : times[times.count / 2]
        let p99 = times.isEmpty ? 0 : times[min(times.count - 1, Int((Double(times.count) * 0.99).rounded(.up)) - 1)]
        Output.print("""
            workspace: \(notes.count) notes loaded in \(String(format: "%.0f", load)) ms, resident memory \(Self.residentMegabytes()) MB
            workspace: update + findings of \(edited.0) (\(edited.1.count) bytes), \(edits) edits\(wikilink ? " adding a wikilink" : ""): \
            median \(String(format: "%.2f", median)) ms, p99 \(String(format: "%.2f", p99)) ms
            """)
    }

    static func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }

    /// The process's resident set (VmRSS of /proc/self/status) in MB, "?" where there is none.
    static func residentMegabytes() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return "?" }
        return String(format: "%.0f", kilobytes / 1024)
    }
}
