import Foundation
import Testing

/// Issue 13's per-rule options through the built binary: options in `.notekit.yml` change
/// what lint reports and what fix writes; a mistake in one is a configuration error at its
/// line and column; `rules` and `explain` list them.
@Suite struct RuleOptionsCLITests {
    static let enabled = LintOutputTests.enabled

    static func notekit(_ arguments: [String], in folder: String) throws -> (status: Int32, output: String, error: String) {
        try LintOutputTests.notekit(arguments, in: folder)
    }

    static let note = """
        ---
        title: A note
        tags:
          - Open-Source
          - AI
        ---
        A claim.[1]

        ***

        More text.

        [1]: [Source A](https://example.com/a)

        """

    static let options = """
        extends: research-vault
        rules:
          body/dash-rule: {style: "---"}
          frontmatter/tags-style: {level: error, list: flow}
          citation/legacy-numeric:
            idLength: 8
            idAlphabet: letters

        """

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func optionsChangeLintAndFix() throws {
        let folder = try LintOutputTests.vault(["note.md": Self.note])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let select = ["--select", "body,frontmatter/tags-style,citation/legacy-numeric"]

        // Without options: `***` and the block list are house style; only the legacy citation is reported.
        try "extends: research-vault\n".write(toFile: folder + "/.notekit.yml", atomically: true, encoding: .utf8)
        let plain = try Self.notekit(["lint"] + select + ["."], in: folder)
        #expect(plain.status == 0)
        #expect(!plain.output.contains("[body/dash-rule]") && !plain.output.contains("[frontmatter/tags-style]"))
        #expect(plain.output.contains("[citation/legacy-numeric]"))

        try Self.options.write(toFile: folder + "/.notekit.yml", atomically: true, encoding: .utf8)
        let configured = try Self.notekit(["lint"] + select + ["."], in: folder)
        #expect(configured.status == 1, "tags-style is configured as an error")
        #expect(configured.output.contains("note.md:9:1: warning[body/dash-rule] [*] thematic break drawn with '*'; use '---'"))
        #expect(configured.output.contains("note.md:3:1: error[frontmatter/tags-style] [*] tags is a block list; write it on one line as [a, b]"))

        let fixed = try Self.notekit(["fix", "--write"] + select + ["."], in: folder)
        #expect(fixed.status == 0)
        #expect(try String(contentsOfFile: folder + "/note.md", encoding: .utf8) == """
            ---
            title: A note
            tags: [Open-Source, AI]
            ---
            A claim.[^bsyzoeot]

            ---

            More text.

            [^bsyzoeot]: [Source A](https://example.com/a)

            """)
        let again = try Self.notekit(["lint"] + select + ["."], in: folder)
        #expect(again.status == 0)
        #expect(again.output.contains("0 errors, 0 warnings"))
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func badOptionsAreConfigurationErrors() throws {
        let folder = try LintOutputTests.vault(["note.md": Self.note])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases = [
            "rules:\n  body/dash-rule: {stlye: \"---\"}\n":
                ".notekit.yml:2:20: error: unknown option 'stlye' for rule body/dash-rule (did you mean 'style'?)",
            "rules:\n  frontmatter/tags-style:\n    case: Train_Case\n":
                ".notekit.yml:3:11: error: 'Train_Case' is not a value of option 'case' of frontmatter/tags-style (did you mean 'Train-Case'?)",
            "rules:\n  citation/legacy-numeric: {idLength: [8]}\n":
                ".notekit.yml:2:39: error: option 'idLength' of citation/legacy-numeric must be a whole number from 4 to 12",
        ]
        for (configuration, message) in cases {
            try configuration.write(toFile: folder + "/.notekit.yml", atomically: true, encoding: .utf8)
            for command in ["lint", "fix"] {
                let run = try Self.notekit([command, "."], in: folder)
                #expect(run.status == 2)
                #expect(run.error.contains(message), "\(command): \(run.error)")
            }
        }
    }

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func rulesAndExplainListOptions() throws {
        let folder = try LintOutputTests.vault([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rules = try Self.notekit(["rules"], in: folder)
        #expect(rules.output.contains("body/dash-rule           style       '***', '* * *', '___', '---' (default ***)"))
        let explain = try Self.notekit(["explain", "frontmatter/url-quotes"], in: folder)
        #expect(explain.output.contains("Options (.notekit.yml: rules: {frontmatter/url-quotes: {OPTION: VALUE}}):"))
        #expect(explain.output.contains("  quotes: 'never', 'always', 'any' (default never)."))
    }
}
