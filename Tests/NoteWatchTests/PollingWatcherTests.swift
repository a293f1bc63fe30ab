import Foundation
import NoteParser
import NoteWatch
import Testing

/// Issue 15: the polling watcher (`notekit watch --poll`) turns what changed between two looks
/// at the vault into the batches the native watchers give.
@Suite struct PollingWatcherTests {
    /// A fresh folder holding `files` (vault paths → text).
    static func folder(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "notekit-poll-" + UUID().uuidString
        for (path, text) in files { try save(text, root + "/" + path) }
        return root
    }

    static func save(_ text: String, _ path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The next batch of `watcher`, settled at once; nil after `timeout` seconds without one.
    static func batch(_ watcher: PollingWatcher, timeout: Double = 5) -> ChangeBatch? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        defer { ends.forEach { close($0) } }
        // The stop end becomes readable after the timeout.
        let stopper = DispatchWorkItem { var byte: UInt8 = 1; _ = write(ends[1], &byte, 1) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: stopper)
        defer { stopper.cancel() }
        return watcher.next(debounce: 0, stop: ends[0])
    }

    @Test func writesNewFoldersDeletionsAndConfigurationFiles() throws {
        let root = try Self.folder(["a.md": "A.\n", "b.md": "B.\n", ".obsidian/app.json": "{}"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try PollingWatcher(root: root, interval: 0.05)
        #expect(watcher.folderCount == 1, "the hidden folder is not walked")
        try Self.save("A, longer now.\n", root + "/a.md")
        try Self.save("{\"x\": 1}", root + "/.obsidian/app.json")
        try Self.save("Swap.\n", root + "/.a.md.swp")
        #expect(Self.batch(watcher)?.paths == ["a.md"], "hidden files and folders are skipped")
        try Self.save("C.\n", root + "/new/deeper/c.md")
        try FileManager.default.removeItem(atPath: root + "/b.md")
        try Self.save("extends: [recommended]\n", root + "/new/.notekit.yml")
        #expect(Self.batch(watcher)?.paths == ["b.md", "new/deeper/c.md", "new/.notekit.yml"])
        #expect(watcher.folderCount == 3)
        try FileManager.default.moveItem(atPath: root + "/new", toPath: root + "/moved")
        #expect(Self.batch(watcher)?.paths == ["new/deeper/c.md", "new/.notekit.yml", "moved/deeper/c.md", "moved/.notekit.yml"])
        #expect(Self.batch(watcher, timeout: 0.5) == nil, "nothing changed: no batch")
    }

    /// A rewrite of the same size right after a look may keep the file's times (they are as
    /// coarse as a tick of the kernel's clock): while a file's times are that recent, its bytes
    /// are compared too.
    @Test func aRecentStampIsComparedByBytes() {
        let stamp = FileStamp(size: 6, modified: 1_000, changed: 1_000, device: 1, inode: 2)
        let recent = PollingWatcher.Look(stamp: stamp, bytes: Array("first\n".utf8))
        #expect(recent.changed(to: stamp, bytes: Array("again\n".utf8)), "same stamp, other bytes")
        #expect(!recent.changed(to: stamp, bytes: Array("first\n".utf8)))
        let settled = PollingWatcher.Look(stamp: stamp, bytes: nil)
        #expect(!settled.changed(to: stamp, bytes: nil), "a settled stamp stands for the bytes")
        #expect(settled.changed(to: FileStamp(size: 6, modified: 1_000, changed: 2_000, device: 1, inode: 2), bytes: nil))
        #expect(settled.changed(to: FileStamp(size: 6, modified: 1_000, changed: 1_000, device: 1, inode: 3), bytes: nil), "renamed over")
    }
}
