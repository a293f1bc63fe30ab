import ArgumentParser
import Foundation
import NoteParser

/// Writing to standard output and error.
enum Output {
    static func print(_ text: String) { write(text + "\n") }

    /// Writes `text` to standard output as is.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `bytes` to standard output as they are, without copying them; stops at the
    /// first failed write.
    static func write(_ bytes: [UInt8]) {
        _ = FileWriter.writeAll(bytes, to: STDOUT_FILENO)
    }

    /// Writes what `bytes` hands over to the file at `path`, created or emptied, without syncing
    /// it to disk (as `Data.write(to:)` would: a report needs no durability); false when the file
    /// cannot be opened or written.
    static func write(_ bytes: (([UInt8]) -> Void) -> Void, toFile path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        var written = true
        bytes { chunk in
            guard written else { return }
            written = FileWriter.writeAll(chunk, to: descriptor)
        }
        return close(descriptor) == 0 && written
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes `lines` to standard error, each ended by a newline, in one write (a long report
    /// line by line took a system call a line); stops at the first failed write.
    static func error(lines: [String]) {
        guard !lines.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            bytes += line.utf8
            bytes.append(Byte.newline)
        }
        _ = FileWriter.writeAll(bytes, to: STDERR_FILENO)
    }

    /// Prints `message` on standard error and returns exit code 2 (usage, configuration
    /// or I/O failure) to throw.
    static func failure(_ message: String) -> ExitCode {
        error(message)
        return ExitCode(2)
    }

    /// True when standard output is a terminal and `NO_COLOR` is unset.
    static var colorsOnStandardOutput: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
