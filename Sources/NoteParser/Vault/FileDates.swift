import Foundation

/// When a note file came into being, for a `date_created` the note lacks.
public enum FileDates {
    /// The day (`YYYY-MM-DD`) `path` was created: the date of the git commit that added it
    /// (followed through renames), else the file's birth time, else its modification time.
    /// Nil when the file does not exist; never today's date for want of a better one.
    @Sendable public static func created(_ path: String) -> String? {
        addedInGit(path) ?? fileDate(path)
    }

    /// `git log --diff-filter=A --follow --format=%as -- FILE`, last line (the first addition).
    static func addedInGit(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let data = GitCommand.output(["log", "--diff-filter=A", "--follow", "--format=%as", "--", url.lastPathComponent],
                                           in: url.deletingLastPathComponent().path) else { return nil }
        let last = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).last.map(String.init)
        return last.flatMap { $0.count == 10 ? $0 : nil }
    }

    /// The day (`YYYY-MM-DD`, local time) the file at `path` was last written; nil when it does not exist.
    public static func modified(_ path: String) -> String? {
        (try? FileManager.default.attributesOfItem(atPath: path)).flatMap { $0[.modificationDate] as? Date }.map(day)
    }

    /// The file's birth time, or its modification time where the file system keeps no birth time.
    static func fileDate(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let date = (attributes[.creationDate] ?? attributes[.modificationDate]) as? Date else { return nil }
        return day(date)
    }

    /// `date` as `YYYY-MM-DD` in the local time zone.
    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
