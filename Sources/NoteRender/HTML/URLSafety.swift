import Foundation

/// Keeps script-running URLs (`javascript:`, `vbscript:`, `data:` other than images) out of
/// rendered pages, even when raw HTML is let through.
enum URLSafety {
    /// True when a browser following `url` would not run script.
    static func isSafe(_ url: String) -> Bool {
        let decoded = decodeEntities(url).unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let compact = String(String.UnicodeScalarView(decoded)).lowercased()
        if compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") { return false }
        if compact.hasPrefix("data:") { return compact.hasPrefix("data:image/") && !compact.hasPrefix("data:image/svg") }
        return true
    }

    /// Attributes holding a URL, a list of URLs (`srcset`; SVG animation values, which can set
    /// `href`), or pinging URLs (`ping`, always emptied).
    // Regex is not Sendable, yet matching one from several threads is safe: it compiles its program once, stored atomically.
    nonisolated(unsafe) private static let attribute =
        #/\b(href|src|action|formaction|xlink:href|data|poster|background|codebase|cite|longdesc|dynsrc|lowsrc|srcset|imagesrcset|values|to|from|by|ping)(\s*=\s*)("[^"]*"|'[^']*'|[^\s>"']+)/#.ignoresCase()

    /// `html` with every unsafe `href`, `src` and similar attribute value emptied.
    static func filterAttributes(_ html: String) -> String {
        html.replacing(attribute) { match in
            let quoted = String(match.3)
            let value = quoted.first == "\"" || quoted.first == "'" ? String(quoted.dropFirst().dropLast()) : quoted
            return isSafe(value, in: String(match.1).lowercased()) ? String(match.0) : "\(match.1)\(match.2)\"\""
        }
    }

    /// Whether the value of attribute `name` is safe: each URL of a list, no `ping` at all.
    private static func isSafe(_ value: String, in name: String) -> Bool {
        switch name {
        case "ping": return false
        case "srcset", "imagesrcset":
            return value.split(separator: ",").allSatisfy { candidate in
                isSafe(String(candidate.split(whereSeparator: \.isWhitespace).first ?? ""))
            }
        case "values", "to", "from", "by":
            return decodeEntities(value).split(separator: ";").allSatisfy { isSafe(String($0)) }
        default: return isSafe(value)
        }
    }

    // Regex is not Sendable, yet matching one from several threads is safe: it compiles its program once, stored atomically.
    nonisolated(unsafe) private static let entity = #/&(#0*[0-9]{1,7};?|#[xX]0*[0-9a-fA-F]{1,6};?|colon;|tab;|newline;)/#

    /// Decodes the numeric entities (with any number of leading zeros) and `&colon;`, `&tab;`,
    /// `&newline;` browsers accept in attributes.
    static func decodeEntities(_ text: String) -> String {
        text.replacing(entity.ignoresCase()) { match in
            var body = String(match.1).lowercased()
            if body.hasSuffix(";") { body.removeLast() }
            switch body {
            case "colon": return ":"
            case "tab": return "\t"
            case "newline": return "\n"
            default:
                let value = body.hasPrefix("#x") ? UInt32(body.dropFirst(2), radix: 16) : UInt32(body.dropFirst())
                return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
            }
        }
    }
}
