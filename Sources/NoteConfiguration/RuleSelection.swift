import Foundation
import NoteParser

/// Which rules a run reports or fixes, as `--select` and `--ignore` choose them (as ruff's do):
/// each selector is a rule id (`citation/missing-colon`) or a category (`citation`, `citation/`).
/// A rule is included when no selector is given or one covers it, and no ignored one does;
/// `--ignore` wins over `--select`. Findings about a whole file (`file/…`) are always included.
public struct RuleSelection: Sendable, Equatable {
    public let select: [String]
    public let ignore: [String]

    /// `select` and `ignore` split at commas, blanks dropped (`--select a,b --select c`).
    public init(select: [String] = [], ignore: [String] = []) {
        func split(_ values: [String]) -> [String] {
            values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        self.select = split(select)
        self.ignore = split(ignore)
    }

    /// True when the selectors let findings of `ruleID` through.
    public func includes(_ ruleID: String) -> Bool {
        if ruleID.hasPrefix("file/") { return true }
        return (select.isEmpty || select.contains { Self.selector($0, covers: ruleID) })
            && !ignore.contains { Self.selector($0, covers: ruleID) }
    }

    /// An error message for the first selector that covers no rule of `ids`, naming `option`
    /// and the closest id or category; nil when every selector covers one.
    public func unknownSelector(among ids: [String]) -> String? {
        for (option, selectors) in [("--select", select), ("--ignore", ignore)] {
            for selector in selectors where !ids.contains(where: { Self.selector(selector, covers: $0) }) {
                let categories = Set(ids.compactMap { $0.split(separator: "/").first.map(String.init) }).sorted()
                let suggestion = Suggestion.closest(to: selector, among: ids + categories).map { " (did you mean '\($0)'?)" } ?? ""
                return "unknown rule or category '\(selector)' for \(option)\(suggestion); `notekit rules` lists them."
            }
        }
        return nil
    }

    private static func selector(_ selector: String, covers ruleID: String) -> Bool {
        let category = selector.hasSuffix("/") ? String(selector.dropLast()) : selector
        return ruleID == selector || ruleID.hasPrefix(category + "/")
    }
}
