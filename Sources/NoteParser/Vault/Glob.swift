/// A path glob: `*` (no `/`), `?`, `**` (any folders), `{a,b}` alternatives.
public struct Glob: Sendable {
    public let pattern: String

    public init(_ pattern: String) { self.pattern = pattern }

    public func matches(_ path: String) -> Bool {
        for alternative in expandBraces(pattern) {
            if Self.match(Array(alternative.utf8)[...], Array(path.utf8)[...]) { return true }
        }
        return false
    }

    private func expandBraces(_ text: String) -> [String] {
        guard let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") else { return [text] }
        let head = text[..<open], tail = String(text[text.index(after: close)...])
        return text[text.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { expandBraces(head + $0 + tail) }
    }

    private static func match(_ pattern: ArraySlice<UInt8>, _ path: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        let star = UInt8(ascii: "*"), slash = UInt8(ascii: "/")
        if first == star, pattern.dropFirst().first == star {
            var rest = pattern.dropFirst(2)
            if rest.first == slash { rest = rest.dropFirst() }
            // `**/` matches zero or more whole folders; `**` at the end matches anything.
            if rest.isEmpty { return true }
            var index = path.startIndex
            while true {
                if match(rest, path[index...]) { return true }
                guard let nextSlash = path[index...].firstIndex(of: slash) else { return false }
                index = nextSlash + 1
            }
        }
        if first == star {
            var index = path.startIndex
            while true {
                if match(pattern.dropFirst(), path[index...]) { return true }
                guard index < path.endIndex, path[index] != slash else { return false }
                index += 1
            }
        }
        guard let character = path.first else { return false }
        if first == UInt8(ascii: "?") ? character != slash : first == character {
            return match(pattern.dropFirst(), path.dropFirst())
        }
        return false
    }
}
