import NoteParser

extension Linter {
    /// What a run parses of a note with `configuration` (`.all` without `reporting`): the scans
    /// read by the rules it turns on whose findings `reporting` includes (every rule it turns on
    /// when that includes `suppression/unused`, on: its findings depend on what every rule
    /// suppressed), and the comments its suppressions read. A scan no such rule reads is not run.
    public func scans(for configuration: Configuration) -> NoteParser.Scans {
        guard let reporting else { return .all }
        func isOn(_ rule: (id: String, severity: Severity?, style: String?)) -> Bool {
            configuration.severity(ofRule: rule.id, style: rule.style, default: rule.severity) != nil
        }
        let unusedID = SuppressionUnusedRule.description.id
        let reportsAll = reporting.includes(unusedID) && defaults.contains { $0.id == unusedID && isOn($0) }
        var scans = Suppressions.reads
        for (rule, ruleDefault) in zip(rules, defaults) where (reportsAll || reporting.includes(ruleDefault.id)) && isOn(ruleDefault) {
            scans.formUnion(type(of: rule).description.reads)
        }
        return scans
    }

    /// `scans(for:)` of each of `configurations`, worked out once for those that turn the same rules on.
    func scans(for configurations: [Configuration]) -> [NoteParser.Scans] {
        var known: [(rules: [String: Configuration.Level], presets: [String], scans: NoteParser.Scans)] = []
        return configurations.map { configuration in
            if let found = known.first(where: { $0.rules == configuration.rules && $0.presets == configuration.presets }) {
                return found.scans
            }
            let scans = scans(for: configuration)
            known.append((configuration.rules, configuration.presets, scans))
            return scans
        }
    }
}
