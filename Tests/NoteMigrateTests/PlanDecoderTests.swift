import Testing
@testable import NoteMigrate

/// Plans read from YAML, and their mistakes located as `PLAN.yml:line:col: error: …`.
@Suite struct PlanDecoderTests {
    @Test func readsEveryStepKind() throws {
        let plan = try MigrationPlan.parse("""
            description: Everything.
            steps:
              - rename: {from: state, to: status, overwrite: true}
                paths: essays/**
              - delete: [cf_last_run, cf_last_run_model]
              - set: {key: site_uuid, value: "{{uuid}}"}
                where: {publish: true, status: Draft}
              - map: {key: status, values: {Draft: draft, WIP: draft}, caseInsensitive: true}
              - convert: tags
              - convert: {style: dates, keys: [date_created]}
              - reorder: [title, date_created]
            """, path: "plan.yml")
        #expect(plan.steps.map(\.kind) == ["rename", "delete", "set", "map", "convert", "convert", "reorder"])
        #expect(plan.steps[0].action == .rename(from: "state", to: "status", overwrite: true))
        #expect(plan.steps[0].paths.map(\.pattern) == ["essays/**"])
        #expect(plan.steps[0].line == 3)
        #expect(plan.steps[1].action == .delete(keys: ["cf_last_run", "cf_last_run_model"]))
        #expect(plan.steps[2].action == .set(key: "site_uuid", value: try ValueTemplate("{{uuid}}")))
        #expect(plan.steps[2].conditions.map { "\($0.key)=\($0.value)" } == ["publish=true", "status=Draft"])
        #expect(plan.steps[3].action == .map(key: "status", values: ["draft": "draft", "wip": "draft"], caseInsensitive: true))
        #expect(plan.steps[4].action == .convert(style: .tags, keys: nil))
        #expect(plan.steps[5].action == .convert(style: .dates, keys: ["date_created"]))
        #expect(plan.steps[6].action == .reorder(keys: ["title", "date_created"]))
        #expect(plan.steps[6].origin == "migrate/reorder")
    }

    @Test(arguments: [
        ("steps:\n  - renam: {from: a, to: b}\n", "plan.yml:2:5: error: unknown step 'renam' (did you mean 'rename'?) (expected one of: rename, delete, set, map, convert, reorder)"),
        ("steps:\n  - rename: {from: a}\n", "plan.yml:2:13: error: rename needs 'to'"),
        ("steps:\n  - set: {key: a, value: '{{uid}}'}\n", "plan.yml:2:26: error: unknown placeholder '{{uid}}' (did you mean 'uuid'?) (expected one of: {{filename}}, {{title}}, {{uuid}}, {{git.created}}, {{today}})"),
        ("steps:\n  - convert: tag\n", "plan.yml:2:14: error: unknown convert style 'tag' (did you mean 'tags'?) (expected one of: tags, dates, quotes)"),
        ("steps:\n  - delete: a\n    reorder: [a]\n", "plan.yml:3:5: error: a step does one thing; 'reorder' belongs in a step of its own"),
        ("steps:\n  - paths: a/**\n", "plan.yml:2:5: error: a step needs one of: rename, delete, set, map, convert, reorder"),
        ("steps:\n  - map: {key: s, values: {a: x, A: y}, caseInsensitive: true}\n", "plan.yml:2:34: error: alias 'A' is listed twice"),
        ("steps: [\n", "plan.yml:2:1: error: invalid YAML: did not find expected node content"),
        ("step: []\n", "plan.yml:1:1: error: unknown key 'step' (did you mean 'steps'?)"),
    ])
    func locatesMistakes(text: String, expected: String) {
        #expect(throws: PlanError.self) { try MigrationPlan.parse(text, path: "plan.yml") }
        do {
            _ = try MigrationPlan.parse(text, path: "plan.yml")
        } catch {
            #expect(error.description == expected)
        }
    }
}
