/// Placeholder text the HTML pipeline puts into Markdown and finds again in cmark-gfm's
/// output. It is chosen per page so that no input can forge it: it occurs neither in the
/// Markdown nor in what its character references (`&#78;`) decode to.
enum Placeholder {
    /// `base`, lengthened with `Q`s until it occurs nowhere in `markdown`.
    static func prefix(_ base: String, unusedIn markdown: String) -> String {
        let texts = [markdown, URLSafety.decodeEntities(markdown)]
        var prefix = base
        while texts.contains(where: { $0.contains(prefix) }) { prefix += "Q" }
        return prefix
    }

    /// Private-use characters that occur nowhere in `markdown`, `count` of them; nil when the
    /// text holds all of them.
    static func privateUse(_ count: Int, unusedIn markdown: String) -> [String]? {
        var used = Set<UInt32>()
        for text in [markdown, URLSafety.decodeEntities(markdown)] {
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
