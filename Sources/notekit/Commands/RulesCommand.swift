import ArgumentParser
import NoteLintReporters

/// `notekit rules`: the rule table, or docs/rules.md.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, default severity, category, whether it offers a fix, summary; then the rules' options."
    )

    @Flag(help: "Print the rule reference as Markdown (docs/rules.md; `make docs` writes it).")
    var markdown = false

    func run() {
        if markdown {
            Output.write(RuleDocumentation.markdown())
        } else {
            Output.print(RuleDocumentation.table())
        }
    }
}
