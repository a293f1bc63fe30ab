/// The LSP structures notekit reads and writes (only the members it uses).

struct TextDocumentIdentifier: Codable, Sendable {
    let uri: String
}

struct TextDocumentItem: Codable, Sendable {
    let uri: String
    let languageId: String?
    let version: Int
    let text: String
}

struct VersionedTextDocumentIdentifier: Codable, Sendable {
    let uri: String
    let version: Int?
}

struct TextDocumentContentChangeEvent: Codable, Sendable {
    let range: LSPRange?
    let text: String
}

struct DidOpenParams: Codable, Sendable { let textDocument: TextDocumentItem }
struct DidChangeParams: Codable, Sendable {
    let textDocument: VersionedTextDocumentIdentifier
    let contentChanges: [TextDocumentContentChangeEvent]
}
struct DocumentParams: Codable, Sendable { let textDocument: TextDocumentIdentifier }
struct PositionParams: Codable, Sendable {
    let textDocument: TextDocumentIdentifier
    let position: Position
}

struct Location: Codable, Equatable, Sendable {
    let uri: String
    let range: LSPRange
}

struct TextEdit: Codable, Equatable, Sendable {
    let range: LSPRange
    let newText: String
}

/// Edits by document URI (the `changes` form every client supports).
struct WorkspaceEdit: Codable, Equatable, Sendable {
    var changes: [String: [TextEdit]]?
    /// Text edits and file renames in order, for a client that takes resource operations.
    var documentChanges: [JSON]?
}

struct DiagnosticRelatedInformation: Codable, Equatable, Sendable {
    let location: Location
    let message: String
}

struct CodeDescription: Codable, Equatable, Sendable { let href: String }

struct Diagnostic: Codable, Equatable, Sendable {
    let range: LSPRange
    /// 1 error, 2 warning.
    let severity: Int
    /// The rule id.
    let code: String
    let codeDescription: CodeDescription?
    let source: String
    let message: String
    let relatedInformation: [DiagnosticRelatedInformation]?
}
