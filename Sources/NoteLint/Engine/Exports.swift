// `Finding`, `Fix` and `Severity` live in NoteParser (one located problem type for the parser,
// the citations and the rules); code that imports NoteLint sees them, and the rest of
// NoteParser, without importing it too.
@_exported import NoteParser
