import Foundation
import NoteParser

/// URL- and file-name-safe slugs: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    /// `The AI Model Wars` → `the-ai-model-wars`; `../etc/passwd` → `etc-passwd`; never empty.
    public static func make(_ text: String, fallback: String = "note") -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        func add(_ byte: UInt8?) {
            if let byte, Byte.isLetter(byte) || Byte.isDigit(byte) {
                slug.append(byte | (Byte.isLetter(byte) ? 0x20 : 0))
            } else if let last = slug.last, last != UInt8(ascii: "-") {
                slug.append(UInt8(ascii: "-"))
            }
        }
        if text.utf8.withContiguousStorageIfAvailable({ !$0.contains { $0 >= 0x80 } }) ?? text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII folds to itself, lowercased: no need for Foundation's folding.
            for byte in text.utf8 { add(byte) }
        } else {
            let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            for scalar in folded.unicodeScalars { add(scalar.isASCII ? UInt8(scalar.value) : nil) }
        }
        while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        if slug.count > 80 {
            slug.removeSubrange(80...)
            while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        }
        return slug.isEmpty ? fallback : String(decoding: slug, as: UTF8.self)
    }

    /// True when `text` is already a slug: lowercase ASCII letters, digits and single inner
    /// hyphens (what `make` and `unique` give; `unique`'s `-2` may take it past `make`'s 80 bytes).
    static func isSlug(_ text: String) -> Bool {
        var previous = UInt8(ascii: "-")
        for byte in text.utf8 {
            guard Byte.isDigit(byte) || (Byte.isLetter(byte) && byte >= UInt8(ascii: "a"))
                    || (byte == UInt8(ascii: "-") && previous != byte) else { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    /// Slugs for several names, made unique with `-2`, `-3`... and never equal to a reserved one.
    public static func unique(_ names: [String], reserved: Set<String> = []) -> [String] {
        var taken = reserved
        return names.map { name in
            let base = make(name)
            var slug = base, counter = 2
            while taken.contains(slug) {
                slug = "\(base)-\(counter)"
                counter += 1
            }
            taken.insert(slug)
            return slug
        }
    }
}
