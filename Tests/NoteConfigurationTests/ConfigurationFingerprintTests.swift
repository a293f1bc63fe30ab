import NoteConfiguration
import NoteParser
import Testing

/// The lint cache keys results by `Configuration.fingerprint`: it must change with every setting
/// a configuration holds, and only with them.
@Suite struct ConfigurationFingerprintTests {
    /// One configuration per setting, each differing from the default in that setting alone.
    static var changed: [(String, (inout Configuration) -> Void)] { [
        ("presets", { $0.presets.append("research-vault") }),
        ("rules", { $0.rules["body/x"] = .off }),
        ("rule level", { $0.rules["body/x"] = .error }),
        ("ruleOptions", { $0.ruleOptions["body/x"] = ["width": "4"] }),
        ("ignore", { $0.ignore = ["README.md"] }),
        ("collections", { $0.collections = [NoteCollection(name: "a", paths: ["a/**"])] }),
        ("collection required", { $0.collections = [NoteCollection(name: "a", paths: ["a/**"])]; $0.collections[0].required = ["title"] }),
        ("collection keys", { $0.collections = [NoteCollection(name: "a", paths: ["a/**"])]; $0.collections[0].keys = ["tags": KeySchema(type: .tags)] }),
        ("key schema", { $0.collections = [NoteCollection(name: "a", paths: ["a/**"])]; $0.collections[0].keys = ["tags": KeySchema(type: .tags, case: .lowercase)] }),
        ("key maxLength", { $0.collections = [NoteCollection(name: "a", paths: ["a/**"])]; $0.collections[0].keys = ["tags": KeySchema(type: .tags, maxLength: 3)] }),
        ("key parts", { $0.collections = [NoteCollection(name: "a", paths: ["a/**"])]; $0.collections[0].keys = ["tags": KeySchema(type: .tags, parts: 3)] }),
        ("key values", { $0.collections = [NoteCollection(name: "a", paths: ["a/**"])]; $0.collections[0].keys = ["tags": KeySchema(type: .tags, values: [])] }),
        ("collection aliases", { $0.collections = [NoteCollection(name: "a", paths: ["a/**"])]; $0.collections[0].aliases = ["t": "tags"] }),
        ("allowUnknownKeys", { $0.collections = [NoteCollection(name: "a", paths: ["a/**"])]; $0.collections[0].allowUnknownKeys = true }),
        ("calloutTypes", { $0.calloutTypes = ["LLM-Response"] }),
        ("watch fix", { $0.watch.fix = ["body/x"] }),
        ("watch dateModified", { $0.watch.dateModified = true }),
        ("site title", { $0.site.title = "Other" }),
        ("site url", { $0.site.url = "https://example.org/" }),
        ("site description", { $0.site.description = "" }),
        ("site language", { $0.site.language = "de" }),
        ("site collections", { $0.site.collections = [SiteCollection(name: "All", paths: ["**"])] }),
        ("feedEntries", { $0.site.feedEntries = 5 }),
        ("tocHeadings", { $0.site.tocHeadings = 2 }),
        ("maxFileBytes", { $0.limits.parser.maxFileBytes = 1 }),
        ("maxMarkdownDepth", { $0.limits.parser.maxMarkdownDepth = 1 }),
        ("maxYAMLNodes", { $0.limits.parser.maxYAMLNodes = 1 }),
        ("maxYAMLDepth", { $0.limits.parser.maxYAMLDepth = 1 }),
        ("maxFindingsPerFile", { $0.limits.maxFindingsPerFile = 1 }),
        ("root", { $0.root = "/vault" }),
        ("path", { $0.path = "/vault/.notekit.yml" }),
    ] }

    @Test func changesWithEverySetting() {
        var seen: [ContentHash: String] = [Configuration().fingerprint: "default"]
        for (name, change) in Self.changed {
            var configuration = Configuration()
            change(&configuration)
            #expect(configuration != Configuration(), "\(name)")
            let clash = seen.updateValue(name, forKey: configuration.fingerprint)
            #expect(clash == nil, "\(name) has the fingerprint of \(clash ?? "")")
        }
    }

    /// Copies share their settings until one is changed: the change is the copy's alone.
    @Test func copiesChangeAlone() {
        var first = Configuration()
        first.rules["a/x"] = .error
        var second = first
        second.rules["a/x"] = .off
        second.calloutTypes.append("LLM-Response")
        #expect(first.rules == ["a/x": .error] && first.calloutTypes.isEmpty)
        #expect(second.rules == ["a/x": .off] && second.calloutTypes == ["LLM-Response"])
        #expect(first != second && first.fingerprint != second.fingerprint)
        second.rules["a/x"] = .error
        second.calloutTypes = []
        #expect(first == second && first.fingerprint == second.fingerprint)
    }

    @Test func sameForTheSameSettings() {
        var first = Configuration()
        first.ruleOptions = ["a/x": ["one": "1", "two": "2"], "b/y": ["three": "3"]]
        first.rules = ["a/x": .error, "b/y": .off]
        var second = Configuration()
        second.rules = ["b/y": .off, "a/x": .error]
        second.ruleOptions = ["b/y": ["three": "3"], "a/x": ["two": "2", "one": "1"]]
        #expect(first.fingerprint == second.fingerprint)
        #expect(Configuration().fingerprint == Configuration().fingerprint)
    }

    /// A setting added to a configuration must be added to the fingerprint (and to `changed`).
    @Test func coversEveryStoredSetting() {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        // A configuration's settings are held in one box (its copies share them): reflected through it.
        let box = Mirror(reflecting: Configuration()).children.map(\.value)
        let fields = box.flatMap { Mirror(reflecting: $0).children.map(\.value) }
        #expect(box.count == 1 && fields.count == 1)
        #expect(fields.map(labels) == [["presets", "rules", "ruleOptions", "ignore", "collections", "calloutTypes", "watch",
                                            "site", "limits", "root", "path", "generated"]])
        #expect(labels(NoteCollection(name: "a", paths: [])) == ["name", "paths", "required", "keys", "aliases", "allowUnknownKeys"])
        #expect(labels(KeySchema(type: .tags)) == ["type", "values", "maxLength", "parts", "case"])
        #expect(labels(WatchSettings()) == ["fix", "dateModified"])
        #expect(labels(SiteSettings()) == ["title", "url", "description", "language", "collections", "feedEntries", "tocHeadings"])
        #expect(labels(SiteCollection(name: "a", paths: [])) == ["name", "paths"])
        #expect(labels(LintLimits()) == ["parser", "maxFindingsPerFile"])
        #expect(labels(NoteParser.Limits()) == ["maxFileBytes", "maxMarkdownDepth", "maxYAMLNodes", "maxYAMLDepth"])
    }
}
