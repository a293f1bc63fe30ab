import NoteLint
import Testing

extension ExampleLocation {
    /// The location for Swift Testing.
    var sourceLocation: SourceLocation { SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column) }
}

/// Runs every rule's own examples: triggering examples must produce findings exactly at
/// their `↓` markers, non-triggering ones none, and corrections must turn before into after.
/// Each single-note example is also varied: front matter prepended, a multibyte line
/// before it, and (without front matter) fenced as code, where nothing may be found; and
/// with a `notekit-disable-file` comment for the rule, where nothing may be found either.
@Suite struct RuleExamplesTests {
    static let ids = RuleRegistry.ids

    static func runner(_ id: String) -> ExampleRunner {
        ExampleRunner(rule: RuleRegistry.rules.first { type(of: $0).description.id == id }!)
    }

    @Test(arguments: ids) func triggeringExamplesFindAtMarkers(id: String) throws {
        let runner = Self.runner(id)
        let description = RuleRegistry.description(of: id)!
        #expect(!description.triggering.isEmpty, "\(id) has no triggering example")
        for example in description.triggering {
            let written = Self.location(of: example, in: description)
            for files in variations(of: example) {
                let result = try runner.run(files: files, configuration: example.configuration)
                #expect(!result.expected.isEmpty, "\(id): triggering example without ↓ marker: \(files)", sourceLocation: written)
                #expect(Set(result.actual) == result.expected && result.actual.count == result.expected.count,
                        "\(id): expected findings at \(result.expected.sorted { $0.offset < $1.offset }), got \(result.actual) in \(files.map(\.text))",
                        sourceLocation: written)
            }
        }
    }

    @Test(arguments: ids) func nonTriggeringExamplesFindNothing(id: String) throws {
        let runner = Self.runner(id)
        let description = RuleRegistry.description(of: id)!
        #expect(!description.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        for example in description.nonTriggering {
            for files in variations(of: example) {
                let findings = try runner.lint(files.map { ($0.path, $0.text) }, configuration: example.configuration)
                #expect(findings.isEmpty, "\(id): unexpected \(findings.map(\.message)) in \(files.map(\.text))",
                        sourceLocation: Self.location(of: example, in: description))
            }
        }
    }

    @Test(arguments: ids) func examplesInCodeFencesFindNothing(id: String) throws {
        let runner = Self.runner(id)
        let description = RuleRegistry.description(of: id)!
        for example in description.triggering where example.variations {
            let (text, _) = ExampleRunner.stripMarkers(example.files[0].text)
            guard !text.hasPrefix("---") else { continue }
            let fenced = "````\n" + text + "\n````\n"
            let findings = try runner.lint([(example.files[0].path, fenced)], configuration: example.configuration)
            #expect(findings.isEmpty, "\(id): found \(findings.map(\.message)) inside a code fence",
                    sourceLocation: Self.location(of: example, in: description))
        }
    }

    @Test(arguments: ids) func suppressedExamplesFindNothing(id: String) throws {
        let runner = Self.runner(id)
        let unused = ExampleRunner(rule: SuppressionUnusedRule())
        let description = RuleRegistry.description(of: id)!
        for example in description.triggering {
            let written = Self.location(of: example, in: description)
            for suppressed in ExampleRunner.suppressedVariants(of: example.files, rule: id) {
                let findings = try runner.lint(suppressed, configuration: example.configuration)
                #expect(findings.isEmpty, "\(id): \(findings.map(\.message)) despite notekit-disable-file in \(suppressed.map(\.1))",
                        sourceLocation: written)
                let reported = try unused.lint(suppressed, configuration: example.configuration)
                #expect(reported.isEmpty, "\(id): the suppression counts as unused: \(reported.map(\.message)) in \(suppressed.map(\.1))",
                        sourceLocation: written)
            }
        }
    }

    @Test(arguments: ids) func correctionsApply(id: String) throws {
        let runner = Self.runner(id)
        for correction in RuleRegistry.description(of: id)!.corrections {
            let written = correction.location.sourceLocation
            let corrected = try runner.correct(correction.before, configuration: correction.configuration, unsafe: correction.unsafe)
            #expect(corrected == correction.after, "\(id): correcting\n\(correction.before)\ngave\n\(corrected)", sourceLocation: written)
            let again = try runner.correct(corrected, configuration: correction.configuration, unsafe: correction.unsafe)
            #expect(again == corrected, "\(id): a second correction changed the note again", sourceLocation: written)
            if correction.unsafe {
                let safe = try runner.correct(correction.before, configuration: correction.configuration)
                #expect(safe != corrected, "\(id): a correction marked unsafe needs no unsafe fix", sourceLocation: written)
            }
        }
    }

    /// Every fix a rule's examples produce has an applicability the rule declares, and a rule
    /// declares one exactly when it shows corrections.
    @Test(arguments: ids) func fixesHaveDeclaredApplicability(id: String) throws {
        let runner = Self.runner(id)
        let description = RuleRegistry.description(of: id)!
        #expect(description.fixApplicability.isEmpty == description.corrections.isEmpty, "\(id) declares \(description.fixApplicability)")
        let notes = description.triggering.map { example in
            (example.files.map { ($0.path, ExampleRunner.stripMarkers($0.text).text) }, example.configuration)
        } + description.corrections.map { ([("note.md", $0.before)], $0.configuration) }
        var seen = Set<Fix.Applicability>()
        for (files, configuration) in notes {
            for fix in try runner.lint(files, configuration: configuration).compactMap(\.fix) {
                #expect(description.fixApplicability.contains(fix.applicability), "\(id): undeclared \(fix.applicability) fix '\(fix.summary)'")
                seen.insert(fix.applicability)
            }
        }
        #expect(seen == description.fixApplicability, "\(id): examples show \(seen) fixes, the rule declares \(description.fixApplicability)")
    }

    @Test func ruleIDsAreUniqueAndWellFormed() {
        #expect(Set(Self.ids).count == Self.ids.count)
        for id in Self.ids {
            #expect(id.wholeMatch(of: #/[a-z]+\/[a-z0-9-]+/#) != nil, "bad rule id \(id)")
        }
    }

    /// Where a failure of `example` is reported: where it is written, or (a bare string
    /// literal) where its rule's description is.
    static func location(of example: RuleExample, in description: RuleDescription) -> SourceLocation {
        (example.location ?? description.location).sourceLocation
    }

    @Test func examplesRecordWhereTheyAreWritten() throws {
        let (line, fileID, filePath) = (#line, #fileID, #filePath); let example = RuleExample("Text.\n", variations: false), correction = RuleCorrection("a", "b")
        #expect(example.location?.line == line && correction.location.line == line)
        #expect(example.location?.fileID == fileID && correction.location.filePath == filePath)
        let required = try #require(RuleRegistry.description(of: "frontmatter/required"))
        #expect(required.triggering.allSatisfy { $0.location?.fileID == "NoteLint/FrontMatterRequiredRule.swift" })
        #expect(Set(required.corrections.map(\.location.line)).count == required.corrections.count)
        // A bare literal has no location of its own (nor has `RuleExample("…")`, which Swift
        // reads as one): its description's is used.
        let literal: RuleExample = "Text.\n"
        #expect(literal.location == nil && RuleExample("Text.\n").location == nil)
        #expect(try #require(RuleRegistry.description(of: "body/dash-rule")).location.fileID == "NoteLint/BodyThematicBreakRule.swift")
    }

    /// The example itself, plus the variations that must give the same marks.
    private func variations(of example: RuleExample) -> [[(path: String, text: String)]] {
        guard example.variations, example.files.count == 1 else { return [example.files] }
        let (path, text) = example.files[0]
        let multibyte = "Ünïcødé ✓ — 日本語の段落.\n\n"
        var all = [example.files]
        if text.hasPrefix("---\n"), let close = text.range(of: "\n---\n") {
            all.append([(path, String(text[..<close.upperBound]) + multibyte + text[close.upperBound...])])
        } else {
            all.append([(path, "---\ntitle: Variation\n---\n" + text)])
            all.append([(path, multibyte + text)])
        }
        return all
    }
}
