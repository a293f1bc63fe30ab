/// The labels of the CommonMark reference links cmark-gfm resolved in a note: `[text][label]`,
/// `[label][]` and shortcut `[label]` (images too). A `[label]: dest` line one of them uses is
/// a link reference definition, plain Markdown, not a citation.
enum ReferenceLinkLabels {
    /// The normalised labels (see `normalize`) of the reference links among `links`: those
    /// whose source ends with `]` (inline links end with `)`, autolinks with `>` or text).
    static func labels(of links: [MarkdownLink], in source: SourceText) -> Set<String> {
        var labels = Set<String>()
        let bytes = source.bytes
        for link in links {
            let range = link.range.bytes
            guard range.count >= 3, range.upperBound <= bytes.count, bytes[range.upperBound - 1] == Byte.closeBracket else { continue }
            // The label's `[`: the last unescaped one (labels hold no unescaped brackets).
            var open = range.upperBound - 2
            while open >= range.lowerBound, !(bytes[open] == Byte.openBracket && !isEscaped(open, in: bytes)) { open -= 1 }
            guard open >= range.lowerBound else { continue }
            var label = (open + 1)..<(range.upperBound - 1)
            if label.isEmpty, open > range.lowerBound, bytes[open - 1] == Byte.closeBracket {
                // `[text][]`: the text is the label.
                var start = range.lowerBound
                if bytes[start] == UInt8(ascii: "!") { start += 1 }
                guard start + 1 <= open - 1 else { continue }
                label = (start + 1)..<(open - 1)
            }
            labels.insert(normalize(source.string(label)))
        }
        return labels
    }

    /// A label as CommonMark matches it: trimmed, inner whitespace runs as one space, case-folded.
    static func normalize(_ label: String) -> String {
        label.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    private static func isEscaped(_ offset: Int, in bytes: [UInt8]) -> Bool {
        var backslashes = 0
        var index = offset - 1
        while index >= 0, bytes[index] == UInt8(ascii: "\\") { backslashes += 1; index -= 1 }
        return backslashes % 2 == 1
    }
}
