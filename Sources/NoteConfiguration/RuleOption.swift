/// A choice a rule leaves to the house, set in `.notekit.yml` with the long form of a rule's
/// entry: `rules: {body/dash-rule: {level: warning, style: "---"}}`.
///
/// A rule declares its options as static `RuleOption` values, lists their `declaration`s in its
/// `RuleDescription`, and reads them with `NoteContext.option(_:of:)`. The configuration
/// decoder validates every value against the declaration, so a rule only ever reads an
/// allowed value.
public struct RuleOption<Value: Sendable>: Sendable {
    /// What documentation and validation see.
    public let declaration: RuleOptionDeclaration
    /// The value when `.notekit.yml` does not set the option.
    public let defaultValue: Value
    private let read: @Sendable (String) -> Value?

    /// The value configured as `text` (validated by the decoder), else the default.
    public func value(_ text: String?) -> Value { text.flatMap(read) ?? defaultValue }
}

extension RuleOption where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// An option whose value is one of `Value`'s raw values.
    public init(_ name: String, default value: Value, _ summary: String) {
        declaration = RuleOptionDeclaration(name: name, kind: .oneOf(Value.allCases.map(\.rawValue)),
                                            defaultValue: value.rawValue, summary: summary)
        defaultValue = value
        read = { Value(rawValue: $0) }
    }
}

extension RuleOption where Value == Int {
    /// A whole-number option within `range`.
    public init(_ name: String, default value: Int, in range: ClosedRange<Int>, _ summary: String) {
        declaration = RuleOptionDeclaration(name: name, kind: .integer(range), defaultValue: String(value), summary: summary)
        defaultValue = value
        read = { Int($0) }
    }
}

/// A rule option as documentation and the configuration decoder see it: its name, the values
/// it takes, its default and one line on what it does.
public struct RuleOptionDeclaration: Sendable {
    /// The values an option takes.
    public enum Kind: Sendable {
        /// One of these strings, exactly.
        case oneOf([String])
        /// A whole number in this range.
        case integer(ClosedRange<Int>)
    }

    public let name: String
    public let kind: Kind
    /// The default as written in `.notekit.yml`.
    public let defaultValue: String
    public let summary: String

    /// The allowed values in words, each between `quote`s: `'***', '---'`, or `4 to 12`.
    public func allowedValues(quotedWith quote: String) -> String {
        switch kind {
        case .oneOf(let values): return values.map { quote + $0 + quote }.joined(separator: ", ")
        case .integer(let range): return "\(range.lowerBound) to \(range.upperBound)"
        }
    }
}
