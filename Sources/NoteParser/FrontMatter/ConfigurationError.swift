import Yams

/// A YAML file notekit reads (a configuration, a migration plan) that cannot be used, with where and why.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error Yams reports, at its line and column.
    public init(path: String, yamlError: YamlError) {
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            self.init(path: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        default:
            self.init(path: path, line: 1, column: 1, message: "invalid YAML: \(yamlError)")
        }
    }

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
