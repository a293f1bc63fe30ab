import NoteParser

/// Placeholder text the HTML pipeline puts into a page's Markdown and finds again in
/// cmark-gfm's output. It is chosen per page so that no input can forge it: it occurs neither
/// in the Markdown nor in what its character references (`&#78;`) decode to.
struct Placeholder {
    /// The Markdown, and its character references decoded when it has any.
    private let texts: [String]

    init(unusedIn markdown: String) {
        texts = markdown.byteRange(of: "&") != nil ? [markdown, URLSafety.decodeEntities(markdown)] : [markdown]
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
        // 0xF3 and 0xF4 (from U+C0000): decoded where those bytes are (no continuation byte is one).
        for var text in texts {
            text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return }
                var index = 0
                while index < bytes.count {
                    // Eight ASCII bytes at a time.
                    if index + 8 <= bytes.count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                    let lead = bytes[index]
                    if lead == 0xEE || lead == 0xEF, index + 2 < bytes.count {
                        used.insert(UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F))
                        index += 3
                    } else if lead == 0xF3 || lead == 0xF4, index + 3 < bytes.count {
                        used.insert(UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F))
                        index += 4
                    } else {
                        index += 1
                    }
                }
            }
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
