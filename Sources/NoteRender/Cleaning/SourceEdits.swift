import NoteParser

/// Byte-range replacements on a note's source, applied in one pass.
///
/// An edit overlapping one already accepted is refused, so edits added first (whole
/// blocks removed) win over edits inside them (a citation in a removed callout).
struct SourceEdits {
    let source: SourceText
    private(set) var edits: [(range: Range<Int>, replacement: String)] = []
    /// The accepted non-empty ranges, sorted: they never overlap, so a binary search finds
    /// the one a range could overlap (empty ranges, insertions, overlap nothing).
    private var filled: [Range<Int>] = []

    init(source: SourceText) { self.source = source }

    /// The index of the first filled range ending after `offset`.
    private func firstEnding(after offset: Int) -> Int {
        var low = 0, high = filled.count
        while low < high {
            let mid = (low + high) / 2
            if filled[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// True when `range` overlaps an accepted edit (an empty `range`: lies inside one).
    func overlaps(_ range: Range<Int>) -> Bool {
        let index = firstEnding(after: range.lowerBound)
        guard index < filled.count else { return false }
        return range.isEmpty ? filled[index].contains(range.lowerBound) : filled[index].lowerBound < range.upperBound
    }

    /// Replaces `range` unless it overlaps an accepted edit; returns whether it was accepted.
    @discardableResult
    mutating func replace(_ range: Range<Int>, with replacement: String) -> Bool {
        guard !overlaps(range) else { return false }
        edits.append((range, replacement))
        if !range.isEmpty { filled.insert(range, at: firstEnding(after: range.lowerBound)) }
        return true
    }

    /// Removes `range`; when it fills its lines (only blanks around it), the lines go too.
    @discardableResult
    mutating func remove(_ range: Range<Int>) -> Bool {
        replace(wholeLines(range) ?? range, with: "")
    }

    /// `range` widened to its lines and their final newline, when nothing else is on them.
    private func wholeLines(_ range: Range<Int>) -> Range<Int>? {
        let bytes = source.bytes
        var start = range.lowerBound, end = range.upperBound
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
        guard start == 0 || bytes[start - 1] == UInt8(ascii: "\n") else { return nil }
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") || bytes[end] == UInt8(ascii: "\r") {
            end += 1
        }
        guard end == bytes.count || bytes[end] == UInt8(ascii: "\n") else { return nil }
        return start..<min(end + 1, bytes.count)
    }

    /// The source with every edit applied.
    func applied() -> String {
        // Accepted edits never overlap (`replace` refuses those), so applying cannot fail.
        let bytes = (try? EditApplier.apply(edits.map { Edit(range: $0.range, replacement: $0.replacement) }, to: source.bytes)) ?? source.bytes
        return String(decoding: bytes, as: UTF8.self)
    }
}
