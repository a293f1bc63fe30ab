import ArgumentParser
import Foundation

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
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
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
            written = chunk.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { return false }
                    offset += count
                }
                return true
            }
        }
        return close(descriptor) == 0 && written
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
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
