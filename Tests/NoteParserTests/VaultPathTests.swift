import Foundation
import NoteParser
import Testing

@Suite struct VaultPathTests {
    static let cwd = FileManager.default.currentDirectoryPath

    @Test(arguments: [
        ("/a/b/../c", "/a/c"), ("/a/./b", "/a/b"), ("/a//b", "/a/b"), ("/a/b/", "/a/b"), ("/", "/"), ("/..", "/"),
        ("/a/...", "/a/..."), ("/a/.hidden/b", "/a/.hidden/b"), ("/a/b..", "/a/b.."), ("/a/b/.", "/a/b"), ("/a/b/..", "/a"),
    ])
    func absolutePaths(path: String, expected: String) {
        #expect(VaultPath.absolute(path) == expected)
    }

    @Test func relativePathsStartAtTheWorkingDirectory() {
        #expect(VaultPath.absolute("x.md") == Self.cwd + "/x.md")
        #expect(VaultPath.absolute("././x.md") == Self.cwd + "/x.md")
        #expect(VaultPath.absolute("a/../b/./x.md") == Self.cwd + "/b/x.md")
    }

    @Test(arguments: [
        ("/r/a/b.md", "/r", "a/b.md"), ("/r/a/b.md", "/r/", "a/b.md"), ("/r2/a.md", "/r", "/r2/a.md"), ("/r", "/r", "/r"),
        ("/r/x/../a.md", "/r", "a.md"), ("/q/../r/a.md", "/r/", "a.md"),
    ])
    func relativeToRoot(path: String, root: String, expected: String) {
        #expect(VaultPath.relative(path, to: root) == expected)
    }

    @Test func relativeToTheWorkingDirectory() {
        #expect(VaultPath.relative("./notes/a.md", to: Self.cwd) == "notes/a.md")
        #expect(VaultPath.relative("notes/a.md", to: ".") == "notes/a.md")
        #expect(VaultPath.relative("notes/a.md", to: "./") == "notes/a.md")
        #expect(VaultPath.relative("./notes/a.md", to: ".") == "notes/a.md")
        #expect(VaultPath.relative("notes/../a.md", to: "./") == "a.md")
        #expect(VaultPath.relative("../a.md", to: ".") == "../a.md")
        #expect(VaultPath.relative(Self.cwd + "/notes/a.md", to: ".") == "notes/a.md")
        #expect(VaultPath.isInside("./notes/a.md", directory: "."))
    }

    /// `relative(_:to:is:)` (the bytes compared where they spell `root/file`) against making the
    /// relative path and comparing it, on paths made of many roots, files and joins: prefixes, `.`
    /// and `..`, empty components, trailing `/`, absolute roots, non-ASCII, canonically equal
    /// spellings, CRLF.
    @Test func relativeIsMatchesTheRelativePath() {
        let roots = ["", ".", "./", "/", "vault", "vault/", "vault//", "/abs/vault", "a/../b", "\u{E9}", "cafe\u{301}", Self.cwd, Self.cwd + "/"]
        let files = ["a.md", "x/y.md", "", ".", "..", "a//b.md", "./a.md", "../a.md", "x/./y.md", ".a/b.md", "\u{E9}.md", "caf\u{E9}.md",
                     "cafe\u{301}.md", "x\r\n.md", "a/", "/a.md", "...md", "vault/a.md"]
        var checked = 0
        for root in roots {
            for file in files {
                var paths = [file, root + file, root + "/" + file, root + "//" + file, "./" + file, root + "/./" + file, root + "/x/" + file]
                paths += files.map { root + "/" + $0 }
                for path in paths {
                    let expected = ExactPath.same(VaultPath.relative(path, to: root), file)
                    #expect(VaultPath.relative(path, to: root, is: file) == expected, "\(path) \(root) \(file)")
                    checked += 1
                }
            }
        }
        #expect(checked > 5_000)
        #expect(VaultPath.relative("vault/x/y.md", to: "vault", is: "x/y.md") && VaultPath.relative("a.md", to: ".", is: "a.md"))
        #expect(!VaultPath.relative("vault/x/y.md", to: "vault", is: "y.md"))
    }
}
