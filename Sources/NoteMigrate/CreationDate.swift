import Foundation

/// The day a note was created, for `{{git.created}}`: the date of the first commit that added
/// the file (following renames), else the file's birth time, else its modification time.
public enum CreationDate {
    /// `YYYY-MM-DD`, or nil when the file cannot be read.
    public static func of(_ path: String) -> String? {
        if let day = firstCommitDay(path) { return day }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let date = (attributes[.creationDate] ?? attributes[.modificationDate]) as? Date else { return nil }
        return day(of: date)
    }

    /// `YYYY-MM-DD` of `date` in the local time zone.
    public static func day(of date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = .current
        return formatter.string(from: date)
    }

    /// The author date of the oldest commit adding the file; nil outside git or when untracked.
    private static func firstCommitDay(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", url.deletingLastPathComponent().path, "log", "--follow", "--diff-filter=A",
                             "--format=%ad", "--date=short", "--", url.lastPathComponent]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let days = String(decoding: data, as: UTF8.self).split(separator: "\n")
        return days.last.map(String.init)
    }
}
