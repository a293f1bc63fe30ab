import Foundation
import NoteCitations
@testable import NoteLint
import Testing

/// `RuleRegistry` is kept by hand, so these check that no rule is left out of it (a rule
/// missing there would be neither run nor tested) and that citation rules cover every problem kind.
@Suite struct RuleRegistryTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/NoteLint")

    /// The names of the types declared in NoteLint's sources as conforming to `Rule`, directly
    /// or through a protocol that refines it.
    static func declaredRules() throws -> Set<String> {
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        let text = try files.map { try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        var protocols: Set<String> = ["Rule"]
        for match in text.matches(of: #/protocol\s+(\w+)\s*:\s*([^{]+)\{/#) {
            let inherited = match.output.2.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if inherited.contains(where: protocols.contains) { protocols.insert(String(match.output.1)) }
        }
        var rules: Set<String> = []
        for match in text.matches(of: #/(?:struct|class|enum|extension)\s+(\w+)\s*:\s*([^{]+)\{/#) {
            let conformances = match.output.2.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if conformances.contains(where: protocols.contains) { rules.insert(String(match.output.1)) }
        }
        return rules
    }

    @Test func everyRuleTypeIsRegistered() throws {
        let declared = try Self.declaredRules()
        let registered = Set(RuleRegistry.ruleTypes.map { String(describing: $0) })
        #expect(declared.count >= 30, "the scan of \(Self.sources.path) found only \(declared.sorted())")
        #expect(declared.subtracting(registered).isEmpty, "not in RuleRegistry: \(declared.subtracting(registered).sorted())")
        #expect(registered.subtracting(declared).isEmpty, "registered, not found by the scan: \(registered.subtracting(declared).sorted())")
    }

    @Test func everyCitationProblemKindHasItsRule() {
        let kinds = RuleRegistry.ruleTypes.compactMap { ($0 as? any CitationProblemRule.Type)?.kind }
        #expect(kinds.count == Set(kinds).count)
        #expect(Set(kinds) == Set(CitationProblem.Kind.allCases))
        for kind in kinds {
            #expect(RuleRegistry.description(of: kind.rawValue) != nil, "no rule has the id \(kind.rawValue)")
        }
    }
}
