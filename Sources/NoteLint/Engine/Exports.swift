// `Finding`, `Fix` and `Severity` live in NoteParser (one located problem type for the parser,
// the citations and the rules), `Configuration` in NoteConfiguration; code that imports
// NoteLint sees them, and the rest of NoteParser and NoteConfiguration, without importing them too.
@_exported import NoteConfiguration
@_exported import NoteParser
