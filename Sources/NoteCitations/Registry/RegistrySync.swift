import Foundation
import NoteParser

/// Keeps a folder of registry notes (one per citation id) in step with the vault.
///
/// Creates missing notes and updates usage counts and files of existing ones; never
/// deletes (notes whose id is no longer cited are reported as orphans) and never touches
/// anything after the front matter but the `## Usage` section.
public struct RegistrySync: Sendable {
    /// The vault root: `filesUsedIn` paths are relative to it.
    public let root: String
    /// The registry folder.
    public let directory: String

    public init(root: String, directory: String) {
        self.root = root
        self.directory = directory
    }

    /// Indexes the notes under `paths`, leaving out the registry folder itself.
    public func index(paths: [String]) -> (index: CitationIndex, errors: [NoteError]) {
        CitationIndex.build(paths: paths, excluding: directory)
    }

    /// What a sync would change. Reads the registry folder; writes nothing.
    public func plan(for index: CitationIndex, now: Date = Date()) -> RegistryPlan {
        let timestamp = Self.timestamp(now)
        let (entries, unusable) = RegistryEntry.entries(from: index, root: root)
        let existing = existingNotes()
        var changes: [RegistryChange] = []
        var skipped = unusable.map { "[^\($0)]: id cannot be a file name" }
        let wanted = Set(entries.map { $0.id.lowercased() })
        for entry in entries {
            if let current = existing.notes[entry.id.lowercased()] {
                let (edits, changed) = RegistryNoteFormat.update(current.note, to: entry, timestamp: timestamp)
                guard !edits.isEmpty else { continue }
                let original = current.note.source.bytes
                guard let updated = try? EditApplier.apply(edits, to: original) else {
                    skipped.append("[^\(entry.id)]: \(current.note.path): its updates overlap; left as it is")
                    continue
                }
                changes.append(RegistryChange(action: .update, id: entry.id, path: current.note.path, changed: changed,
                                              original: Data(original), contents: Data(updated)))
            } else {
                let path = (directory as NSString).appendingPathComponent(entry.id + ".md")
                if FileManager.default.fileExists(atPath: path) {
                    skipped.append("[^\(entry.id)]: \(path) exists but is not its registry note")
                    continue
                }
                let text = RegistryNoteFormat.render(entry, timestamp: timestamp)
                changes.append(RegistryChange(action: .create, id: entry.id, path: path, changed: ["new note"],
                                              original: nil, contents: Data(text.utf8)))
            }
        }
        let orphans = existing.notes.filter { !wanted.contains($0.key) }.map(\.value.note.path).sorted()
        return RegistryPlan(changes: changes, orphans: orphans, skipped: skipped + existing.errors)
    }

    /// Registry notes by lowercased `hexId`; files without one are not registry notes.
    private func existingNotes() -> (notes: [String: (id: String, note: Note)], errors: [String]) {
        var notes: [String: (id: String, note: Note)] = [:]
        var errors: [String] = []
        guard FileManager.default.fileExists(atPath: directory) else { return ([:], []) }
        for result in NoteParser().parse(files: NoteFiles.collect([directory]).files) {
            switch result {
            case .failure(let error): errors.append(error.description)
            case .success(let note):
                guard let id = note.frontMatter?.value("hexId")?.scalarText else { continue }
                if let other = notes[id.lowercased()] {
                    errors.append("\(note.path): hexId \(id) is also the id of \(other.note.path)")
                } else {
                    notes[id.lowercased()] = (id, note)
                }
            }
        }
        return (notes, errors)
    }

    /// `2025-07-20T17:43:17.341Z`, as the vault writes `created` and `lastModified`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// The result of planning a registry sync.
public struct RegistryPlan: Sendable {
    /// Notes to create or update, in id order of first appearance.
    public let changes: [RegistryChange]
    /// Registry notes whose id no note defines any more; never deleted.
    public let orphans: [String]
    /// Ids and files left alone, with the reason.
    public let skipped: [String]

    /// The registry differs from the vault.
    public var hasDrift: Bool { !changes.isEmpty }

    /// Writes every change atomically; stops at the first failure. Creates the folder.
    /// `progress` is told of each change written.
    public func apply(progress: (any ProgressObserver)? = nil) throws {
        progress?.begin(total: changes.count)
        for change in changes {
            defer { progress?.advance() }
            let folder = (change.path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try AtomicFile.write(change.contents, to: change.path, expectedOriginal: change.original)
        }
    }
}

/// One registry note to write.
public struct RegistryChange: Sendable {
    public enum Action: String, Sendable { case create, update }
    public let action: Action
    public let id: String
    public let path: String
    /// What changes, for people.
    public let changed: [String]
    /// The bytes read, nil for a new note.
    public let original: Data?
    public let contents: Data
}
