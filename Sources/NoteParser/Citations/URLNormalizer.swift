import Foundation

/// Normalises citation URLs so the same source compares equal under different spellings:
/// lowercase scheme and host, no fragment, no `utm_*`, `fbclid` or `gclid` parameters,
/// no trailing slash.
public enum URLNormalizer {
    static let droppedParameters: Set<String> = ["fbclid", "gclid"]

    public static func normalize(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard var components = URLComponents(string: trimmed), components.host != nil else {
            return stripTrailingSlash(trimmed)
        }
        components.scheme = components.scheme?.lowercased()
        components.host = components.host?.lowercased()
        components.fragment = nil
        if let items = components.queryItems {
            let kept = items.filter { !$0.name.lowercased().hasPrefix("utm_") && !droppedParameters.contains($0.name.lowercased()) }
            components.queryItems = kept.isEmpty ? nil : kept
        }
        if components.path.count > 1, components.path.hasSuffix("/") { components.path.removeLast() }
        let result = components.string ?? trimmed
        return stripTrailingSlash(result)
    }

    private static func stripTrailingSlash(_ text: String) -> String {
        text.hasSuffix("/") && !text.hasSuffix("://") ? String(text.dropLast()) : text
    }
}
