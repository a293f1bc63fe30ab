import Foundation

/// A `set` value with placeholders: `{{filename}}`, `{{title}}`, `{{uuid}}`,
/// `{{git.created}}` and `{{today}}`.
public struct ValueTemplate: Sendable, Equatable {
    public static let placeholders = ["filename", "title", "uuid", "git.created", "today"]

    public let text: String

    /// The template; throws the first unknown placeholder's name.
    public init(_ text: String) throws(UnknownPlaceholder) {
        for name in Self.names(in: text) where !Self.placeholders.contains(name) { throw UnknownPlaceholder(name: name) }
        self.text = text
    }

    /// The placeholders whose values are dates.
    public static let datePlaceholders = ["git.created", "today"]

    /// True when the template's placeholders (if any) are all dates, so a text that reads as a
    /// date is meant as one; `{{title}}` or `{{filename}}` of `2024-01-01` is meant as a string.
    public var hasOnlyDatePlaceholders: Bool { Self.names(in: text).allSatisfy(Self.datePlaceholders.contains) }

    /// A `{{name}}` that is not one of `placeholders`.
    public struct UnknownPlaceholder: Error { public let name: String }

    /// The text with each placeholder replaced by `value(name)`.
    public func render(_ value: (String) -> String) -> String { Self.render(text, value) }

    private static func names(in text: String) -> [String] {
        var names: [String] = []
        _ = render(text) { names.append($0); return "" }
        return names
    }

    private static func render(_ text: String, _ value: (String) -> String) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            output += rest[..<open.lowerBound]
            output += value(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}
