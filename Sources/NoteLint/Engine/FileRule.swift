import NoteParser

/// Rule ids of findings about a whole file rather than its content: files that could not
/// be read, files over a limit (reported once, then skipped), and findings cut off by
/// `limits.maxFindingsPerFile`.
public enum FileRule {
    public static let unreadable = "file/unreadable"
    public static let tooLarge = "file/too-large"
    public static let yamlLimit = "file/yaml-limit"
    public static let tooDeep = "file/too-deep"
    public static let tooManyFindings = "file/too-many-findings"

    /// The rule id reporting a file that failed with `code`.
    public static func id(for code: ParseDiagnostic.Code) -> String {
        switch code {
        case .tooLarge: return tooLarge
        case .yamlLimit: return yamlLimit
        case .nestingLimit: return tooDeep
        default: return unreadable
        }
    }

    /// The error finding that reports `error`, at its position (else the file's start).
    public static func finding(for error: NoteError) -> Finding { error.finding(ruleID: id(for: error.code)) }

    /// A note the parser analysed only in part because it is over a limit: the file is
    /// skipped, with the `limits:` key that would let it through.
    static func overLimit(_ note: Note) -> NoteError? {
        guard let diagnostic = note.diagnostics.first(where: { limitKeys($0.code) != nil }), let keys = limitKeys(diagnostic.code) else { return nil }
        return NoteError(path: note.path, code: diagnostic.code,
                         message: "\(diagnostic.message); file skipped (limits.\(keys) in .notekit.yml)",
                         position: diagnostic.range.start)
    }

    /// The `limits:` keys that let a note over the limit of `code` through; nil for other codes
    /// (a switch: a table of them was made for every note linted).
    private static func limitKeys(_ code: ParseDiagnostic.Code) -> String? {
        switch code {
        case .yamlLimit: return "maxYAMLNodes or maxYAMLDepth"
        case .nestingLimit: return "maxMarkdownDepth"
        default: return nil
        }
    }

    /// `error` with the `limits:` key to raise when it is a file over the size limit.
    static func explained(_ error: NoteError) -> NoteError {
        guard error.code == .tooLarge else { return error }
        return NoteError(path: error.path, code: error.code, message: error.message + "; file skipped (limits.maxFileBytes in .notekit.yml)",
                         position: error.position)
    }
}
