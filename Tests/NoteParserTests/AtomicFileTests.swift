import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NoteParser

/// Issue 12, case 10: a write replaces a note's bytes and nothing else about it.
@Suite struct AtomicFileTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func status(_ path: String) -> stat {
        var status = stat()
        lstat(path, &status)
        return status
    }

    @Test(.enabled(if: geteuid() == 0, "changing a file's owner needs root"))
    func keepsOwnerGroupAndMode() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/note.md"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chown(path, 1234, 4321) == 0)
        #expect(chmod(path, 0o640) == 0)
        try AtomicFile.write(Data("new".utf8), to: path, expectedOriginal: Data("old".utf8))
        let status = Self.status(path)
        #expect(status.st_uid == 1234 && status.st_gid == 4321, "owned by \(status.st_uid):\(status.st_gid)")
        #expect(status.st_mode & 0o7777 == 0o640)
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
    }

    @Test func keepsExtendedAttributes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/note.md"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let xattr = try #require(ExtendedAttributes.functions)
        let descriptor = open(path, O_RDONLY)
        let value = Array("kept".utf8)
        let set = xattr.set(descriptor, "user.notekit-test", value, value.count, 0)
        close(descriptor)
        try #require(set == 0, "the file system takes no user attributes")
        try AtomicFile.write(Data("new".utf8), to: path, expectedOriginal: Data("old".utf8))
        var read = [UInt8](repeating: 0, count: 16)
        let length = xattr.get(path, "user.notekit-test", &read, read.count)
        #expect(length == 4 && Array(read.prefix(4)) == value)
    }

    @Test func writesThroughASymbolicLink() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/real/note.md"))
        #expect(symlink("real/note.md", folder + "/link.md") == 0)
        try AtomicFile.write(Data("new".utf8), to: folder + "/link.md", expectedOriginal: Data("old".utf8))
        #expect(Self.status(folder + "/link.md").st_mode & S_IFMT == S_IFLNK, "the link stays a link")
        #expect(FileManager.default.contents(atPath: folder + "/real/note.md") == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/real") == ["note.md"], "no temporary left")
        try Data().write(to: URL(fileURLWithPath: folder + "/real/.note.md.notekit-CCCCCC"))
        AtomicFile.removeAbandonedTemporaries(of: [folder + "/link.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/real") == ["note.md"], "leftovers beside the target removed")
    }

    @Test func refusesToSplitHardLinks() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/a.md"))
        #expect(link(folder + "/a.md", folder + "/b.md") == 0)
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(Data("new".utf8), to: folder + "/a.md", expectedOriginal: Data("old".utf8))
        }
        do {
            try AtomicFile.write(Data("new".utf8), to: folder + "/a.md", expectedOriginal: Data("old".utf8))
        } catch {
            #expect(error.message.contains("has 2 hard links"))
        }
        #expect(Self.status(folder + "/a.md").st_ino == Self.status(folder + "/b.md").st_ino)
        #expect(FileManager.default.contents(atPath: folder + "/b.md") == Data("old".utf8))
    }

    @Test func newFileTakesTheUmaskAndRefusesWhenOneAppeared() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/new.md"
        try AtomicFile.write(Data("one".utf8), to: path, expectedOriginal: nil)
        let mask = umask(0)
        umask(mask)
        #expect(Self.status(path).st_mode & 0o777 == 0o666 & ~mask)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("two".utf8), to: path, expectedOriginal: nil) }
    }

    /// A temporary another run holds (locked) survives the clean-up; an abandoned one does not.
    @Test func cleanUpSparesTemporariesOfLiveRuns() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let note = folder + "/note.md"
        try Data("x".utf8).write(to: URL(fileURLWithPath: note))
        let live = folder + "/.note.md.notekit-AAAAAA", abandoned = folder + "/.note.md.notekit-BBBBBB"
        try Data().write(to: URL(fileURLWithPath: live))
        try Data().write(to: URL(fileURLWithPath: abandoned))
        let holder = open(live, O_RDONLY)
        #expect(flock(holder, LOCK_EX) == 0)
        AtomicFile.removeAbandonedTemporaries(of: [note])
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        close(holder)
        AtomicFile.removeAbandonedTemporaries(of: [note])
        #expect(!FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: note))
    }
}
