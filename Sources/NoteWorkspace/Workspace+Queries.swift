import NoteLint
import NoteParser

extension Workspace {
    /// Every note of the vault that parsed (not ignored), sorted by vault path, with its
    /// configuration: what `lsp` completes, navigates and renames over.
    public var contexts: [NoteContext] { result.contexts }
}
