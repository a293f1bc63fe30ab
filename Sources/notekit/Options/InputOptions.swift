import ArgumentParser

/// The notes a command works on.
struct InputOptions: ParsableArguments {
    @Argument(help: "Markdown files, or folders to search for *.md files.")
    var paths: [String] = ["."]
}
