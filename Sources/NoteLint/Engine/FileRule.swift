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
        let keys: [ParseDiagnostic.Code: String] = [.yamlLimit: "maxYAMLNodes or maxYAMLDepth", .nestingLimit: "maxMarkdownDepth"]
        guard let diagnostic = note.diagnostics.first(where: { keys[$0.code] != nil }) else { return nil }
        return NoteError(path: note.path, code: diagnostic.code,
                         message: "\(diagnostic.message); file skipped (limits.\(keys[diagnostic.code]!) in .notekit.yml)",
                         position: diagnostic.range.start)
    }

    /// `error` with the `limits:` key to raise when it is a file over the size limit.
    static func explained(_ error: NoteError) -> NoteError {
        guard error.code == .tooLarge else { return error }
        return NoteError(path: error.path, code: error.code, message: error.message + "; file skipped (limits.maxFileBytes in .notekit.yml)",
                         position: error.position)
    }
}
