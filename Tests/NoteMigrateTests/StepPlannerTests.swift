import NoteParser
import Testing
@testable import NoteMigrate

/// Each step on a small note, with the exact bytes it must produce.
@Suite struct StepPlannerTests {
    /// `source` after `action`, planned against the note as read and applied in one pass.
    func migrated(_ source: String, _ action: MigrationStep.Action, placeholders: [String: String] = [:]) throws -> (text: String, notices: [String]) {
        let note = try NoteParser().parse(bytes: Array(source.utf8), path: "note.md")
        let (edits, notices) = StepPlanner(note: note) { placeholders[$0] ?? "?" }.plan(action)
        let bytes = try EditApplier.apply(edits.map(\.edit), to: note.source.bytes)
        return (String(decoding: bytes, as: UTF8.self), notices)
    }

    @Test func renameChangesOnlyTheKey() throws {
        let result = try migrated("---\nstate: 'Draft'  # keep\ntitle: T\n---\nBody\n", .rename(from: "state", to: "status", overwrite: false))
        #expect(result.text == "---\nstatus: 'Draft'  # keep\ntitle: T\n---\nBody\n")
    }

    @Test func renameRefusesAnExistingTarget() throws {
        let source = "---\nstate: a\nstatus: b\n---\n"
        let refused = try migrated(source, .rename(from: "state", to: "status", overwrite: false))
        #expect(refused.text == source)
        #expect(refused.notices == ["rename state → status: 'status' exists (overwrite: true replaces it)"])
        let overwritten = try migrated(source, .rename(from: "state", to: "status", overwrite: true))
        #expect(overwritten.text == "---\nstatus: a\n---\n")
    }

    @Test func renameQuotesAKeyYAMLWouldMisread() throws {
        #expect(try migrated("---\na: 1\n---\n", .rename(from: "a", to: "key: x", overwrite: false)).text == "---\n'key: x': 1\n---\n")
    }

    @Test func deleteRemovesWholeEntries() throws {
        let source = "---\ntitle: T\ncf_last_run: 2024-01-01\naliases:\n  - A\n  - B\n# comment\ndate: 2024-05-01\n---\n"
        #expect(try migrated(source, .delete(keys: ["cf_last_run", "aliases"])).text == "---\ntitle: T\n# comment\ndate: 2024-05-01\n---\n")
    }

