import Foundation

/// URL- and file-name-safe slugs: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    /// `The AI Model Wars` → `the-ai-model-wars`; `../etc/passwd` → `etc-passwd`; never empty.
    public static func make(_ text: String, fallback: String = "note") -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.count > 80 {
            slug = String(slug.prefix(80))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug.isEmpty ? fallback : slug.lowercased()
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
