import ArgumentParser
import NoteLint

/// `--select` and `--ignore`: which rules `lint` reports and `fix` fixes.
struct RuleOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Only these rules or categories (citation, citation/missing-colon). Repeatable or comma-separated.",
        valueName: "rule"))
    var select: [String] = []

    @Option(help: ArgumentHelp(
        "Leave out these rules or categories; wins over --select. Repeatable or comma-separated.",
        valueName: "rule"))
    var ignore: [String] = []

    var selection: RuleSelection { RuleSelection(select: select, ignore: ignore) }

    func validate() throws {
        if let message = selection.unknownSelector(among: RuleRegistry.ids) { throw ValidationError(message) }
    }
}
