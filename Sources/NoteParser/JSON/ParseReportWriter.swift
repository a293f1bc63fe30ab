/// The document of `notekit parse --format json` (docs/parse-json.md), written in pieces so
/// that no note is kept once written: the files that could not be parsed first (`errors`
/// sorts before `notes`), then each note as it is parsed, in order, then the end.
package struct ParseReportWriter {
    private var json = PrettyJSON()
    /// How deep a note's object is nested: in the document, in `notes`.
    private static let noteDepth = 2

    /// Starts the document with the files that could not be parsed.
    package init(errors: [NoteError]) {
        json.beginObject()
        json.key("errors"); json.beginArray()
        for error in errors {
            json.element()
            json.beginObject()
            json.key("code"); json.value(error.code.rawValue)
            json.key("column"); json.value(error.position?.column ?? 1)
            json.key("line"); json.value(error.position?.line ?? 1)
            json.key("message"); json.value(error.message)
            json.key("path"); json.value(error.path)
            json.endObject()
        }
        json.endArray()
        json.key("notes"); json.beginArray()
    }

    /// A note's object, written on any thread, for `append` in the notes' order.
    package static func object(of note: Note) -> PrettyJSON {
        var object = PrettyJSON(capacity: 32 * note.source.bytes.count + 1024, depth: noteDepth)
        object.note(note)
        return object
    }

    /// Adds the next note's object (from `object(of:)`).
    package mutating func append(_ object: PrettyJSON) {
        json.element()
        json.value(object)
    }

    /// Ends the document (no line break after it).
    package mutating func finish() {
        json.endArray()
        json.key("version"); json.value(1)
        json.endObject()
    }

    /// The bytes written since the last call.
    package mutating func takeBytes() -> [UInt8] { json.takeBytes() }
}
