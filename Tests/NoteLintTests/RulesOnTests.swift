import NoteConfiguration
@testable import NoteLint
import Testing

/// `RulesOn` remembers the rules each setting turns on, and no more than `RulesOn.limit` settings.
@Suite struct RulesOnTests {
    @Test func remembersEachSettingAndStaysBounded() {
        let rulesOn = RulesOn()
        var computed = 0
        for round in 0..<2 {
            for index in 0..<(RulesOn.limit + 36) {
                var configuration = Configuration()
                configuration.rules["body/x\(index)"] = .off
                let indices = rulesOn.indices(configuration) { _ in computed += 1; return [index] }
                #expect(indices == [index])
                #expect(rulesOn.count <= RulesOn.limit)
            }
            // The second round finds only the newest `limit` settings remembered.
            #expect(computed == (round == 0 ? RulesOn.limit + 36 : 2 * (RulesOn.limit + 36)))
        }
        var again = Configuration()
        again.rules["body/x\(RulesOn.limit + 35)"] = .off
        #expect(rulesOn.indices(again) { _ in computed += 1; return [] } == [RulesOn.limit + 35])
        #expect(computed == 2 * (RulesOn.limit + 36), "the newest setting is still remembered")
    }
}
