/// A unified diff of two versions of a file, as `diff -u` writes it: `--- a/path` and
/// `+++ b/path` headers (as `git diff` writes them), hunks with 3 lines of context, `\ No newline at end of file` markers.
struct UnifiedDiff {
    let text: String

    static let context = 3
    /// Past this many differing lines the middle of the files is shown as one change.
    static let maxEditDistance = 1_000

    init(original: [UInt8], result: [UInt8], path: String) {
        let old = Self.lines(original), new = Self.lines(result)
        let script = Self.script(old, new)
        guard script.contains(where: { $0 != .same }) else { text = ""; return }
        let name = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        let separator = name.hasPrefix("/") ? "" : "/"
        // As git does: a tab ends a name with spaces, so that `patch` reads it whole.
        let end = name.contains(" ") ? "\t" : ""
        var output = "--- a\(separator)\(name)\(end)\n+++ b\(separator)\(name)\(end)\n"
        for hunk in Self.hunks(script) {
            output += Self.render(hunk, script: script, old: old, new: new)
        }
        text = output
    }

    enum Step: Equatable { case same, delete, insert }

    /// Lines with their line ends; the last may lack one.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// The steps that turn `old` into `new`: common prefix and suffix kept, the middle by
    /// Myers' shortest edit script (deletions before insertions in each change).
    static func script(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Step] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        let middle = myers(a, b) ?? Array(repeating: .delete, count: a.count) + Array(repeating: .insert, count: b.count)
        return Array(repeating: .same, count: prefix) + middle + Array(repeating: .same, count: suffix)
    }

    /// Myers' O(ND) shortest edit script, or nil past `maxEditDistance`.
    private static func myers(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Step]? {
        let n = a.count, m = b.count, maxD = min(n + m, maxEditDistance)
        let offset = maxD + 1
        var v = Array(repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        for d in 0...maxD {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { return backtrack(trace, n: n, m: m, offset: offset) }
            }
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], n: Int, m: Int, offset: Int) -> [Step] {
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d], k = x - y
            let down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = v[offset + previousK], previousY = previousX - previousK
            while x > previousX, y > previousY { steps.append(.same); x -= 1; y -= 1 }
            if d > 0 { steps.append(down ? .insert : .delete) }
            x = previousX
            y = previousY
        }
        return normalized(steps.reversed())
    }

    /// Each run of changes with its deletions first, as `diff` prints them.
    private static func normalized(_ steps: [Step]) -> [Step] {
        var output: [Step] = []
        var deletes = 0, inserts = 0
        func flush() {
            output += Array(repeating: .delete, count: deletes) + Array(repeating: .insert, count: inserts)
            deletes = 0
            inserts = 0
        }
        for step in steps {
            switch step {
            case .same: flush(); output.append(.same)
            case .delete: deletes += 1
            case .insert: inserts += 1
            }
        }
        flush()
        return output
    }

    /// Ranges of steps to show: each change with `context` lines around it, changes closer
    /// than twice the context joined.
    static func hunks(_ script: [Step]) -> [Range<Int>] {
        var hunks: [Range<Int>] = []
        for (index, step) in script.enumerated() where step != .same {
            let start = max(0, index - context), end = min(script.count, index + 1 + context)
            if let last = hunks.last, start <= last.upperBound {
                hunks[hunks.count - 1] = last.lowerBound..<end
            } else {
                hunks.append(start..<end)
            }
        }
        return hunks
    }

    private static func render(_ hunk: Range<Int>, script: [Step], old: [ArraySlice<UInt8>], new: [ArraySlice<UInt8>]) -> String {
        var oldLine = script[..<hunk.lowerBound].filter { $0 != .insert }.count
        var newLine = script[..<hunk.lowerBound].filter { $0 != .delete }.count
        let oldCount = script[hunk].filter { $0 != .insert }.count
        let newCount = script[hunk].filter { $0 != .delete }.count
        var body = ""
        for step in script[hunk] {
            switch step {
            case .same: body += line(" ", old[oldLine]); oldLine += 1; newLine += 1
            case .delete: body += line("-", old[oldLine]); oldLine += 1
            case .insert: body += line("+", new[newLine]); newLine += 1
            }
        }
        let oldStart = oldLine - oldCount, newStart = newLine - newCount
        return "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
    }

    /// `start,count` with 1-based start; `count` left out when 1, start before the hunk when 0.
    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(start),0"
        case 1: return "\(start + 1)"
        default: return "\(start + 1),\(count)"
        }
    }

    private static func line(_ marker: String, _ bytes: ArraySlice<UInt8>) -> String {
        let text = marker + String(decoding: bytes, as: UTF8.self)
        return bytes.last == UInt8(ascii: "\n") ? text : text + "\n\\ No newline at end of file\n"
    }
}
