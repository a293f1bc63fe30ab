import ArgumentParser
import NoteParser

/// `notekit parse`: prints the typed model of notes.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the typed model of notes: front matter, callouts, citations, links.",
        discussion: "JSON output is stable and documented in docs/parse-json.md."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var input: InputOptions

    func run() throws {
        let (files, missing) = NoteFiles.collect(input.paths)
        let results = NoteParser().parse(files: files)
        let notes = results.compactMap { try? $0.get() }
        let errors = missing + results.compactMap { result -> NoteError? in
            if case .failure(let error) = result { return error } else { return nil }
        }
        for error in errors { Output.error(error.description) }
        switch format {
        case .json:
            Output.print(try Output.json(ParseReport(notes: notes, errors: errors)))
        case .text:
            for note in notes { Output.print(NoteOutline(note: note).text) }
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }
}

/// The top-level JSON object of `notekit parse --format json`.
struct ParseReport: Encodable {
    let version = 1
    let notes: [Note]
    let errors: [FileError]

    init(notes: [Note], errors: [NoteError]) {
        self.notes = notes
        self.errors = errors.map(FileError.init)
    }

    struct FileError: Encodable {
        let path: String
        let line: Int
        let column: Int
        let code: String
        let message: String

        init(_ error: NoteError) {
            path = error.path
            line = error.position?.line ?? 1
            column = error.position?.column ?? 1
            code = error.code.rawValue
            message = error.message
        }
    }
}
