import Foundation

/// The form of a URL used to tell whether two citations name the same page.
enum URLNormalizer {
    /// Lowercases scheme and host, drops the fragment, `utm_*`, `fbclid` and `gclid`
    /// query items and a trailing slash. Text that is not a URL is only trimmed.
    static func normalize(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard var components = URLComponents(string: trimmed), let host = components.host else { return trimmed }
        components.scheme = components.scheme?.lowercased()
        components.host = host.lowercased()
        components.fragment = nil
        let items = (components.queryItems ?? []).filter { item in
            let name = item.name.lowercased()
            return !name.hasPrefix("utm_") && name != "fbclid" && name != "gclid"
        }
        components.queryItems = items.isEmpty ? nil : items
        while components.path.count > 1, components.path.hasSuffix("/") { components.path.removeLast() }
        if components.path == "/" { components.path = "" }
        return components.string ?? trimmed
    }
}
