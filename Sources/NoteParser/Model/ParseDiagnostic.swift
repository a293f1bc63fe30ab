/// A problem found while parsing a note: the parser never fails, it reports.
public struct ParseDiagnostic: Hashable, Sendable, Error, CustomStringConvertible, Encodable {
    public enum Code: String, Sendable, Codable {
        case unreadable, notText, invalidUTF8, tooLarge
        case unterminatedFrontMatter, invalidYAML, yamlLimit
        case nestingLimit
    }

    public let code: Code
    public let message: String
    public let range: SourceRange

    public init(code: Code, message: String, range: SourceRange) {
        self.code = code
        self.message = message
        self.range = range
    }

    public var description: String { "\(range.start.line):\(range.start.column): \(message)" }

    /// The diagnostic as a finding of the rule `ruleID` about the note at `path`.
    public func finding(path: String, ruleID: String, severity: Severity) -> Finding {
        Finding(path: path, range: range, ruleID: ruleID, severity: severity, message: message)
    }
}
