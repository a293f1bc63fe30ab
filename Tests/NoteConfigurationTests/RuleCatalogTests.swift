import NoteConfiguration
import NoteParser
import Testing

/// NoteConfiguration reads `.notekit.yml` without NoteLint: rule ids, options and presets are
/// checked against the `RuleCatalog` given, here a made-up one.
@Suite struct RuleCatalogTests {
    static let width = RuleOption("width", default: 4, in: 1...8, "How wide.")
    static let catalog = RuleCatalog([
        RuleCatalog.Rule(id: "house/plain", style: nil, options: []),
        RuleCatalog.Rule(id: "house/styled", style: "house-style", options: [width.declaration]),
    ])

    @Test func decodesAgainstTheCatalogGiven() throws {
        let text = "extends: [house-style]\nrules:\n  house/plain: off\n  house/styled: {level: error, width: 6}\n"
        let configuration = try ConfigurationLoader.parse(text, rules: Self.catalog)
        #expect(Self.catalog.presets == ["recommended", "house-style"])
        #expect(configuration.presets == ["recommended", "house-style"])
        #expect(configuration.severity(ofRule: "house/plain", style: nil, default: .warning) == nil)
        #expect(configuration.severity(ofRule: "house/styled", style: "house-style", default: .warning) == .error)
        #expect(configuration.option(Self.width, ofRule: "house/styled") == 6)
        #expect(Configuration().severity(ofRule: "house/styled", style: "house-style", default: .warning) == nil,
                "a style rule is off until its preset is extended")
    }

    @Test func rejectsWhatTheCatalogDoesNotKnow() {
        let cases: [(text: String, line: Int, message: String)] = [
            ("rules:\n  house/plian: warning\n", 2, "unknown rule 'house/plian' (did you mean 'house/plain'?)"),
            ("rules:\n  house/styled: {width: 9}\n", 2, "option 'width' of house/styled must be a whole number from 1 to 8"),
            ("extends: [research-vault]\n", 1, "unknown preset 'research-vault'"),
            ("watch:\n  fix: [citation]\n", 2, "unknown rule or category 'citation' under watch.fix"),
        ]
        for (text, line, message) in cases {
            let error = #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse(text, rules: Self.catalog) }
            #expect(error?.line == line, "\(text)")
            #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "no error") for \(text)")
        }
    }
}
