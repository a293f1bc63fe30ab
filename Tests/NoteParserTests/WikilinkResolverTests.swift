@testable import NoteParser
import Testing

/// Obsidian's resolution of wikilink targets, as the renderer will rely on it.
@Suite struct WikilinkResolverTests {
    let resolver = WikilinkResolver(
        files: ["Home.md", "notes/Alpha.md", "notes/deep/Beta.md", "archive/Beta.md", "img/Chart.PNG",
                "notes/v1.2 Release.md", "Gamma.md", "notes/Gamma.md"],
        aliases: ["notes/Alpha.md": ["First Letter"]])

    @Test func bareNamesResolveByFileNameCaseInsensitively() {
        #expect(resolver.resolve("alpha", from: "Home.md") == .file("notes/Alpha.md"))
        #expect(resolver.resolve("Alpha.md", from: "Home.md") == .file("notes/Alpha.md"))
        #expect(resolver.resolve(" v1.2 release ", from: "Home.md") == .file("notes/v1.2 Release.md"))
        #expect(resolver.resolve("", from: "Home.md") == .file("Home.md"))
    }

    @Test func pathsResolveBySuffix() {
        #expect(resolver.resolve("deep/beta", from: "Home.md") == .file("notes/deep/Beta.md"))
        #expect(resolver.resolve("notes/deep/Beta", from: "Home.md") == .file("notes/deep/Beta.md"))
        #expect(resolver.resolve("other/Beta", from: "Home.md") == .unresolved)
        #expect(resolver.resolve("/notes/Alpha", from: "Home.md") == .file("notes/Alpha.md"))
        #expect(resolver.resolve("/Alpha", from: "Home.md") == .unresolved)
    }

    @Test func pathsWithAnyNumberOfFoldersResolveFromTheRootOrBySuffix() {
        let vault = WikilinkResolver(files: ["client/Files/Portfolio/Aalo Atomics.md", "client/Files/Other/Notes.md"])
        let note = "client/Files/Portfolio/Aalo Atomics.md"
        for target in ["client/Files/Portfolio/Aalo Atomics", "Files/Portfolio/aalo atomics", "PORTFOLIO/Aalo Atomics.md", "Aalo Atomics"] {
            #expect(vault.resolve(target, from: "x.md") == .file(note), "\(target)")
        }
        // Folders the vault does not hold are not skipped: the root must be the one holding them.
        let inner = WikilinkResolver(files: ["Files/Portfolio/Aalo Atomics.md"])
        #expect(inner.resolve("client/Files/Portfolio/Aalo Atomics", from: "x.md") == .unresolved)
        #expect(inner.resolve("Files/Portfolio/Aalo Atomics", from: "x.md") == .file("Files/Portfolio/Aalo Atomics.md"))
    }

    @Test func relativePathsResolveFromTheLinkingNote() {
        #expect(resolver.resolve("./Alpha", from: "notes/x.md") == .file("notes/Alpha.md"))
        #expect(resolver.resolve("../archive/Beta", from: "notes/x.md") == .file("archive/Beta.md"))
        #expect(resolver.resolve("../../Home", from: "notes/x.md") == .unresolved)
    }

    @Test func unusualPathsIndexTheirComponents() {
        let odd = WikilinkResolver(files: ["a//Odd.md", "/lead/Slash.md", "ÄB/Ünïcode.md"])
        #expect(odd.resolve("a/odd", from: "x.md") == .file("a//Odd.md"))
        #expect(odd.resolve("lead/slash", from: "x.md") == .file("/lead/Slash.md"))
        #expect(odd.resolve("äb/ünïcode", from: "x.md") == .file("ÄB/Ünïcode.md"))
        #expect(odd.resolve("ünïcode", from: "x.md") == .file("ÄB/Ünïcode.md"))
    }

    @Test func otherExtensionsMustMatchTheFile() {
        #expect(resolver.resolve("chart.png", from: "Home.md") == .file("img/Chart.PNG"))
        #expect(resolver.resolve("chart", from: "Home.md") == .unresolved)
        #expect(resolver.resolve("chart.jpg", from: "Home.md") == .unresolved)
    }

    @Test func severalNamesAreAmbiguousUnlessOneIsAtTheRoot() {
        #expect(resolver.resolve("beta", from: "Home.md") == .ambiguous(["archive/Beta.md", "notes/deep/Beta.md"]))
        #expect(resolver.resolve("gamma", from: "Home.md") == .file("Gamma.md"))
    }

    @Test func aliasesResolveWhenNoFileHasTheName() {
        #expect(resolver.resolve("first letter", from: "Home.md") == .file("notes/Alpha.md"))
        #expect(resolver.resolve("notes/First Letter", from: "Home.md") == .unresolved)
    }

    /// A file is found by each ending of its path after a `/`, also where a non-ASCII or a
    /// combining character follows the `/` (then the ending is cut at characters).
    @Test func keysOfFilesAreEveryEnding() {
        #expect(WikilinkResolver.keys(ofFile: "Notes/Sub Folder/A.md") == ["path notes/sub folder/a.md", "path sub folder/a.md", "path a.md"])
        #expect(WikilinkResolver.keys(ofFile: "//x//Y.md/") == ["path x/y.md", "path y.md"])
        #expect(WikilinkResolver.keys(ofFile: "Été/Ünï.md") == ["path été/ünï.md", "path ünï.md"])
        let combining = "a/\u{301}b.md"
        let expected = Set([combining] + combining.utf8.indices.filter { combining.utf8[$0] == UInt8(ascii: "/") }
            .map { String(combining[combining.utf8.index(after: $0)...]) }).map { "path " + $0 }
        #expect(WikilinkResolver.keys(ofFile: combining) == Set(expected))
    }

