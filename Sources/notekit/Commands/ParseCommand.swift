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

    /// Notes parsed ahead of the one written next; no note outlives its output.
    static let window = 64

    func run() throws {
        let (files, missing) = NoteFiles.collect(input.paths)
        let parser = NoteParser()
        // The files that cannot be parsed are known before any note is written: the JSON
        // document lists them first.
        let refusals = files.concurrentMap { path -> NoteError? in
            do throws(NoteError) { try parser.check(contentsOf: path) } catch { return error }
            return nil
        }
        let errors = missing + refusals.compactMap { $0 }
        for error in errors { Output.error(error.description) }
        let readable = zip(files, refusals).compactMap { $1 == nil ? $0 : nil }
        // A file changed between its check and its parse is only reported on standard error.
        var failed = !errors.isEmpty
        switch format {
        case .json:
            var writer = ParseReportWriter(errors: errors)
            Output.write(writer.takeBytes())
            readable.concurrentMap(window: Self.window, { path in
                Result { () throws(NoteError) in ParseReportWriter.object(of: try parser.parse(contentsOf: path)) }
            }) { result in
                switch result {
                case .success(let object):
                    writer.append(object)
                    Output.write(writer.takeBytes())
                case .failure(let error): Output.error(error.description); failed = true
                }
            }
            writer.finish()
            Output.write(writer.takeBytes() + [UInt8(ascii: "\n")])
        case .text:
            readable.concurrentMap(window: Self.window, { path in
                Result { () throws(NoteError) in NoteOutline(note: try parser.parse(contentsOf: path)).text }
            }) { result in
                switch result {
                case .success(let text): Output.print(text)
                case .failure(let error): Output.error(error.description); failed = true
                }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
