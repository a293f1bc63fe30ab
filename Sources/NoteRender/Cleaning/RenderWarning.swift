import NoteParser

/// Something the cleaning dropped that the writer may want to know about, where the note has it.
public struct RenderWarning: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let position: SourcePosition
    public let message: String

    /// `path:line:column: warning: message`, as lint reports findings.
    public var description: String { "\(path):\(position.line):\(position.column): warning: \(message)" }
}
