import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import NoteParser

/// Issue 12, cases 9 and 11: every file the walk passes over is taken or reported with a
/// reason, and a file is its name's bytes.
@Suite struct NoteFilesTests {
    /// A new temporary folder holding one readable note, `fine.md`.
    static func folder() throws -> String {
        let path = try AtomicFileTests.folder()
        try Data("# Fine\n".utf8).write(to: URL(fileURLWithPath: path + "/fine.md"))
        return path
    }

    static func messages(_ errors: [NoteError], root: String) -> [String: String] {
        Dictionary(errors.map { (String($0.path.dropFirst(root.count + 1)), $0.message) }, uniquingKeysWith: { $1 })
    }

    @Test func reportsSymbolicLinkLoopsAndLinksToNothing() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(symlink("b.md", root + "/a.md") == 0 && symlink("a.md", root + "/b.md") == 0)
        #expect(symlink("gone.md", root + "/dangling.md") == 0)
        let (files, errors) = NoteFiles.collect([root])
        #expect(files == [root + "/fine.md"])
        let messages = Self.messages(errors, root: root)
        #expect(messages["a.md"]?.contains("symbolic link loop") == true, "\(messages)")
        #expect(messages["b.md"]?.contains("symbolic link loop") == true)
        #expect(messages["dangling.md"]?.contains("symbolic link to a missing file") == true)
    }

    /// Symbolic links to folders are followed once, by real path: a link to a folder the walk
    /// takes anyway, a second link to one folder and a link back up are not walked again; the
    /// first link by bytes names a folder outside the vault.
    @Test func followsFolderLinksOnceByRealPath() throws {
        let base = try AtomicFileTests.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let root = base + "/vault", outside = base + "/outside"
        for folder in [root + "/real", outside + "/deeper"] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        for file in [root + "/real/a.md", outside + "/b.md", outside + "/deeper/c.md"] { try Data("# Note\n".utf8).write(to: URL(fileURLWithPath: file)) }
        #expect(symlink("real", root + "/alias") == 0)              // the same folder as real/
        #expect(symlink(outside, root + "/one") == 0)                // outside the vault
        #expect(symlink(outside, root + "/two") == 0)                // a second link to it
        #expect(symlink("..", outside + "/deeper/up") == 0)         // a loop back to outside/
        #expect(symlink(root, outside + "/vault") == 0)              // a loop back to the root
        #expect(symlink("../..", outside + "/deeper/base") == 0)    // up to a folder holding the vault
        #expect(symlink("nowhere", root + "/broken") == 0)           // a link to nothing (not a note)
        let (files, errors) = NoteFiles.collect([root])
        #expect(files == ["real/a.md", "one/b.md", "one/deeper/c.md"].map { root + "/" + $0 }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(errors.isEmpty, "\(errors)")
        #expect(NoteFiles.vaultFiles(under: root) == ["one/b.md", "one/deeper/c.md", "real/a.md"])
    }

    /// A FIFO is reported by the walk and, given by name, refused without being opened for a
    /// blocking read (which would wait for a writer forever).
    @Test(.timeLimit(.minutes(1))) func reportsFIFOsWithoutOpeningThem() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(mkfifo(root + "/x.md", 0o644) == 0)
        let (files, errors) = NoteFiles.collect([root])
        #expect(files == [root + "/fine.md"])
        #expect(Self.messages(errors, root: root)["x.md"] == "not a regular file (a FIFO); skipped")
        #expect(NoteFiles.collect([root + "/x.md"]).files == [root + "/x.md"], "a file given by name is passed on to be read")
        #expect {
            _ = try NoteParser().parse(contentsOf: root + "/x.md")
        } throws: { error in
            (error as? NoteError)?.message == "cannot read file: not a regular file (a FIFO)"
        }
    }

    @Test func reportsNamesThatAreNotUTF8UnderAnEscapedName() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let name = Array(root.utf8) + Array("/bad\u{FF}".utf8).prefix(4) + [0xFF] + Array(".md".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        #expect(descriptor >= 0)
        close(descriptor)
        let (files, errors) = NoteFiles.collect([root])
        #expect(files == [root + "/fine.md"])
        #expect(errors.map(\.description) == ["\(root)/bad\\xFF.md:1:1: error: the file name is not valid UTF-8; skipped (rename it)"])
    }

    /// Folders below PATH_MAX's reach (made with `mkdirat` one level at a time) are reported.
    @Test func reportsFoldersPastPathMax() throws {
        let root = try Self.folder()
        defer { _ = try? Process.run(URL(fileURLWithPath: "/bin/rm"), arguments: ["-rf", root]).waitUntilExit() }
        let component = String(repeating: "d", count: 250)
        var descriptor = open(root, O_RDONLY | O_DIRECTORY)
        for _ in 0..<18 {
            #expect(mkdirat(descriptor, component, 0o755) == 0)
            let next = openat(descriptor, component, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        close(descriptor)
        let (files, errors) = NoteFiles.collect([root])
        #expect(files == [root + "/fine.md"])
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("File name too long") == true, "\(errors.map(\.message))")
        #expect(errors.first?.message.contains("PATH_MAX is 4096") == true)
    }

    /// Two names that differ only in Unicode normalisation are two notes.
    @Test func namesDifferingInNormalisationAreTwoFiles() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let decomposed = "cafe\u{301}.md", composed = "caf\u{E9}.md"
        try Data("one".utf8).write(to: URL(fileURLWithPath: root + "/" + decomposed))
        try Data("two".utf8).write(to: URL(fileURLWithPath: root + "/" + composed))
        let files = NoteFiles.collect([root]).files.map { ExactPath($0) }
        #expect(Set(files).count == 3)
        #expect(files.contains(ExactPath(root + "/" + decomposed)) && files.contains(ExactPath(root + "/" + composed)))
        #expect(ExactPath(decomposed) != ExactPath(composed))
        #expect(ExactPath.escaped([0x61, 0xC3, 0x28, 0x62]) == "a\\xC3(b")
    }

    /// `isMarkdown` (the last three bytes read in place) against the walk of the UTF-8 view's
    /// suffix it replaced, on every name of up to three bytes from bytes near `.md` in value
    /// (case, bit 0x20, CR, LF, `/`, UTF-8 lead and continuation bytes) after several heads.
    @Test func isMarkdownMatchesTheSuffixWalk() {
        func reference(_ path: String) -> Bool {
            let tail = path.utf8.suffix(3)
            return tail.count == 3 && tail.elementsEqual(".md".utf8) { $0 | 0x20 == $1 | 0x20 }
        }
        let alphabet: [UInt8] = [0x0E, 0x2E, 0x0D, 0x0A, 0x2F, 0x4D, 0x6D, 0x44, 0x64, 0x4E, 0x65, 0x61, 0xC3, 0xA9, 0x80, 0xFF]
        var tails: [[UInt8]] = [[]]
        for length in 1...3 {
            var next: [[UInt8]] = []
            for tail in tails where tail.count == length - 1 { next += alphabet.map { tail + [$0] } }
            tails += next
        }
        var checked = 0
        for head in ["", "a", "notes/x", "\u{E9}", "\r\n", "\u{65E5}\u{672C}", String(repeating: "long/", count: 8)] {
            for tail in tails {
                // Invalid bytes become U+FFFD, as a name read from the disk would not: both see the same string.
                let path = head + String(decoding: tail, as: UTF8.self)
                #expect(NoteFiles.isMarkdown(path) == reference(path), "\(Array(path.utf8))")
                checked += 1
            }
        }
        for path in ["x.md", "X.MD", "a.Md", "\u{E9}.md", ".md", "md", "x.md\r\n", "x.mdx", "x\u{0E}md"] {
            #expect(NoteFiles.isMarkdown(path) == reference(path), "\(path)")
        }
        #expect(NoteFiles.isMarkdown("x.md") && NoteFiles.isMarkdown("X.MD") && !NoteFiles.isMarkdown("x.mdx"))
        #expect(checked > 20_000)
    }

    /// The walk's files come sorted by their bytes (`ExactPath`'s `memcmp` order): against a sort by
    /// `lexicographicallyPrecedes` of the UTF-8, on generated names in nested folders (case, a
    /// blank, `.` and `/` neighbours, prefixes of one another, composed and decomposed accents, CJK).
    @Test func walkSortsFilesByTheirBytes() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let parts = ["a", "B", "b", " ", "-", "a.b", "\u{E9}", "e\u{301}", "\u{65E5}", "~", "0"]
        var generator = SplitMix64(seed: 0xF11E)
        for _ in 0..<120 {
            let folders = (0..<Int(generator.next() % 3)).map { _ in parts[Int(generator.next() % UInt64(parts.count))] }
            let name = (0...Int(generator.next() % 3)).map { _ in parts[Int(generator.next() % UInt64(parts.count))] }.joined()
            let folder = ([root] + folders).joined(separator: "/")
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name + ".md"))
        }
        let files = NoteFiles.vaultFiles(under: root)
        #expect(files.count > 60)
        #expect(files.map { Array($0.utf8) } == files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { Array($0.utf8) })
    }
}
