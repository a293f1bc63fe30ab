import Foundation
import NoteParser

/// A note open in the editor: its text as the editor has it (the truth while it is open).
struct OpenDocument: Sendable {
    /// The URI as the client wrote it (diagnostics are published under it).
    let uri: String
    /// The vault path, nil for a file outside the vault.
    let path: String?
    var version: Int
    var text: SourceText

    /// The text after the editor's changes: whole-text changes replace it, ranged ones edit it in order.
    func applying(_ changes: [TextDocumentContentChangeEvent], encoding: PositionEncoding) -> SourceText {
        var text = text
        for change in changes {
            if let range = change.range {
                let bytes = PositionConverter(text, encoding: encoding).bytes(of: range)
                var edited = text.bytes
                edited.replaceSubrange(bytes, with: Array(change.text.utf8))
                text = SourceText(bytes: edited)
            } else {
                text = SourceText(change.text)
            }
        }
        return text
    }
}

/// `file://` URIs and paths.
enum DocumentURI {
    /// The file path of a `file:` URI (percent-decoded), nil for other schemes.
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    /// The `file://` URI of an absolute path.
    static func uri(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.absoluteString
    }
}
