/// The byte ranges of a body that are code (fenced and indented blocks, code spans)
/// or raw HTML blocks: scans for citations and links skip them.
public struct CodeRanges: Sendable {
    /// Sorted, non-overlapping byte ranges.
    public let ranges: [Range<Int>]

    init(root: MarkdownNode, source: SourceText) {
        var found: [Range<Int>] = []
        root.forEach { node in
            guard let range = node.range else { return }
            switch node.kind {
            case .codeBlock, .htmlBlock:
                found.append(range.bytes)
            case .code:
                // cmark-gfm reports a code span without its backtick fences: widen over them.
                var lower = range.start.offset, upper = range.end.offset
                while lower > 0, source.bytes[lower - 1] == UInt8(ascii: "`") { lower -= 1 }
                while upper < source.bytes.count, source.bytes[upper] == UInt8(ascii: "`") { upper += 1 }
                found.append(lower..<upper)
            default:
                break
            }
        }
        found.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in found {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        ranges = merged
    }

    /// True when the byte at `offset` is inside code.
    public func contains(_ offset: Int) -> Bool { ranges.sortedContains(offset) }

    /// True when any byte of `range` is inside code.
    public func overlaps(_ range: Range<Int>) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].overlaps(range)
    }
}
