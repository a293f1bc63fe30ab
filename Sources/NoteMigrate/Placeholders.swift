import Foundation
import NoteParser

/// The values of `set` placeholders for one note.
struct Placeholders {
    let note: Note
    let today: String
    let creationDate: (String) -> String?

    func value(_ name: String) -> String? {
        switch name {
        case "filename": return filename
        case "title":
            return note.closedFrontMatter?.value("title")?.scalarText ?? note.headings.first(where: { $0.level == 1 })?.text ?? filename
        case "uuid": return UUID().uuidString.lowercased()
        case "git.created": return creationDate(note.path)
        case "today": return today
        default: return nil
        }
    }

    /// The file name without `.md`.
    private var filename: String { URL(fileURLWithPath: note.path).deletingPathExtension().lastPathComponent }
}
