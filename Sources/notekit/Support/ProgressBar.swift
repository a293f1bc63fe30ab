import Foundation
import NoteParser

/// `notekit: label [#######-------] done/total` on standard error while a long run lasts,
/// drawn only when standard error is a terminal (never into a pipe, a file or CI logs) and
/// `begin` announces at least `minimum` items; `finish()` erases it.
final class ProgressBar: ProgressObserver, @unchecked Sendable {
    private static let width = 30
    private let label: String
    private let minimum: Int
    private let isTerminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    private let lock = NSLock()
    private var total = 0
    private var done = 0
    private var filled = -1
    private var isDrawn = false

    init(_ label: String, minimum: Int = 100) {
        self.label = label
        self.minimum = minimum
    }

    func begin(total: Int) {
        lock.withLock {
            self.total = total
            done = 0
            filled = -1
            draw()
        }
    }

    func advance() {
        lock.withLock {
            done += 1
            draw()
        }
    }

    /// Erases the bar, when one was drawn.
    func finish() {
        lock.withLock {
            if isDrawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            isDrawn = false
        }
    }

    /// Redraws when the filled part grows (at most `width` times a run).
    private func draw() {
        guard isTerminal, total >= minimum else { return }
        let now = min(done, total) * Self.width / total
        guard now != filled else { return }
        filled = now
        isDrawn = true
        let bar = String(repeating: "#", count: now) + String(repeating: "-", count: Self.width - now)
        FileHandle.standardError.write(Data("\r\u{1B}[Knotekit: \(label) [\(bar)] \(min(done, total))/\(total)".utf8))
    }
}
