import Foundation
import NoteParser

/// Where fixes get values they cannot read from the note: a new `site_uuid` and the day a note
/// file was created. `Configuration.generated` holds the source a run uses: `.system` in real
/// runs, `.examples` (reproducible) when rule examples and tests lint in memory.
public struct GeneratedValues: Sendable {
    /// A new lowercase UUID v4 for the note at this vault path.
    public var uuid: @Sendable (_ vaultPath: String) -> String
    /// The `YYYY-MM-DD` the file at this path was created, if known.
    public var dateCreated: @Sendable (_ path: String) -> String?

    public init(uuid: @escaping @Sendable (String) -> String, dateCreated: @escaping @Sendable (String) -> String?) {
        self.uuid = uuid
        self.dateCreated = dateCreated
    }

    /// Random UUIDs and dates from git or the file system (`FileDates`).
    public static let system = GeneratedValues(uuid: { _ in UUID().uuidString.lowercased() }, dateCreated: FileDates.created)

    /// A UUID v4 spelled from a hash of the vault path, and the date 2024-01-01: the same
    /// every run, so corrections can be written out exactly.
    public static let examples = GeneratedValues(uuid: { path in
        let hash = StableHash.fnv1a(path)
        let hex = Array(String(hash, radix: 16).leftPadding(to: 16) + String(hash >> 7, radix: 16).leftPadding(to: 16))
        return String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-4" + String(hex[13..<16]) + "-8" + String(hex[17..<20]) + "-" + String(hex[20..<32])
    }, dateCreated: { _ in "2024-01-01" })
}

extension String {
    fileprivate func leftPadding(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
