import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12, cases 7, 9, 10 and 11 through the built `notekit`: where the vault is, which
/// note is which, what writes keep, and that nothing is skipped without a word.
@Suite struct VaultCommandTests {
    static let binary = DemoVaultTests.binary
    static var hasBinary: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    /// Runs `prefix + [notekit] + arguments` in `directory`; returns status, output and errors.
    static func run(_ arguments: [String], in directory: String, prefix: [String] = []) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: prefix.first ?? binary)
        process.arguments = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [binary] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// A temporary folder with `files` (pairs, not a dictionary: String keys merge canonically equal names).
    static func folder(_ files: KeyValuePairs<String, String>) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-cli-\(UUID().uuidString)").path
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        return root
    }

    static let clean = "---\ntitle: A\ndate_created: 2025-01-01\n---\n"

    /// Without a marker the vault is the note's folder, not the current directory: a link to
    /// a note beside the current directory does not resolve.
    @Test(.enabled(if: hasBinary, "notekit is not built")) func currentDirectoryIsNotTheVault() throws {
        let root = try Self.folder(["outside.md": Self.clean, "vault/note.md": Self.clean + "See [[outside]].\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (_, output, _) = try Self.run(["lint", "vault/note.md"], in: root)
        #expect(output.contains("vault/note.md:5:5: warning[link/unresolved-wikilink] wikilink [[outside]] resolves to no file"), "\(output)")
        try FileManager.default.createDirectory(atPath: root + "/.obsidian", withIntermediateDirectories: true)
        #expect(try !Self.run(["lint", "vault/note.md"], in: root).output.contains("unresolved-wikilink"), "with .obsidian/ above, it resolves")
    }

    /// `cafe\u{301}.md` and `caf\u{e9}.md` are two notes: each gets its own fix at its own offsets.
    @Test(.enabled(if: hasBinary, "notekit is not built")) func namesDifferingInNormalisationAreFixedApart() throws {
        let decomposed = "Claim.[^a1b2c3]\n\n[^a1b2c3] [Source](https://example.com)\n"
        let composed = "A much longer claim, so offsets differ.[^d4e5f6]\n\n[^d4e5f6] [Other](https://example.org)\n"
        let root = try Self.folder(["cafe\u{301}.md": decomposed, "caf\u{E9}.md": composed])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let lint = try Self.run(["lint", "."], in: root).output
        #expect(lint.components(separatedBy: "[citation/missing-colon]").count == 3, "\(lint)")
        #expect(lint.contains("in 2 files"), "two notes, not one reported twice")
        #expect(lint.contains("    [^a1b2c3] [Source]") && lint.contains("    [^d4e5f6] [Other]"), "each finding quotes its own note")
        let (status, _, errors) = try Self.run(["fix", "--write", "."], in: root)
        #expect(errors.isEmpty && status == 0, "\(errors)")
        #expect(FileManager.default.contents(atPath: root + "/cafe\u{301}.md") == Data(decomposed.replacingOccurrences(of: "] [S", with: "]: [S").utf8))
        #expect(FileManager.default.contents(atPath: root + "/caf\u{E9}.md") == Data(composed.replacingOccurrences(of: "] [O", with: "]: [O").utf8))
    }

    /// `fix --write` run as root leaves a note owned by another user that user's.
    @Test(.enabled(if: hasBinary && geteuid() == 0, "needs notekit built and root")) func fixKeepsTheOwner() throws {
        let root = try Self.folder(["note.md": "Claim.[^a1b2c3]\n\n[^a1b2c3] [Source](https://example.com)\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(chown(root + "/note.md", 1234, 1234) == 0 && chmod(root + "/note.md", 0o600) == 0)
        #expect(try Self.run(["fix", "--write", "note.md"], in: root).status == 0)
        var status = stat()
        #expect(stat(root + "/note.md", &status) == 0)
        #expect(status.st_uid == 1234 && status.st_gid == 1234 && status.st_mode & 0o777 == 0o600)
        #expect(String(decoding: FileManager.default.contents(atPath: root + "/note.md") ?? Data(), as: UTF8.self).contains("[^a1b2c3]: [Source]"))
    }

    /// A folder the user cannot read is reported and the run goes on (run as another user,
    /// since root reads every folder).
    @Test(.enabled(if: hasBinary && geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "needs notekit built, root and setpriv"))
    func unreadableFolderIsReported() throws {
        let root = try Self.folder(["a.md": Self.clean, "locked/b.md": Self.clean])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(chmod(root + "/locked", 0o000) == 0)
        let (status, output, _) = try Self.run(["lint", root], in: "/",
                                               prefix: ["/usr/bin/setpriv", "--reuid=1234", "--regid=1234", "--clear-groups"])
        #expect(status == 1)
        #expect(output.contains("\(root)/locked:1:1: error[file/unreadable] cannot read folder: Permission denied"), "\(output)")
    }

    /// A FIFO named like a note, given by name or found in a folder, is reported without a hang.
    @Test(.enabled(if: hasBinary, "notekit is not built"), .timeLimit(.minutes(1))) func fifoIsReportedNotOpened() throws {
        let root = try Self.folder(["a.md": Self.clean])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(mkfifo(root + "/x.md", 0o644) == 0)
        let folder = try Self.run(["lint", "."], in: root).output
        #expect(folder.contains("x.md:1:1: error[file/unreadable] not a regular file (a FIFO); skipped"), "\(folder)")
        let named = try Self.run(["lint", "x.md"], in: root).output
        #expect(named.contains("x.md:1:1: error[file/unreadable] cannot read file: not a regular file (a FIFO)"), "\(named)")
    }

    /// A name that is not UTF-8, given on the command line, is shown escaped with the real
    /// reason, not as a mangled name with "No such file or directory".
    @Test(.enabled(if: hasBinary, "notekit is not built")) func nameThatIsNotUTF8IsShownEscaped() throws {
        let root = try Self.folder(["a.md": Self.clean])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let script = #"printf x > "$(printf 'bad\377.md')" && exec "$0" lint "$(printf 'bad\377.md')" a.md"#
        let (status, output, _) = try Self.run([], in: root, prefix: ["/bin/sh", "-c", script])
        #expect(status == 1)
        #expect(output.contains(#"bad\xFF.md:1:1: error[file/unreadable] the name is not valid UTF-8; skipped (rename it)"#), "\(output)")
        #expect(!output.contains("No such file"))
    }
}
