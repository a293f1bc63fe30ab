import Foundation

/// Per origin: how many edits in how many files; text for the terminal, Markdown (wikilinks to
/// the changed notes) for `--report FILE.md`.
public struct RewriteSummary: Sendable {
    /// One origin's share of the run.
    public struct Line: Sendable, Equatable {
        public let origin: String
        public let edits: Int
        public let files: Int
    }

    /// Origins sorted by name.
    public let lines: [Line]
    public let rewrites: [NoteRewrite]

    public init(_ rewrites: [NoteRewrite]) {
        self.rewrites = rewrites
        var edits: [String: Int] = [:]
        var files: [String: Set<String>] = [:]
        for rewrite in rewrites {
            for planned in rewrite.applied {
                edits[planned.origin, default: 0] += 1
                files[planned.origin, default: []].insert(rewrite.path)
            }
        }
        lines = edits.keys.sorted().map { Line(origin: $0, edits: edits[$0]!, files: files[$0]!.count) }
    }

    var changed: [NoteRewrite] { rewrites.filter(\.isChanged) }
    var conflictCount: Int { rewrites.map(\.conflicts.count).reduce(0, +) }
    var refused: [(path: String, refusal: RefusedEdit)] { rewrites.flatMap { rewrite in rewrite.refused.map { (rewrite.path, $0) } } }

    /// `path: N edits (origin, …)` for each changed note, in run order.
    public var fileLines: [String] {
        changed.map { rewrite in
            "\(rewrite.path): \(count(rewrite.applied.count, "edit")) (\(Set(rewrite.applied.map(\.origin)).sorted().joined(separator: ", ")))"
        }
    }

    /// `origin: N edits in M files` lines, a total, then conflicts and refusals.
    public var text: String {
        let total = lines.map(\.edits).reduce(0, +)
        var output = lines.map { "\($0.origin): \(count($0.edits, "edit")) in \(count($0.files, "file"))" }
        output.append("\(count(total, "edit")) in \(count(changed.count, "file"))")
        if conflictCount > 0 {
            output.append("\(count(conflictCount, "edit")) dropped: they overlap another edit")
        }
        output += refused.map { "\($0.path): refused \($0.refusal.edit.origin): \($0.refusal.reason)" }
        return output.joined(separator: "\n")
    }

    /// A Markdown report: a table of origins, then each changed note as a `[[wikilink]]`
    /// (its path relative to `vaultRoot`, without `.md`) with what changed in it.
    public func markdown(vaultRoot: String, title: String = "notekit fix") -> String {
        var output = ["# \(title)", ""]
        if lines.isEmpty {
            output.append("No edits.")
        } else {
            output += ["| Origin | Edits | Files |", "| --- | ---: | ---: |"]
            output += lines.map { "| `\($0.origin)` | \($0.edits) | \($0.files) |" }
        }
        if !changed.isEmpty {
            output += ["", "## Changed notes", ""]
            for rewrite in changed {
                let origins = Dictionary(grouping: rewrite.applied, by: \.origin)
                    .map { "`\($0.key)` ×\($0.value.count)" }.sorted().joined(separator: ", ")
                output.append("- \(Self.wikilink(rewrite.path, root: vaultRoot)): \(origins)")
            }
        }
        if !refused.isEmpty || conflictCount > 0 {
            output += ["", "## Not applied", ""]
            for rewrite in rewrites {
                for refusal in rewrite.refused {
                    output.append("- \(Self.wikilink(rewrite.path, root: vaultRoot)): `\(refusal.edit.origin)` refused: \(refusal.reason)")
                }
                for conflict in rewrite.conflicts {
                    output.append("- \(Self.wikilink(rewrite.path, root: vaultRoot)): `\(conflict.dropped.origin)` dropped: overlaps `\(conflict.kept.origin)`")
                }
            }
        }
        return output.joined(separator: "\n") + "\n"
    }

    /// `[[folder/Note]]` for `root/folder/Note.md`.
    static func wikilink(_ path: String, root: String) -> String {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        var target = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : path
        if target.lowercased().hasSuffix(".md") { target.removeLast(3) }
        return "[[\(target)]]"
    }

    private func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }
}
