import Foundation

/// A running `notekit watch` for tests: its standard output and error collected as they come,
/// waits for lines with timeouts, and SIGTERM.
final class WatchRun: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var out: [UInt8] = []
    private var err: [UInt8] = []

    /// Starts `notekit watch ARGUMENTS` in `directory` and waits until it watches.
    init(_ arguments: [String], in directory: String) throws {
        process.executableURL = URL(fileURLWithPath: DemoVaultTests.binary)
        process.arguments = ["watch"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.out.append(contentsOf: data) }
        }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.err.append(contentsOf: data) }
        }
        try process.run()
        guard wait(timeout: 60, until: { $0.errors.contains("notekit watch: watching") || !self.process.isRunning }), process.isRunning else {
            throw Failure(description: "notekit watch did not start: \(errors)")
        }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    var output: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var errors: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// The JSON lines of standard output (with `--format jsonl`) that describe batches.
    var batches: [Batch] {
        output.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("{\"batch\"") else { return nil }
            return try? JSONDecoder().decode(Batch.self, from: Data(line.utf8))
        }
    }

    /// The finding lines of standard output (with `--format jsonl`).
    var findings: [Finding] {
        output.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("{\"applicability\"") else { return nil }
            return try? JSONDecoder().decode(Finding.self, from: Data(line.utf8))
        }
    }

    struct Batch: Decodable {
        let batch: Int
        let checked: [String]
        let written: [String]
        func checks(_ path: String) -> Bool { checked.contains { $0 == path || $0.hasSuffix("/" + path) } }
        func wrote(_ path: String) -> Bool { written.contains { $0 == path || $0.hasSuffix("/" + path) } }
    }

    struct Finding: Decodable {
        let path: String
        let rule: String
        let line: Int
        func about(_ note: String) -> Bool { path == note || path.hasSuffix("/" + note) }
    }

    /// Waits until `condition` holds for the output so far; false after `timeout` seconds.
    @discardableResult
    func wait(timeout: Double = 20, until condition: (WatchRun) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(self) { return true }
            usleep(20_000)
        }
        return condition(self)
    }

    /// Waits for the batch after `count` batches; nil after the timeout.
    func batch(after count: Int, timeout: Double = 20) -> Batch? {
        wait(timeout: timeout) { $0.batches.count > count } ? batches[count] : nil
    }

    /// Waits until standard output stayed the same for `quiet` seconds.
    func settle(quiet: Double) {
        var last = output
        var since = Date()
        while Date().timeIntervalSince(since) < quiet {
            usleep(20_000)
            let now = output
            if now != last { last = now; since = Date() }
        }
    }

    /// Sends SIGTERM and returns the exit status (-1, and SIGKILL, when it has not ended after 20 s).
    func stop() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        guard wait(timeout: 20, until: { !$0.process.isRunning }) else {
            kill(process.processIdentifier, SIGKILL)
            return -1
        }
        process.waitUntilExit()
        usleep(50_000)
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
