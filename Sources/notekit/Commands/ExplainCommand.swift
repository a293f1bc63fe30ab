import ArgumentParser
import NoteLint
import NoteLintReporters
import NoteParser

/// `notekit explain RULE`: one rule's documentation with its examples.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: why it matters, its options, examples that trigger it and that do not, fixes."
    )

    @Argument(help: "A rule id, e.g. citation/undefined (`notekit rules` lists them).")
    var rule: String

    func run() throws {
        guard let description = RuleRegistry.description(of: rule) else {
            let suggestion = Suggestion.closest(to: rule, among: RuleRegistry.ids).map { " (did you mean '\($0)'?)" } ?? ""
            throw Output.failure("error: unknown rule '\(rule)'\(suggestion); `notekit rules` lists them")
        }
        Output.print(RuleDocumentation.explanation(of: description))
    }
}
