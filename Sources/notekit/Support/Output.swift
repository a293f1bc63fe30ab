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
