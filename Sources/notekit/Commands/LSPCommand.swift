import ArgumentParser
import Foundation
import NoteLSP

/// `notekit lsp`: the Language Server Protocol server on standard input and output (docs/lsp.md).
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol over standard input and output.",
        discussion: """
        Editors start it in the vault's folder (or send it as the workspace folder): diagnostics of \
        open notes, code actions (fixes, fix all, disable a rule on a line), completion of citations, \
        links and front-matter keys, hover, go to definition, references, rename and document symbols. \
        Set NOTEKIT_DOCS_URL to link each diagnostic to its rule's documentation. See docs/lsp.md.
        """
    )

    func run() throws {
        let code = LanguageServer.serveStandardIO()
        if code != 0 { throw ExitCode(code) }
    }
}
