import Foundation
import Testing
@testable import NoteFix

/// `RewriteWriter`: diffs, atomic writes that keep the mode and refuse files changed since read.
@Suite struct RewriteWriterTests {
    /// A note written to `directory` and a rewrite of it that adds a colon.
    func fixture(_ directory: URL, name: String = "n.md") throws -> NoteRewrite {
        let path = directory.appendingPathComponent(name).path
        try Data("[^1] Source\n".utf8).write(to: URL(fileURLWithPath: path))
        return NoteRewrite.plan(try Support.note("[^1] Source\n", path: path), edits: [Support.edit(4..<4, ":")])
    }

    @Test func writeKeepsModeAndLeavesNoTemporaries() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rewrite = try fixture(directory)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: rewrite.path)
        let outcome = RewriteWriter(mode: .write).commit([rewrite])
        #expect(outcome.written == [0] && outcome.errors.isEmpty)
        #expect(FileManager.default.contents(atPath: rewrite.path) == Data("[^1]: Source\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: rewrite.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["n.md"])
    }

    /// A note reached by two names (here a symbolic link beside it) is written once, under the
    /// first name; the second is reported, not failed as "changed since it was read".
    @Test func writeWritesOneFileOnceUnderTwoNames() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rewrite = try fixture(directory)
        let link = directory.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "n.md")
        let viaLink = NoteRewrite.plan(try Support.note("[^1] Source\n", path: link), edits: [Support.edit(4..<4, ":")])
        let outcome = RewriteWriter(mode: .write).commit([rewrite, viaLink])
        #expect(outcome.written == [0] && outcome.errors.isEmpty)
        #expect(outcome.sameFile == ["\(link): the same file as \(rewrite.path); written once, as \(rewrite.path)"])
        #expect(FileManager.default.contents(atPath: rewrite.path) == Data("[^1]: Source\n".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "n.md")
    }

    @Test func writeRefusesAFileChangedSinceRead() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rewrite = try fixture(directory)
        try Data("edited meanwhile\n".utf8).write(to: URL(fileURLWithPath: rewrite.path))
        let outcome = RewriteWriter(mode: .write).commit([rewrite])
        #expect(outcome.written.isEmpty)
        #expect(outcome.errors == ["\(rewrite.path): file changed since it was read"])
        #expect(FileManager.default.contents(atPath: rewrite.path) == Data("edited meanwhile\n".utf8))
    }

    @Test func writeRemovesLeftoverTemporariesOfItsNotesOnly() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rewrite = try fixture(directory)
        let unchanged = NoteRewrite.plan(try Support.note("x\n", path: directory.appendingPathComponent("m.md").path), edits: [])
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: unchanged.path))
        for name in [".n.md.notekit-Ab12Cd", ".m.md.notekit-Zz99Yy", ".other.md.notekit-Ab12Cd", ".n.md.notekit-toolong"] {
            try Data("partial".utf8).write(to: directory.appendingPathComponent(name))
        }
        _ = RewriteWriter(mode: .write).commit([rewrite, unchanged])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
                == [".n.md.notekit-toolong", ".other.md.notekit-Ab12Cd", "m.md", "n.md"])
    }

    @Test func diffAndDryRunWriteNothing() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rewrite = try fixture(directory)
        let diff = RewriteWriter(mode: .diff).commit([rewrite])
        #expect(diff.diff == "--- a\(rewrite.path)\n+++ b\(rewrite.path)\n@@ -1 +1 @@\n-[^1] Source\n+[^1]: Source\n")
        let dry = RewriteWriter(mode: .dryRun).commit([rewrite])
        #expect(dry.diff.isEmpty && dry.written.isEmpty && dry.errors.isEmpty)
        #expect(FileManager.default.contents(atPath: rewrite.path) == Data("[^1] Source\n".utf8))
    }
}