    @Test func setAddsAMissingKeyAndFillsAnEmptyOne() throws {
        let template = try ValueTemplate("{{uuid}}")
        let values = ["uuid": "0f8fad5b-d9cb-469f-a165-70867728950e"]
        #expect(try migrated("---\ntitle: T\n---\nBody\n", .set(key: "site_uuid", value: template), placeholders: values).text
                == "---\ntitle: T\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\n---\nBody\n")
        #expect(try migrated("---\nsite_uuid:\ntitle: T\n---\n", .set(key: "site_uuid", value: template), placeholders: values).text
                == "---\nsite_uuid: 0f8fad5b-d9cb-469f-a165-70867728950e\ntitle: T\n---\n")
        #expect(try migrated("---\nsite_uuid: x\n---\n", .set(key: "site_uuid", value: template), placeholders: values).text
                == "---\nsite_uuid: x\n---\n")
    }

    @Test func setWritesDatesUnquotedAndQuotesWhatYAMLWouldMisread() throws {
        let created = try ValueTemplate("{{git.created}}"), title = try ValueTemplate("{{title}}")
        #expect(try migrated("---\ntitle: T\n---\n", .set(key: "date_created", value: created), placeholders: ["git.created": "2024-02-29"]).text
                == "---\ntitle: T\ndate_created: 2024-02-29\n---\n")
        #expect(try migrated("---\na: 1\n---\n", .set(key: "title", value: title), placeholders: ["title": "Yes: no"]).text
                == "---\na: 1\ntitle: 'Yes: no'\n---\n")
    }

    @Test func setCreatesAFrontMatterAndKeepsCRLF() throws {
        let template = try ValueTemplate("{{filename}}")
        #expect(try migrated("# Heading\n", .set(key: "title", value: template), placeholders: ["filename": "note"]).text
                == "---\ntitle: note\n---\n# Heading\n")
        #expect(try migrated("---\r\na: 1\r\n---\r\n", .set(key: "title", value: template), placeholders: ["filename": "note"]).text
                == "---\r\na: 1\r\ntitle: note\r\n---\r\n")
    }

    @Test func setLeavesAnUnclosedFrontMatterAlone() throws {
        let result = try migrated("---\na: 1\n", .set(key: "title", value: try ValueTemplate("x")))
        #expect(result.text == "---\na: 1\n")
        #expect(result.notices == ["set title: the front matter is never closed"])
    }

    @Test func mapReplacesAliasesWithCanonicalValues() throws {
        let action = MigrationStep.Action.map(key: "status", values: ["draft": "draft", "wip": "draft", "done": "Complete"], caseInsensitive: true)
        #expect(try migrated("---\nstatus: \"WIP\"\n---\n", action).text == "---\nstatus: draft\n---\n")
        #expect(try migrated("---\nstatus: Draft\n---\n", action).text == "---\nstatus: draft\n---\n")
        #expect(try migrated("---\nstatus: draft\n---\n", action).text == "---\nstatus: draft\n---\n")
        #expect(try migrated("---\nstatus: Idea\n---\n", action).text == "---\nstatus: Idea\n---\n")
        let exact = MigrationStep.Action.map(key: "status", values: ["Draft": "draft"], caseInsensitive: false)
        #expect(try migrated("---\nstatus: DRAFT\n---\n", exact).text == "---\nstatus: DRAFT\n---\n")
        let toBool = MigrationStep.Action.map(key: "status", values: ["Draft": "yes"], caseInsensitive: false)
        #expect(try migrated("---\nstatus: Draft\n---\n", toBool).text == "---\nstatus: 'yes'\n---\n")
    }

    @Test func convertTagsWritesABlockList() throws {
        let action = MigrationStep.Action.convert(style: .tags, keys: nil)
        #expect(try migrated("---\ntags: [AI, 'Data Centers']\ntitle: T\n---\n", action).text
                == "---\ntags:\n  - AI\n  - Data Centers\ntitle: T\n---\n")
        #expect(try migrated("---\ntags: Research\n---\n", action).text == "---\ntags:\n  - Research\n---\n")
        #expect(try migrated("---\ntags:\n- A\n---\n", action).text == "---\ntags:\n- A\n---\n")
        #expect(try migrated("---\ntags: []\n---\n", action).text == "---\ntags: []\n---\n")
        #expect(try migrated("---\r\ntags: [A]\r\n---\r\n", action).text == "---\r\ntags:\r\n  - A\r\n---\r\n")
        #expect(try migrated("---\r\na: 1\r\ntags: [A, B]\r\n---\r\n", action).text == "---\r\na: 1\r\ntags:\r\n  - A\r\n  - B\r\n---\r\n")
    }

    @Test func convertDatesUnquotesRealDays() throws {
        let action = MigrationStep.Action.convert(style: .dates, keys: nil)
        #expect(try migrated("---\ndate: '2024-05-01'\nmodified: \"2024-05-02\"\nbad: '2024-02-30'\nplain: 2024-05-03\n---\n", action).text
                == "---\ndate: 2024-05-01\nmodified: 2024-05-02\nbad: '2024-02-30'\nplain: 2024-05-03\n---\n")
        let onlyDate = MigrationStep.Action.convert(style: .dates, keys: ["date"])
        #expect(try migrated("---\ndate: '2024-05-01'\nmodified: '2024-05-02'\n---\n", onlyDate).text
                == "---\ndate: 2024-05-01\nmodified: '2024-05-02'\n---\n")
    }

    @Test func convertQuotesWritesHouseStyle() throws {
        let action = MigrationStep.Action.convert(style: .quotes, keys: nil)
        let source = "---\ntitle: \"A title\"\nyear: \"2024\"\ncolon: \"a: b\"\nsingle: 'it''s'\ndate: \"2024-05-01\"\nplain: x\n---\n"
        #expect(try migrated(source, action).text
                == "---\ntitle: A title\nyear: '2024'\ncolon: 'a: b'\nsingle: it's\ndate: \"2024-05-01\"\nplain: x\n---\n")
    }

    @Test func commentsStay() throws {
        let source = "---\nstatus: \"WIP\"  # ask Ann\ndate: '2024-05-01' # d\ntitle: 'It''s # not a comment' # c\nplain: x # y\ntags: [a, b] # t\n---\n"
        #expect(try migrated(source, .map(key: "status", values: ["WIP": "Draft"], caseInsensitive: false)).text
                == source.replacingOccurrences(of: "\"WIP\"", with: "Draft"))
        #expect(try migrated(source, .convert(style: .dates, keys: nil)).text == source.replacingOccurrences(of: "'2024-05-01'", with: "2024-05-01"))
        #expect(try migrated(source, .convert(style: .quotes, keys: nil)).text
                == source.replacingOccurrences(of: "\"WIP\"", with: "WIP"))
        let tags = try migrated(source, .convert(style: .tags, keys: nil))
        #expect(tags.text == source)
        #expect(tags.notices == ["convert tags: tags has a comment, which a block list would lose"])
    }

    @Test func aQuotedValueOverSeveralLinesIsWrittenOnOne() throws {
        #expect(try migrated("---\nlede: \"A long\n  lede\"\nx: 1\n---\n", .convert(style: .quotes, keys: nil)).text == "---\nlede: A long lede\nx: 1\n---\n")
    }

    @Test func reorderMovesEntriesAsWritten() throws {
        let source = "---\ntags:\n  - A\ntitle: \"T\"  # the title\n\n# dates\ndate: 2024-05-01\nextra: 1\nslug: s\n---\nBody\n"
        let result = try migrated(source, .reorder(keys: ["title", "slug", "date"]))
        #expect(result.text == "---\ntitle: \"T\"  # the title\nslug: s\n\n# dates\ndate: 2024-05-01\ntags:\n  - A\nextra: 1\n---\nBody\n")
        #expect(try migrated(result.text, .reorder(keys: ["title", "slug", "date"])).text == result.text)
    }

    @Test func reorderKeepsCRLF() throws {
        #expect(try migrated("---\r\nb: 2\r\na: 1\r\n---\r\n", .reorder(keys: ["a"])).text == "---\r\na: 1\r\nb: 2\r\n---\r\n")
    }
}
