/// The byte ranges of a body that are code (fenced and indented blocks, code spans)
/// or raw HTML blocks: scans for citations and links skip them.
public struct CodeRanges: Sendable {
    /// Sorted, non-overlapping byte ranges.
    public let ranges: [Range<Int>]

    /// Ranges already sorted and not overlapping.
    package init(ranges: [Range<Int>]) { self.ranges = ranges }

    init(root: MarkdownNode, source: SourceText) {
        var nodes: [(range: Range<Int>, isSpan: Bool)] = []
        root.forEach(where: { $0 == .codeBlock || $0 == .htmlBlock || $0 == .code }) { node in
            if let range = node.range { nodes.append((range.bytes, node.kind == .code)) }
        }
        self.init(nodes: nodes, source: source)
    }

    /// The ranges of code blocks, HTML blocks and code spans (`isSpan`) as cmark-gfm places
    /// them, sorted and merged.
    init(nodes: [(range: Range<Int>, isSpan: Bool)], source: SourceText) {
        var found = nodes.map { node in
            guard node.isSpan else { return node.range }
            // cmark-gfm reports a code span without its backtick fences: widen over them.
            var lower = node.range.lowerBound, upper = node.range.upperBound
            while lower > 0, source.bytes[lower - 1] == UInt8(ascii: "`") { lower -= 1 }
            while upper < source.bytes.count, source.bytes[upper] == UInt8(ascii: "`") { upper += 1 }
            return lower..<upper
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

    /// False only when Markdown `bytes` can hold no code span, code block or HTML block: no
    /// backtick, `~~~`, tab, carriage return (cmark-gfm ends a line there) or four spaces in a
    /// row (every fence, span and indented block needs one), and no `<` where an HTML block could
    /// start: after only container markers and spaces on its line (`>`, list markers), or on a
    /// line whose content opens a footnote definition (`[^a]: <div>`).
    static func couldHold(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            // The line so far holds only prefix bytes; its content opened with `[` (1), `[^` (2).
            var inPrefix = true, definition = 0, spaces = 0, tildes = 0
            for byte in buffer {
                // Lowercase letters and non-ASCII bytes (most of a text) start nothing, and end
                // a line's prefix and an opening `[`; a footnote label's keep its `[^` (`[^a]: <div>`).
                if byte >= UInt8(ascii: "a"), byte != UInt8(ascii: "~") {
                    (inPrefix, tildes, spaces) = (false, 0, 0)
                    if definition == 1 { definition = 0 }
                    continue
                }
                switch byte {
                case UInt8(ascii: "`"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): return true
                case UInt8(ascii: "<") where inPrefix || definition == 2: return true
                default: break
                }
                tildes = byte == UInt8(ascii: "~") ? tildes + 1 : 0
                spaces = byte == UInt8(ascii: " ") ? spaces + 1 : 0
                if tildes == 3 || spaces == 4 { return true }
                if byte == Byte.newline {
                    (inPrefix, definition) = (true, 0)
                } else if inPrefix {
                    if !isPrefixByte(byte) { (inPrefix, definition) = (false, byte == UInt8(ascii: "[") ? 1 : 0) }
                } else if definition == 1 {
                    definition = byte == UInt8(ascii: "^") ? 2 : 0
                }
            }
            return false
        }
    }

    /// The bytes of container markers and spaces that may come before a block on its line.
    package static func isPrefixByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "."),
             UInt8(ascii: ")"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
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
