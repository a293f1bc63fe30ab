import Foundation
import NoteParser
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NoteFix

/// `notekit fix --write` killed with SIGKILL at random moments leaves every note whole: its
/// original bytes or its fully fixed ones. Leftover `.NAME.notekit-XXXXXX` temporaries are
/// removed by the next run.
@Suite struct KillTests {
    @Test(.enabled(if: Support.hasCorpus, "needs ../shared/corpus beside the package"),
          .enabled(if: Support.hasBinary, "notekit is not built at .build/debug/notekit"))
    func killedWritesLeaveNotesOldOrFixed() throws {
        let directory = try Support.corpusCopy(every: 7)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (result, files) = try Support.fix(directory)
        let originals = Dictionary(uniqueKeysWithValues: try files.map { ($0, try Data(contentsOf: URL(fileURLWithPath: $0))) })
        let fixed = Dictionary(uniqueKeysWithValues: result.rewrites.map { ($0.path, Data($0.result)) })
        let changed = result.rewrites.filter(\.isChanged).count
        #expect(files.count > 150 && changed > 50, "\(files.count) notes, \(changed) to fix")

        // A full run, timed, and how long it lasts after replacing its first note.
        let first = try #require(result.rewrites.first(where: \.isChanged)?.path)
        let started = Date()
        let (status, writing) = try Self.run(in: directory, kill: nil, watching: first)
        #expect(status == 0)
        let fullRun = Date().timeIntervalSince(started)
        #expect(try Self.states(files, originals, fixed) == (old: files.count - changed, new: files.count))

        // Half the kills at random during the run, half within 5 ms of its first write.
        var partial = 0
        for run in 0..<16 {
            for (path, data) in originals { try data.write(to: URL(fileURLWithPath: path)) }
            let kill = run % 2 == 0 ? Kill.after(Double.random(in: 0...fullRun))
                                    : Kill.afterFirstWrite(Double.random(in: 0...0.005))
            _ = try Self.run(in: directory, kill: kill, watching: first)
            let (old, new) = try Self.states(files, originals, fixed)
            #expect(old + new - (files.count - changed) == files.count, "a note is neither its original nor its fixed version")
            if old < files.count && new < files.count { partial += 1 }
        }
        #expect(partial > 0, "no kill landed between two writes")
        #expect(Support.temporaries(under: directory).allSatisfy { $0.hasSuffix(".md.notekit-" + $0.suffix(6)) })
        print("KillTests: \(partial) of 16 runs killed between writes; \(Support.temporaries(under: directory).count) temporaries left; run \(fullRun) s, writes \(writing) s")

        #expect(try Self.run(in: directory, kill: nil, watching: first).status == 0)
        #expect(try Self.states(files, originals, fixed).new == files.count)
        #expect(Support.temporaries(under: directory).isEmpty)
    }

    /// How many notes hold their original bytes and how many their fixed bytes (unchanged
    /// notes count as both); a note holding anything else is recorded as an issue.
    static func states(_ files: [String], _ originals: [String: Data], _ fixed: [String: Data]) throws -> (old: Int, new: Int) {
        var old = 0, new = 0
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            if data == originals[file] { old += 1 }
            if data == fixed[file] { new += 1 }
            if data != originals[file] && data != fixed[file] { Issue.record("\(file) is neither original nor fixed") }
        }
        return (old, new)
    }

    /// When to kill a run: seconds after its start, or after it replaced its first note.
    enum Kill {
        case after(Double)
        case afterFirstWrite(Double)
    }

    /// Runs `notekit fix --write .` in `directory`, killed with SIGKILL as `kill` says;
    /// returns the exit status and how long the run went on after it replaced `watched`
    /// (found by polling the file's inode, which a rename changes).
    static func run(in directory: URL, kill: Kill?, watching watched: String) throws -> (status: Int32, writing: Double) {
        let inode = { () -> ino_t in
            var status = stat()
            return stat(watched, &status) == 0 ? status.st_ino : 0
        }
        let before = inode()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Support.binary)
        process.arguments = ["fix", "--write", "."]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var firstWrite: Date?
        switch kill {
        case .after(let delay)?:
            usleep(useconds_t(delay * 1_000_000))
        case .afterFirstWrite(let delay)?:
            while process.isRunning && inode() == before { usleep(200) }
            usleep(useconds_t(delay * 1_000_000))
        case nil:
            while process.isRunning {
                if firstWrite == nil && inode() != before { firstWrite = Date() }
                usleep(200)
            }
        }
        if kill != nil { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (process.terminationStatus, firstWrite.map { Date().timeIntervalSince($0) } ?? 0)
    }
}
