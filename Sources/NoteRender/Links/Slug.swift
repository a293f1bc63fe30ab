import Foundation
import NoteParser

/// URL- and file-name-safe slugs: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    /// `The AI Model Wars` → `the-ai-model-wars`; `../etc/passwd` → `etc-passwd`; never empty.
    public static func make(_ text: String, fallback: String = "note") -> String {
        let slug: String
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ $0.contains { $0 >= 0x80 } ? nil : Self.slug(of: $0) }), let ascii {
            // ASCII folds to itself, lowercased: no need for Foundation's folding.
            slug = ascii
        } else {
            let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            // A scalar left outside ASCII separates words, as a space does.
            slug = folded.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : UInt8(ascii: " ") }.withUnsafeBufferPointer(Self.slug(of:))
        }
        return slug.isEmpty ? fallback : slug
    }

    /// The slug of ASCII bytes, in one pass into its own bytes: letters (lowercased) and digits,
    /// one hyphen for each run of anything else between them, at most 80 bytes; empty when they
    /// hold no letter or digit.
    private static func slug(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { slug in
            var count = 0
            for byte in bytes {
                if Byte.isLetter(byte) || Byte.isDigit(byte) {
                    slug[count] = byte | (Byte.isLetter(byte) ? 0x20 : 0)
                    count += 1
                } else if count > 0, slug[count - 1] != UInt8(ascii: "-") {
                    slug[count] = UInt8(ascii: "-")
                    count += 1
                }
            }
            while count > 0, slug[count - 1] == UInt8(ascii: "-") { count -= 1 }
            if count > 80 {
                count = 80
                while slug[count - 1] == UInt8(ascii: "-") { count -= 1 }
            }
            return count
        }
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