    /// The byte lookup of ASCII targets finds the names the lookup on characters finds, on
    /// generated targets (case, blanks, `.md`, folders, leading `.` and `/`, non-ASCII).
    @Test func asciiLookupAgreesWithTheGeneralOne() {
        var generator = SplitMix64(seed: 0x11CC)
        let parts = ["", " ", "\t", "\r\n", "Note", "a", "B c", "x/Y", "/", "./", "../", ".", ".md", ".MD", ".Md", "md", "é", "#", "-_"]
        var fast = 0
        for _ in 0..<5000 {
            let target = (0..<Int(generator.next() % 5)).map { _ in parts[Int(generator.next() % UInt64(parts.count))] }.joined()
            guard let names = WikilinkResolver.asciiNames(target) else { continue }
            fast += 1
            #expect(names == WikilinkResolver.names(target, from: "dir/source.md"), "\(target.debugDescription)")
        }
        #expect(fast > 1000)
    }

    /// The index of path endings (slices of each lowercased path) finds what a search of every
    /// file's keys (`keys(ofFile:)`, whole strings) finds, on generated files and targets
    /// (folders, case, empty components, composed and decomposed accents, a shared ending).
    @Test func indexAgreesWithASearchOfEveryFilesKeys() {
        var generator = SplitMix64(seed: 0x5AFF)
        let parts = ["a", "B", "dir/", "Sub/", "/", "é", "e\u{301}", "/\u{301}", "x y", "Ω"]
        func text(_ count: Int) -> String {
            (0..<count).map { _ in parts[Int(generator.next() % UInt64(parts.count))] }.joined()
        }
        let files = (0..<60).map { _ in text(1 + Int(generator.next() % 3)) + (generator.next() % 4 == 0 ? ".png" : ".md") }
        let resolver = WikilinkResolver(files: files)
        for _ in 0..<3000 {
            let target = (generator.next() % 3 == 0 ? "./" : generator.next() % 4 == 0 ? "/" : "") + text(1 + Int(generator.next() % 3))
            var expected = WikilinkResolver.Resolution.unresolved
            if case .names(let candidates, let exact, _) = WikilinkResolver.asciiNames(target) ?? WikilinkResolver.names(target, from: "dir/n.md") {
                for candidate in candidates {
                    let matches = Set(files).filter { WikilinkResolver.keys(ofFile: $0).contains("path " + candidate) }.sorted()
                    guard !matches.isEmpty else { continue }
                    if let root = matches.first(where: { $0.lowercased() == candidate }) { expected = .file(root); break }
                    if exact { continue }
                    expected = matches.count == 1 ? .file(matches[0]) : .ambiguous(matches)
                    break
                }
            }
            #expect(resolver.resolve(target, from: "dir/n.md") == expected, "\(target.debugDescription)")
        }
    }

    /// A target `leadsAlikeFromEveryNote` says so of resolves the same from notes in different
    /// folders (what lets the vault resolve it once).
    @Test func targetsThatLeadAlikeDoSo() {
        let resolver = WikilinkResolver(files: ["a.md", "dir/a.md", "dir/sub/b.md", "c.md", "dir/c.md"], aliases: ["c.md": ["Alias"]])
        var generator = SplitMix64(seed: 0xA11E)
        let parts = ["", " ", "\t", "a", "A", "b", "c", "alias", "dir/", "sub/", "/", "./", "../", ".", ".md", "#", "é"]
        var alike = 0
        for _ in 0..<5000 {
            let target = (0..<Int(generator.next() % 5)).map { _ in parts[Int(generator.next() % UInt64(parts.count))] }.joined()
            guard WikilinkResolver.leadsAlikeFromEveryNote(target) else { continue }
            alike += 1
            let here = resolver.resolve(target, from: "a.md")
            #expect(resolver.resolve(target, from: "dir/sub/b.md") == here && resolver.resolve(target, from: "dir/c.md") == here, "\(target.debugDescription)")
        }
        #expect(alike > 1000)
    }

    /// An alias is trimmed of spaces and tabs (`.whitespaces`), not of line breaks, and lowercased,
    /// on the bytes of ASCII names as Foundation does for others.
    @Test func aliasesAreTrimmedOfBlanksOnly() {
        let resolver = WikilinkResolver(files: ["a.md", "b.md", "c.md", "d.md"],
                                        aliases: ["a.md": [" \tSpaced Name\t "], "b.md": ["\nBroken"], "c.md": [" \t "],
                                                  "d.md": ["\u{3000}Ünïcode Näme "]])
        #expect(resolver.resolve("spaced name", from: "a.md") == .file("a.md"))
        #expect(resolver.resolve("broken", from: "a.md") == .unresolved)
        #expect(resolver.resolve("ünïcode näme", from: "a.md") == .file("d.md"))
        #expect(WikilinkResolver.keys(ofAlias: " \t ").isEmpty)
        #expect(WikilinkResolver.keys(ofAlias: " Mixed Case ") == ["alias mixed case"])
    }
}
