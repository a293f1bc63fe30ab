import Foundation
import Testing

/// Issue 15's soak: scripted saves across many notes with `watch --fix` on. In CI 2,000 saves
/// (100 notes × 20 rounds); `NOTEKIT_WATCH_SOAK=full` runs 10,000 (500 × 20).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: DemoVaultTests.binary), "notekit is not built at .build/debug/notekit"))
struct WatchSoakTests {
    @Test func scriptedSaves() throws {
        let full = ProcessInfo.processInfo.environment["NOTEKIT_WATCH_SOAK"] == "full"
        let noteCount = full ? 500 : 100, rounds = 20
        var files: [(String, String)] = []
        for index in 0..<noteCount {
            files.append(("n\(index).md", "---\ntitle: Note \(index)\ntags:\n  - start\ndate_modified: 2020-01-01\n---\nFirst line of \(index).\n"))
        }
        // Notes the person never saves: they must stay as they are.
        files.append(("untouched.md", WatchCommandTests.flowTags("Never saved.")))
        let root = try WatchCommandTests.vault(KeyValuePairs(dictionaryLiteral: ("placeholder.md", "---\ntitle: P\n---\nText.\n")))
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in files { try WatchCommandTests.write(text, root + "/" + path) }
        try WatchCommandTests.git(["add", "-A"], root)
        try WatchCommandTests.git(["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "notes"], root)

        let watch = try WatchRun(["--fix", "--format", "jsonl", "--debounce", "0.3"], in: root)
        var typed: [Int: [String]] = [:]
        for round in 0..<rounds {
            let before = watch.batches.count
            for index in 0..<noteCount {
                // The person's editor shows the file as it is now and appends a line; every third
                // round it also writes the tags as a flow list, which the watch configuration fixes.
                let path = root + "/n\(index).md"
                var text = WatchCommandTests.read(path)
                let line = "Round \(round) adds a sentence to note \(index)."
                typed[index, default: []].append(line)
                text += line + "\n"
                if round % 3 == 0 { text = text.replacingOccurrences(of: "tags:\n  - start\n", with: "tags: [start]\n") }
                if index % 2 == 0 {
                    try WatchCommandTests.write(text, path)
                } else {
                    try WatchCommandTests.write(text, path + ".tmp")
                    #expect(rename(path + ".tmp", path) == 0)
                }
            }
            // A round that fixes 500 notes writes each atomically (fsync'd): give the full soak time.
            #expect(watch.wait(timeout: full ? 600 : 60) { $0.batches.count > before }, "round \(round) is handled")
            watch.settle(quiet: 0.8)
            #expect(watch.batches.count == before + 1, "round \(round): one batch, no run caused by notekit's own writes")
        }
        #expect(watch.stop() == 0)
        // Every saved note at its fixed point: nothing left for the watch rule to fix (the note
        // never saved keeps its finding: watch fixes what a person saves, nothing at startup).
        let lint = try VaultCommandTests.run(["lint", "--no-cache", "--select", "frontmatter/tags-style", "--format", "jsonl"], in: root)
        let left = lint.output.split(separator: "\n")
        #expect(left.count == 1 && left[0].contains("\"path\":\"untouched.md\""), "fixed point: \(lint.output.prefix(500))")
        // Every byte the person wrote is there, in order.
        for index in 0..<noteCount {
            let text = WatchCommandTests.read(root + "/n\(index).md")
            let expected = "First line of \(index).\n" + typed[index, default: []].map { $0 + "\n" }.joined()
            #expect(text.hasSuffix("---\n" + expected), "n\(index).md lost typed text")
        }
        // No file changed only by a date: every changed file differs in more than its dates.
        let changed = try WatchCommandTests.git(["diff", "--name-only"], root).split(separator: "\n").map(String.init)
        #expect(!changed.contains("untouched.md"))
        for path in changed {
            let committed = try WatchCommandTests.git(["show", "HEAD:" + path], root)
            func dateless(_ text: String) -> String { text.split(separator: "\n").filter { !$0.hasPrefix("date_modified:") }.joined(separator: "\n") }
            #expect(dateless(committed) != dateless(WatchCommandTests.read(root + "/" + path)), "\(path) changed only by a date")
        }
    }
}
