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
}
