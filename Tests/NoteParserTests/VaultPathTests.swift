import Foundation
@testable import NoteParser
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

    /// `hasPlainComponents` (from `/` to `/` by `memchr`, each component judged by its length and
    /// first two bytes) against the byte loop it replaced, kept here, on every string of up to
    /// seven bytes of `/`, `.`, a letter and a UTF-8 lead and continuation byte, and on longer
    /// paths; each also from an offset in a larger buffer, as a path's slice after its root is.
    @Test func plainComponentsMatchTheByteLoop() {
        func reference(_ bytes: [UInt8]) -> Bool {
            var length = 0
            var onlyDots = true
            func isPlainComponent() -> Bool { length > 0 && !(onlyDots && length <= 2) }
            for byte in bytes {
                if byte == UInt8(ascii: "/") {
                    guard isPlainComponent() else { return false }
                    length = 0
                    onlyDots = true
                } else {
                    length += 1
                    if byte != UInt8(ascii: ".") { onlyDots = false }
                }
            }
            return isPlainComponent()
        }
        let alphabet: [UInt8] = [0x2F, 0x2E, 0x61, 0xC3, 0xA9]
        var inputs: [[UInt8]] = [[]]
        var last: [[UInt8]] = [[]]
        for _ in 1...7 {
            last = last.flatMap { head in alphabet.map { head + [$0] } }
            inputs += last
        }
        inputs += ["notes/sub/a.md", "a/../b", "a/./b", "...", "a/...", ".hidden/x", "x/.", "x/..", "/x", "x/", "a//b", "\r\n/x",
                   String(repeating: "long/", count: 40) + "end"].map { Array($0.utf8) }
        var plain = 0
        for input in inputs {
            let expected = reference(input)
            let padded = [0x2F, 0x2E] + input + [0x2F, 0x2E]
            padded.withUnsafeBufferPointer { buffer in
                #expect(VaultPath.hasPlainComponents(UnsafeBufferPointer(rebasing: buffer[2..<(2 + input.count)])) == expected, "\(input)")
            }
            input.withUnsafeBufferPointer { #expect(VaultPath.hasPlainComponents($0) == expected, "\(input)") }
            if expected { plain += 1 }
        }
        #expect(inputs.count > 90_000 && plain > 10_000)
    }

    /// `relative(_:to:)` against the whole way (`absolute` of both, the prefix cut), which its byte
    /// fast paths stand for wherever the path lies inside the root (or is unchanged either way).
    @Test func relativeMatchesTheWholeWay() {
        let roots = [".", "./", "vault", "vault/", "/abs/vault", "\u{E9}", Self.cwd, Self.cwd + "/"]
        let files = ["a.md", "x/y.md", "a//b.md", "x/./y.md", "x/../y.md", ".a/b.md", "\u{E9}.md", "cafe\u{301}.md", "x\r\n.md", "...md"]
        for root in roots {
            for file in files {
                for path in [file, root + "/" + file, root + file, "./" + file] {
                    let full = VaultPath.absolute(path), base = VaultPath.absolute(root)
                    let inside = full.utf8.count > base.utf8.count && full.utf8.starts(with: base.utf8)
                        && full.utf8.dropFirst(base.utf8.count).first == UInt8(ascii: "/")
                    let whole = inside ? String(Substring(full.utf8.dropFirst(base.utf8.count + 1))) : path
                    #expect(ExactPath.same(VaultPath.relative(path, to: root), whole), "\(path) \(root)")
                }
            }
        }
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
