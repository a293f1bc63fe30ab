import Foundation
import NoteLint

/// SARIF 2.1.0 for code-scanning tools: the tool's version, the rules as
/// `tool.driver.rules`, one result per finding. Columns are Unicode code points
/// (`columnKind: unicodeCodePoints`).
public struct SARIFReporter: Reporter {
    public let rules: [RuleDescription]
    /// The absolute URL where docs/rules.md is published; each rule's `helpUri` is it plus
    /// the rule's anchor. Without it rules have no `helpUri` (SARIF wants absolute ones).
    public let documentation: String?

    public init(rules: [RuleDescription] = RuleDocumentation.registered, documentation: String? = nil) {
        self.rules = rules
        self.documentation = documentation
    }

    public func report(_ report: LintReport) -> String {
        let driver = Driver(rules: rules.map { rule in
            Rule(id: rule.id, shortDescription: Text(text: rule.summary), fullDescription: Text(text: rule.rationale),
                 defaultConfiguration: .init(level: rule.severity.rawValue, enabled: rule.isEnabledByDefault && rule.category == .correctness ? nil : false),
                 helpUri: documentation.map { $0 + "#" + RuleDocumentation.anchor(for: rule.id) })
        })
        let results = report.findings.map { finding in
            let start = finding.range.start, end = finding.range.end
            let region = Region(startLine: start.line, startColumn: report.codePointColumn(finding.path, start),
                                endLine: end.line, endColumn: report.codePointColumn(finding.path, end))
            let uri = finding.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? finding.path
            return Result(ruleId: finding.ruleID, level: finding.severity.rawValue, message: Text(text: finding.message),
                          locations: [Location(physicalLocation: .init(artifactLocation: .init(uri: uri), region: region))])
        }
        return JSONText.encode(Log(runs: [Run(tool: Tool(driver: driver), results: results)]))
    }

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        let tool: Tool
        var columnKind = "unicodeCodePoints"
        let results: [Result]
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        var name = NotekitTool.name
        var version = NotekitTool.version
        let rules: [Rule]
    }

    struct Rule: Encodable {
        let id: String
        let shortDescription, fullDescription: Text
        let defaultConfiguration: Configuration
        let helpUri: String?

        struct Configuration: Encodable {
            let level: String
            /// False for a rule off by default; left out otherwise.
            let enabled: Bool?
        }
    }

    struct Text: Encodable { let text: String }

    struct Result: Encodable {
        let ruleId, level: String
        let message: Text
        let locations: [Location]
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation

        struct PhysicalLocation: Encodable {
            let artifactLocation: ArtifactLocation
            let region: Region
        }

        struct ArtifactLocation: Encodable { let uri: String }
    }

    struct Region: Encodable {
        let startLine, startColumn, endLine, endColumn: Int
    }
}
