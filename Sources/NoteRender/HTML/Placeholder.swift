import NoteParser

/// Placeholder text the HTML pipeline puts into a page's Markdown and finds again in
/// cmark-gfm's output. It is chosen per page so that no input can forge it: it occurs neither
/// in the Markdown nor in what its character references (`&#78;`) decode to.
struct Placeholder {
    /// The Markdown, and its character references decoded when it has any.
    private let texts: [String]

    init(unusedIn markdown: String) {
        texts = markdown.utf8.contains(UInt8(ascii: "&")) ? [markdown, URLSafety.decodeEntities(markdown)] : [markdown]
    }

    /// `base`, lengthened with `Q`s until the text does not hold it (compared byte by byte).
    func prefix(_ base: String) -> String {
        var prefix = base
        while texts.contains(where: { $0.byteRange(of: prefix) != nil }) { prefix += "Q" }
        return prefix
    }

    /// `count` private-use characters the text does not hold; nil when it holds all of them.
    func privateUse(_ count: Int) -> [String]? {
        var used = Set<UInt32>()
        // The private-use scalars are written with the lead bytes 0xEE, 0xEF (U+E000 to U+FFFF),
        // 0xF3 and 0xF4 (from U+F0000): most texts have none.
        for text in texts where text.utf8.contains(where: { $0 == 0xEE || $0 == 0xEF || $0 >= 0xF3 }) {
            for scalar in text.unicodeScalars where scalar.value >= 0xE000 { used.insert(scalar.value) }
        }
        var found: [String] = []
        for range in [0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD] as [ClosedRange<UInt32>] {
            for value in range where !used.contains(value) {
                guard let scalar = Unicode.Scalar(value) else { continue }
                found.append(String(Character(scalar)))
                if found.count == count { return found }
            }
        }
        return nil
    }
}
