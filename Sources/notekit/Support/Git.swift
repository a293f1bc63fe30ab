import Foundation

/// Runs `git` in the current directory.
enum Git {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The standard output of `git arguments...`; throws with git's message when it fails.
    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw Failure(description: "cannot run git: \(error.localizedDescription)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")) failed: "
                          + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return data
    }

    /// The first line of `git arguments...` output.
    static func line(_ arguments: [String]) throws -> String {
        String(decoding: try run(arguments), as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// Staged Markdown files (added, copied, modified, renamed) with their staged bytes,
    /// paths relative to the current directory.
    static func stagedNotes() throws -> [(path: String, bytes: [UInt8])] {
        let prefix = try line(["rev-parse", "--show-prefix"])
        let names = try run(["diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z"])
            .split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            .filter { $0.lowercased().hasSuffix(".md") }
        let up = String(repeating: "../", count: prefix.split(separator: "/").count)
        return try names.map { name in
            let path = name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : up + name
            return (path, Array(try run(["show", ":" + name])))
        }
    }
}
