import Foundation
import NoteLint
import NoteLintReporters
import Testing

/// Rule options in `.notekit.yml`: the long form `ID: {level, OPTION: VALUE}`, checked against
/// the rules' declarations with line:column errors, and read by the rules.
@Suite struct RuleOptionsTests {
    /// The error `text` is refused with, as printed.
    static func refusal(_ text: String) -> String? {
        do {
            _ = try ConfigurationLoader.parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func longFormSetsLevelAndOptions() throws {
        let configuration = try ConfigurationLoader.parse("""
            rules:
              citation/undefined: error
              body/dash-rule: {level: error, style: "---"}
              citation/legacy-numeric:
                idLength: 8
                idAlphabet: hex
            """)
        #expect(configuration.rules["citation/undefined"] == .error)
        #expect(configuration.rules["body/dash-rule"] == .error)
        #expect(configuration.option(BodyThematicBreakRule.style, ofRule: "body/dash-rule") == .dashes)
        // `level` is optional in the long form: the rule keeps its default, for this style rule off
        // without its preset (options alone do not turn it on) and its severity with it.
        #expect(configuration.rules["citation/legacy-numeric"] == nil)
        #expect(configuration.severity(ofRule: "citation/legacy-numeric", default: .warning) == nil)
        let styled = try ConfigurationLoader.parse("extends: research-vault\nrules:\n  citation/legacy-numeric: {idLength: 8}\n")
        #expect(styled.severity(ofRule: "citation/legacy-numeric", default: .warning) == .warning)
        #expect(configuration.option(CitationLegacyNumericRule.idLength, ofRule: "citation/legacy-numeric") == 8)
        #expect(configuration.option(CitationLegacyNumericRule.idAlphabet, ofRule: "citation/legacy-numeric") == .hex)
        // Options not set read as their defaults.
        #expect(configuration.option(FrontMatterTagsStyleRule.list, ofRule: "frontmatter/tags-style") == .block)
        #expect(Configuration().option(BodyThematicBreakRule.style, ofRule: "body/dash-rule") == .asterisks)
    }

    @Test func unknownOptionNameIsAnErrorWithASuggestion() {
        #expect(Self.refusal("rules:\n  body/dash-rule: {stlye: \"---\"}\n")
                == ".notekit.yml:2:20: error: unknown option 'stlye' for rule body/dash-rule (did you mean 'style'?)")
        #expect(Self.refusal("rules:\n  frontmatter/url-quotes:\n    levl: off\n")
                == ".notekit.yml:3:5: error: unknown option 'levl' for rule frontmatter/url-quotes (did you mean 'level'?)")
        // Far from every name: the names it takes are listed; a rule without options takes only `level`.
        #expect(Self.refusal("rules:\n  frontmatter/url-quotes: {colour: red}\n")
                == ".notekit.yml:2:28: error: unknown option 'colour' for rule frontmatter/url-quotes (it takes: level, quotes)")
        #expect(Self.refusal("rules:\n  frontmatter/url: {quotes: always}\n")
                == ".notekit.yml:2:21: error: unknown option 'quotes' for rule frontmatter/url (it takes: level)")
        #expect(Self.refusal("rules:\n  citation/undefined: {style: x}\n")
                == ".notekit.yml:2:24: error: unknown option 'style' for rule citation/undefined (it takes: level)")
    }

    @Test func badValueIsAnErrorWithASuggestion() {
        #expect(Self.refusal("rules:\n  frontmatter/tags-style: {case: kebab}\n")
                == ".notekit.yml:2:34: error: 'kebab' is not a value of option 'case' of frontmatter/tags-style (did you mean 'kebab-case'?)")
        #expect(Self.refusal("rules:\n  frontmatter/tags-style:\n    list: inline\n")
                == ".notekit.yml:3:11: error: 'inline' is not a value of option 'list' of frontmatter/tags-style (expected one of 'block', 'flow')")
        #expect(Self.refusal("rules:\n  body/dash-rule: {level: loud}\n")
                == ".notekit.yml:2:27: error: rule level must be off, warning or error")
    }

    @Test func wrongTypeIsAnError() {
        #expect(Self.refusal("rules:\n  body/dash-rule: {style: [\"***\"]}\n")
                == ".notekit.yml:2:27: error: option 'style' of body/dash-rule must be one of '***', '* * *', '___', '---'")
        #expect(Self.refusal("rules:\n  citation/legacy-numeric: {idLength: six}\n")
                == ".notekit.yml:2:39: error: option 'idLength' of citation/legacy-numeric must be a whole number from 4 to 12")
        #expect(Self.refusal("rules:\n  citation/legacy-numeric: {idLength: 40}\n")
                == ".notekit.yml:2:39: error: option 'idLength' of citation/legacy-numeric must be a whole number from 4 to 12")
        #expect(Self.refusal("rules:\n  citation/legacy-numeric: {idLength: 6.5}\n") != nil)
    }

    /// Validation comes from the declarations: every allowed value of every declared option
    /// decodes and reads back, and its neighbours outside a range are refused.
    @Test(arguments: RuleDocumentation.registered.filter { !$0.options.isEmpty }.map(\.id))
    func everyDeclaredValueDecodes(id: String) throws {
        for option in RuleRegistry.description(of: id)!.options {
            let values: [String]
            switch option.kind {
            case .oneOf(let allowed):
                values = allowed.map { "\"\($0)\"" }
                #expect(Self.refusal("rules:\n  \(id): {\(option.name): \"\(allowed[0])!\"}\n") != nil)
            case .integer(let range):
                values = [range.lowerBound, range.upperBound].map(String.init)
                #expect(Self.refusal("rules:\n  \(id): {\(option.name): \"\(range.lowerBound)\"}\n") != nil, "a quoted number is a string")
                #expect(Self.refusal("rules:\n  \(id): {\(option.name): \(range.upperBound + 1)}\n") != nil)
                #expect(Self.refusal("rules:\n  \(id): {\(option.name): \(range.lowerBound - 1)}\n") != nil)
            }
            for value in values {
                let configuration = try ConfigurationLoader.parse("rules:\n  \(id): {level: error, \(option.name): \(value)}\n")
                #expect(configuration.ruleOptions[id]?[option.name] == value.replacing("\"", with: ""), "\(id).\(option.name) = \(value)")
                #expect(configuration.rules[id] == .error)
            }
        }
    }

    @Test func documentationListsOptions() {
        let rule = BodyThematicBreakRule.description
        let markdown = RuleDocumentation.markdown([rule])
        #expect(markdown.contains("### Options"))
        #expect(markdown.contains("  body/dash-rule: {level: warning, style: \"***\"}"))
        #expect(markdown.contains("| `style` | `***`, `* * *`, `___`, `---` | `***` |"))
        #expect(RuleDocumentation.explanation(of: rule).contains("  style: '***', '* * *', '___', '---' (default ***)."))
        #expect(RuleDocumentation.table().contains("citation/legacy-numeric  idLength    4 to 12 (default 6)"))
        #expect(!RuleDocumentation.markdown([CitationUndefinedRule.description]).contains("### Options"))
    }

    /// docs/rule-options.md names every declared option with its values and default.
    @Test func optionsPageListsEveryOption() throws {
        let page = try String(contentsOf: RuleDocsTests.packageRoot.appendingPathComponent("docs/rule-options.md"), encoding: .utf8)
        for rule in RuleDocumentation.registered {
            for option in rule.options {
                let isNumber = if case .integer = option.kind { true } else { false }
                let row = "| `\(rule.id)` | `\(option.name)` | \(option.allowedValues(quotedWith: "`")) | "
                    + (isNumber ? option.defaultValue : "`\(option.defaultValue)`") + " |"
                #expect(page.contains(row), "docs/rule-options.md lacks \(row)")
            }
        }
    }

    /// The option reaches the rule through the note's configuration.
    @Test func optionsChangeFindingsAndFixes() throws {
        let runner = ExampleRunner(rule: BodyThematicBreakRule())
        let note = "Text.\n\n***\n\nMore.\n\n---\n"
        #expect(try runner.lint([("note.md", note)], configuration: nil).map(\.range.start.line) == [7])
        let dashes = "rules:\n  body/dash-rule: {style: \"---\"}\n"
        #expect(try runner.lint([("note.md", note)], configuration: dashes).map(\.message) == ["thematic break drawn with '*'; use '---'"])
        #expect(try runner.correct(note, configuration: dashes) == "Text.\n\n---\n\nMore.\n\n---\n")
        // A `***` right under a paragraph line stays: as `---` it would make the paragraph a heading.
        let underParagraph = "Text.\n\n***\n\nA paragraph.\n***\n"
        let findings = try runner.lint([("note.md", underParagraph)], configuration: dashes)
        #expect(findings.count == 2 && findings[1].fix == nil)
        #expect(try runner.correct(underParagraph, configuration: dashes) == "Text.\n\n---\n\nA paragraph.\n***\n")
    }
}
