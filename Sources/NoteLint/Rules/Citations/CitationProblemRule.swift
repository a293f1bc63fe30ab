import NoteCitations

/// A rule that reports one kind of citation problem (`NoteCitationScan`, `VaultCitationProblems`):
/// its id is the kind's, written once, in `CitationProblem.Kind`.
protocol CitationProblemRule: Rule {
    /// The problems the rule reports.
    static var kind: CitationProblem.Kind { get }
}
