import Foundation
import Testing

/// Issue 15: `notekit watch` drives a real watcher on a temporary vault: saves, editors'
/// rename-saves, new folders, deletions, moves, a git checkout, edits made while a fix waits.
/// Each test runs with the native watcher (inotify) and with polling (`--poll 0.1`).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: DemoVaultTests.binary), "notekit is not built at .build/debug/notekit"),
       .serialized)
struct WatchCommandTests {
    static let debounce = "0.2"
    static let config = "extends: [recommended, research-vault]\nwatch:\n  fix: [frontmatter/tags-style]\n  dateModified: true\n"
    /// A note whose tags the watch configuration fixes (a flow list becomes a block list).
    static func flowTags(_ body: String, date: String = "2020-01-01") -> String {
        "---\ntitle: A note\ntags: [alpha, beta]\ndate_modified: \(date)\n---\n\(body)\n"
    }
    static let blockTags = "tags:\n  - alpha\n  - beta\n"

    /// The watchers the behaviour tests run against.
    enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case native, polling
        var arguments: [String] { self == .polling ? ["--poll", "0.1"] : [] }
        var testDescription: String { rawValue }
    }

    /// A git repository holding `files` and `.notekit.yml`, committed.
    static func vault(_ files: KeyValuePairs<String, String>, config: String = config) throws -> String {
        let root = try VaultCommandTests.folder(files)
        try write(config, root + "/.notekit.yml")
        try git(["init", "-q", "-b", "main"], root)
        try git(["add", "-A"], root)
        try git(["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "start"], root)
        return root
    }

    @discardableResult
    static func git(_ arguments: [String], _ root: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    static func write(_ text: String, _ path: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    static func today(of path: String) -> String {
        let date = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// Without --fix: the startup lint, then each save re-checked and printed once, as JSON
    /// lines; Ctrl-C's SIGTERM ends it with 0 and a summary.
    @Test(arguments: Backend.allCases) func reportsSavesAsJSONLines(_ backend: Backend) throws {
        let root = try Self.vault(["a.md": "---\ntitle: A\n---\nSee [[b]].\n", "b.md": "---\ntitle: B\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watch = try WatchRun(["--format", "jsonl", "--debounce", Self.debounce] + backend.arguments, in: root)
        #expect(watch.findings.isEmpty, "a clean vault: no finding at startup")
        try Self.write("---\ntitle: A\n---\nSee [[b]] and [[nowhere]].\n", root + "/a.md")
        let batch = try #require(watch.batch(after: 0))
        #expect(batch.checks("a.md") && !batch.checks("b.md") && batch.written.isEmpty)
        #expect(watch.findings.contains { $0.about("a.md") && $0.rule == "link/unresolved-wikilink" })
        // Deleting b.md: a.md's link to it no longer resolves, so a.md is reported again.
        try FileManager.default.removeItem(atPath: root + "/b.md")
        let deleted = try #require(watch.batch(after: 1))
        #expect(deleted.checks("b.md") && deleted.checks("a.md"))
        #expect(watch.findings.filter { $0.about("a.md") && $0.rule == "link/unresolved-wikilink" }.count == 3)
        #expect(watch.stop() == 0)
        #expect(watch.errors.contains("notekit watch: stopped; 2 batches checked"))
    }

    /// Editors save to a temporary file and rename it over the note; new folders are watched
    /// (a note written right after mkdir included); moved notes are checked under their new path.
    @Test(arguments: Backend.allCases) func renameSavesNewFoldersAndMoves(_ backend: Backend) throws {
        let root = try Self.vault(["a.md": "---\ntitle: A\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watch = try WatchRun(["--format", "jsonl", "--debounce", Self.debounce] + backend.arguments, in: root)
        try Self.write("---\ntitle: A\n---\nNow [[missing]].\n", root + "/.a.md.swp")
        try Self.write("---\ntitle: A\n---\nNow [[missing]].\n", root + "/a.md~")
        try FileManager.default.removeItem(atPath: root + "/.a.md.swp")
        try FileManager.default.moveItem(atPath: root + "/a.md~", toPath: root + "/a.md.tmp")
        #expect(rename(root + "/a.md.tmp", root + "/a.md") == 0)
        let saved = try #require(watch.batch(after: 0))
        #expect(saved.checked.count == 1 && saved.checks("a.md"), "temporaries are not notes: \(saved.checked)")
        #expect(watch.findings.contains { $0.about("a.md") && $0.rule == "link/unresolved-wikilink" })

        try FileManager.default.createDirectory(atPath: root + "/new/deeper", withIntermediateDirectories: true)
        try Self.write("No front matter [[a]].\n", root + "/new/deeper/c.md")
        let created = try #require(watch.batch(after: 1))
        #expect(created.checks("new/deeper/c.md"))
        #expect(watch.findings.contains { $0.about("new/deeper/c.md") && $0.rule == "frontmatter/missing" })
        // A later save in the new folder is seen: it is watched.
        try Self.write("---\ntitle: C\n---\nNow with front matter [[a]].\n", root + "/new/deeper/c.md")
        let again = try #require(watch.batch(after: 2))
        #expect(again.checks("new/deeper/c.md"))

        try FileManager.default.moveItem(atPath: root + "/new", toPath: root + "/moved")
        let moved = try #require(watch.batch(after: 3))
        #expect(moved.checks("new/deeper/c.md") && moved.checks("moved/deeper/c.md"))
        try Self.write("---\ntitle: C\n---\nEdited after the move [[gone]].\n", root + "/moved/deeper/c.md")
        let edited = try #require(watch.batch(after: 4))
        #expect(edited.checks("moved/deeper/c.md"), "the moved folder is watched under its new name")
        #expect(watch.stop() == 0)
    }

    /// --fix writes the configured safe fixes of a person's save once, sets date_modified to the
    /// day of that edit, and its own write causes no second run.
    @Test(arguments: Backend.allCases) func fixesOnSaveOnce(_ backend: Backend) throws {
        let root = try Self.vault(["a.md": Self.flowTags("Text."), "b.md": Self.flowTags("Other.")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watch = try WatchRun(["--fix", "--format", "jsonl", "--debounce", Self.debounce] + backend.arguments, in: root)
        #expect(Self.read(root + "/b.md") == Self.flowTags("Other."), "nothing is written at startup")
        try Self.write(Self.flowTags("Text, and a new sentence."), root + "/a.md")
        let fixed = try #require(watch.batch(after: 0))
        #expect(fixed.wrote("a.md") && fixed.written.count == 1)
        let text = Self.read(root + "/a.md")
        #expect(text == "---\ntitle: A note\n" + Self.blockTags + "date_modified: \(Self.today(of: root + "/a.md"))\n---\nText, and a new sentence.\n")
        watch.settle(quiet: 1.0)
        #expect(watch.batches.count == 1, "notekit's own write triggers no run: \(watch.output)")
        #expect(watch.stop() == 0)
        #expect(watch.errors.contains("1 batches checked, 1 notes written"))
        #expect(Self.read(root + "/b.md") == Self.flowTags("Other."))
    }

    /// No churn: a save that changes only a date is not stamped nor rewritten, and a fix that
    /// would change only a date is not written.
    @Test(arguments: Backend.allCases) func noDateChurn(_ backend: Backend) throws {
        let config = "extends: [recommended, research-vault]\nwatch:\n  fix: [frontmatter]\n  dateModified: true\ncollections:\n  notes:\n    paths: ['**']\n    allowUnknownKeys: true\n"
            + "    keys:\n      date_created: {type: date}\n      date_modified: {type: date}\n"
        let start = "---\ntitle: A\ndate_created: 2024-05-01\ndate_modified: 2024-05-02\n---\nText.\n"
        let root = try Self.vault(["a.md": start, "b.md": start], config: config)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watch = try WatchRun(["--fix", "--format", "jsonl", "--debounce", Self.debounce] + backend.arguments, in: root)
        // The person changes only the date: checked, not written.
        let dateOnly = start.replacingOccurrences(of: "2024-05-02", with: "2024-06-01")
        try Self.write(dateOnly, root + "/a.md")
        let first = try #require(watch.batch(after: 0))
        #expect(first.checks("a.md") && first.written.isEmpty)
        #expect(Self.read(root + "/a.md") == dateOnly)
        // A fix that would only rewrite a date (2024/05/01 as 2024-05-01) is not written either.
        let slashed = start.replacingOccurrences(of: "2024-05-01", with: "2024/05/01").replacingOccurrences(of: "2024-05-02", with: "2024-05-03")
        try Self.write(slashed, root + "/b.md")
        let second = try #require(watch.batch(after: 1))
        #expect(second.checks("b.md") && second.written.isEmpty)
        #expect(Self.read(root + "/b.md") == slashed)
        #expect(watch.stop() == 0)
    }

    /// A git checkout of another branch is one batch; notes it wrote are checked, never fixed nor
    /// stamped, so the working tree stays clean.
    @Test(arguments: Backend.allCases) func gitCheckoutIsNotAnEdit(_ backend: Backend) throws {
        let root = try Self.vault(["a.md": "---\ntitle: A\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.git(["checkout", "-q", "-b", "other"], root)
        for index in 0..<80 { try Self.write(Self.flowTags("Note \(index)."), root + "/n\(index).md") }
        try Self.write(Self.flowTags("Changed."), root + "/a.md")
        try Self.git(["add", "-A"], root)
        try Self.git(["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "other"], root)
        try Self.git(["checkout", "-q", "main"], root)
        let watch = try WatchRun(["--fix", "--format", "jsonl", "--debounce", Self.debounce] + backend.arguments, in: root)
        try Self.git(["checkout", "-q", "other"], root)
        let batch = try #require(watch.batch(after: 0))
        watch.settle(quiet: 1.0)
        #expect(watch.batches.count == 1, "the checkout is handled in one batch")
        #expect(batch.checks("a.md") && batch.checks("n79.md") && batch.written.isEmpty)
        #expect(try Self.git(["status", "--porcelain"], root).isEmpty, "nothing written after a checkout")
        #expect(watch.findings.filter { $0.rule == "frontmatter/tags-style" }.count >= 81)
        #expect(watch.stop() == 0)
    }

    /// Saves that keep coming while a fix would be due: nothing is written until they settle,
    /// and then the last save's bytes are all kept.
    @Test(arguments: Backend.allCases) func editsDuringAPendingFixWin(_ backend: Backend) throws {
        let root = try Self.vault(["a.md": Self.flowTags("Start.")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watch = try WatchRun(["--fix", "--format", "jsonl", "--debounce", "0.4"] + backend.arguments, in: root)
        var body = "Start."
        for word in 0..<15 {
            body += " word\(word)"
            try Self.write(Self.flowTags(body), root + "/a.md")
            usleep(100_000)
        }
        let batch = try #require(watch.batch(after: 0))
        #expect(batch.wrote("a.md"))
        let text = Self.read(root + "/a.md")
        #expect(text.hasSuffix("---\n" + body + "\n") && text.contains(Self.blockTags), "every word typed is kept: \(text)")
        watch.settle(quiet: 1.0)
        #expect(watch.batches.count == 1)
        #expect(watch.stop() == 0)
    }

    /// A change to a `.notekit.yml` reloads the configuration and re-checks the notes whose
    /// findings it changes; a broken one is reported at its line and column and the configuration
    /// in use stays; a nested one created later applies to its folder.
    @Test(arguments: Backend.allCases) func configurationChangesReload(_ backend: Backend) throws {
        let root = try Self.vault(["a.md": Self.flowTags("Text."), "sub/b.md": Self.flowTags("Other.")], config: "extends: [recommended]\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watch = try WatchRun(["--format", "jsonl", "--debounce", Self.debounce] + backend.arguments, in: root)
        #expect(!watch.findings.contains { $0.rule == "frontmatter/tags-style" })
        try Self.write("extends: [recommended, research-vault]\n", root + "/.notekit.yml")
        let reloaded = try #require(watch.batch(after: 0))
        #expect(reloaded.checks("a.md") && reloaded.checks("sub/b.md") && reloaded.written.isEmpty)
        #expect(watch.findings.filter { $0.rule == "frontmatter/tags-style" }.count == 2)

        // A broken file: its error at line:column on standard error; the old configuration stays.
        try Self.write("extends: [recommended, research-vault]\nrules:\n  nosuch/rule: off\n", root + "/.notekit.yml")
        #expect(watch.wait { $0.errors.contains(".notekit.yml:3:3: error:") && $0.errors.contains("configuration in use stays") }, "\(watch.errors)")
        try Self.write(Self.flowTags("Text, edited."), root + "/a.md")
        let edited = try #require(watch.batch(after: 1))
        #expect(edited.checked.count == 1 && edited.checks("a.md"))
        #expect(watch.findings.filter { $0.about("a.md") && $0.rule == "frontmatter/tags-style" }.count == 2, "still research-vault")

        // Repaired (the same settings as before: no findings change, no batch printed), then a
        // nested configuration created later: its folder's notes follow it.
        try Self.write("extends: [recommended, research-vault]\n", root + "/.notekit.yml")
        watch.settle(quiet: 1.0)
        #expect(watch.batches.count == 2)
        try Self.write("extends: [recommended]\nroot: true\n", root + "/sub/.notekit.yml")
        let nested = try #require(watch.batch(after: 2))
        #expect(nested.checks("sub/b.md") && !nested.checks("a.md"), "only the notes whose findings changed: \(nested.checked)")
        #expect(watch.stop() == 0)
    }

    /// A note created while watching is a person's new note: the configured watch fixes apply
    /// (here frontmatter/required adds date_created and site_uuid), but date_modified is not
    /// stamped (nothing to compare with), and a new note with nothing to fix is not written.
    @Test(arguments: Backend.allCases) func newNotesGetOnlyTheirFixes(_ backend: Backend) throws {
        let config = "extends: [recommended, research-vault]\nwatch:\n  fix: [frontmatter/required]\n  dateModified: true\n"
            + "collections:\n  notes:\n    paths: ['**']\n    required: [title, date_created, site_uuid]\n    allowUnknownKeys: true\n"
        let root = try Self.vault(["a.md": "---\ntitle: A\ndate_created: 2024-05-01\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\n---\nText.\n"], config: config)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watch = try WatchRun(["--fix", "--format", "jsonl", "--debounce", Self.debounce] + backend.arguments, in: root)
        let new = "---\ntitle: New\ndate_modified: 2020-01-01\n---\nFresh text.\n"
        try Self.write(new, root + "/new.md")
        let created = try #require(watch.batch(after: 0))
        #expect(created.wrote("new.md"))
        let text = Self.read(root + "/new.md")
        #expect(text.hasPrefix("---\ntitle: New\ndate_modified: 2020-01-01\ndate_created: "), "date_modified kept: \(text)")
        #expect(text.contains("\nsite_uuid: ") && text.hasSuffix("---\nFresh text.\n"))
        let complete = "---\ntitle: Done\ndate_created: 2024-05-02\nsite_uuid: 9b2c6f0e-1a4d-4e8f-9c3b-2d5e7f8a1b0c\ndate_modified: 2020-01-01\n---\nText.\n"
        try Self.write(complete, root + "/complete.md")
        let second = try #require(watch.batch(after: 1))
        #expect(second.checks("complete.md") && second.written.isEmpty)
        #expect(Self.read(root + "/complete.md") == complete)
        watch.settle(quiet: 1.0)
        #expect(watch.batches.count == 2, "notekit's write of new.md triggers no run")
        #expect(watch.stop() == 0)
    }

    /// Symbolic links to folders are followed once, by real path (as lint walks the vault): a save
    /// in a linked folder outside the vault is seen under its first link; a second link and a
    /// link loop are not watched twice; a link made while watching is followed.
    @Test(arguments: Backend.allCases) func followsFolderLinksOnce(_ backend: Backend) throws {
        let root = try Self.vault(["a.md": "---\ntitle: A\n---\nText.\n"])
        let outside = root + "-outside"
        defer { for folder in [root, outside, root + "-later"] { try? FileManager.default.removeItem(atPath: folder) } }
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Self.write("---\ntitle: B\n---\nText.\n", outside + "/b.md")
        #expect(symlink(outside, root + "/one") == 0 && symlink(outside, root + "/two") == 0)
        #expect(symlink("..", outside + "/loop") == 0)
        let watch = try WatchRun(["--format", "jsonl", "--debounce", Self.debounce] + backend.arguments, in: root)
        #expect(watch.errors.contains("watching 2 notes in 2 folders"), "\(watch.errors)")
        try Self.write("---\ntitle: B\n---\nSee [[nowhere]].\n", outside + "/b.md")
        let saved = try #require(watch.batch(after: 0))
        #expect(saved.checked.count == 1 && saved.checks("one/b.md"), "\(saved.checked)")
        #expect(watch.findings.contains { $0.about("one/b.md") && $0.rule == "link/unresolved-wikilink" })

        try FileManager.default.createDirectory(atPath: root + "-later", withIntermediateDirectories: true)
        try Self.write("---\ntitle: C\n---\nText.\n", root + "-later/c.md")
        #expect(symlink(root + "-later", root + "/later") == 0)
        let linked = try #require(watch.batch(after: 1))
        #expect(linked.checks("later/c.md"))
        try Self.write("---\ntitle: C\n---\nNow [[nowhere]].\n", root + "-later/c.md")
        let edited = try #require(watch.batch(after: 2))
        #expect(edited.checks("later/c.md"), "the linked folder is watched")
        #expect(unlink(root + "/later") == 0)
        let unlinked = try #require(watch.batch(after: 3))
        #expect(unlinked.checks("later/c.md"), "its notes left the vault with the link")
        #expect(watch.stop() == 0)
    }

    /// A wrong `watch:` section is a configuration error at its line and column (exit 2).
    @Test func badWatchSectionExits2() throws {
        let root = try Self.vault(["a.md": "Text.\n"], config: "watch:\n  fixes: [frontmatter]\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try VaultCommandTests.run(["watch", "--debounce", "0"], in: root)
        #expect(result.status == 2)
        #expect(result.errors.contains("2:3") && result.errors.contains("unknown key 'fixes' under watch"), "\(result.errors)")
        try Self.write("watch:\n  fix: [frontmater]\n", root + "/.notekit.yml")
        let unknown = try VaultCommandTests.run(["lint"], in: root)
        #expect(unknown.status == 2 && unknown.errors.contains("unknown rule or category 'frontmater'"), "\(unknown.errors)")
    }
}

/// `--format jsonl`: one compact object per finding per line, the findings of `--format json`.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: DemoVaultTests.binary), "notekit is not built at .build/debug/notekit"))
struct JSONLinesFormatTests {
    @Test func sameFindingsAsJSON() throws {
        let root = try VaultCommandTests.folder([".notekit.yml": "extends: [recommended, research-vault]\n", "a.md": "No front matter [[nowhere]].\n", "b.md": "---\ntags: [A b]\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let lines = try VaultCommandTests.run(["lint", "--no-cache", "--format", "jsonl", "."], in: root)
        let json = try VaultCommandTests.run(["lint", "--no-cache", "--format", "json", "."], in: root)
        #expect(lines.status == json.status)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let decoded = try lines.output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(findings.count >= 3 && decoded.count == findings.count)
        for (line, finding) in zip(decoded, findings) {
            let same = { (object: [String: Any]) in
                String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
            }
            #expect(same(line) == same(finding))
        }
    }
}
