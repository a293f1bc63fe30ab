import Testing
@testable import NoteFix

/// `NoteRewrite.plan`: one pass, overlaps dropped, unsafe edits refused.
@Suite struct PlanningTests {
    @Test func appliesDisjointEditsInAnyOrder() throws {
        let note = try Support.note("alpha beta gamma\n")
        let rewrite = NoteRewrite.plan(note, edits: [Support.edit(11..<16, "GAMMA"), Support.edit(0..<5, "ALPHA"), Support.edit(10..<10, ",")])
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "ALPHA beta, GAMMA\n")
        #expect(rewrite.applied.map(\.edit.range) == [0..<5, 10..<10, 11..<16])
        #expect(rewrite.conflicts.isEmpty && rewrite.refused.isEmpty && rewrite.isChanged)
    }

    @Test func overlapKeepsTheFirstAndReportsTheLater() throws {
        let note = try Support.note("alpha beta gamma\n")
        let first = Support.edit(0..<10, "X", origin: "a/one"), second = Support.edit(6..<16, "Y", origin: "b/two")
        let rewrite = NoteRewrite.plan(note, edits: [second, first])
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "X gamma\n")
        #expect(rewrite.conflicts.count == 1)
        #expect(rewrite.conflicts.first?.kept == first)
        #expect(rewrite.conflicts.first?.dropped == second)
    }

    @Test func sameStartReplacementsConflictButInsertionsDoNot() throws {
        let note = try Support.note("abcdef\n")
        let rewrite = NoteRewrite.plan(note, edits: [Support.edit(2..<4, "X"), Support.edit(2..<3, "Y"), Support.edit(2..<2, "+"), Support.edit(4..<4, "!")])
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "ab+Yd!ef\n")
        #expect(rewrite.conflicts.map(\.dropped.edit.replacement) == ["X"])
    }

    @Test func insertionInsideAReplacementConflicts() throws {
        let note = try Support.note("abcdef\n")
        let rewrite = NoteRewrite.plan(note, edits: [Support.edit(1..<5, "-"), Support.edit(3..<3, "+")])
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "a-f\n")
        #expect(rewrite.conflicts.count == 1)
    }

    @Test func exactRepeatsApplyOnce() throws {
        let note = try Support.note("abc\n")
        let rewrite = NoteRewrite.plan(note, edits: [Support.edit(3..<3, ":"), Support.edit(3..<3, ":", origin: "other/rule")])
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "abc:\n")
        #expect(rewrite.applied.count == 1 && rewrite.conflicts.isEmpty)
    }

    @Test func editsOutsideTheFileAreRefused() throws {
        let note = try Support.note("abc\n")
        let rewrite = NoteRewrite.plan(note, edits: [Support.edit(2..<9, "x"), Support.edit(4..<4, "!")])
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "abc\n!")
        #expect(rewrite.refused.map(\.edit.edit.range) == [2..<9])
        #expect(rewrite.refused.first?.reason.contains("outside the file") == true)
    }

    @Test func brokenFrontMatterRefusesItsEditsOnly() throws {
        let text = "---\ntitle: [unclosed\ntags: x\n---\nBody text\n"
        let note = try Support.note(text)
        #expect(note.frontMatter?.error != nil)
        let body = text.utf8.count - 1
        let rewrite = NoteRewrite.plan(note, edits: [Support.edit(4..<9, "name"), Support.edit(0..<0, "x"), Support.edit(body..<body, "!")])
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "---\ntitle: [unclosed\ntags: x\n---\nBody text!\n")
        #expect(rewrite.refused.map(\.edit.edit.range) == [0..<0, 4..<9])
        #expect(rewrite.refused.allSatisfy { $0.reason.contains("YAML error") })
    }

    @Test func flowMappingFrontMatterRefusesItsEditsOnly() throws {
        let text = "---\n{title: A, title: B}\n---\nBody text\n"
        let note = try Support.note(text)
        #expect(note.frontMatter?.isFlow == true && note.frontMatter?.entries.count == 2)
        let body = text.utf8.count - 1
        let rewrite = NoteRewrite.plan(note, edits: [Support.edit(5..<14, ""), Support.edit(body..<body, "!")])
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "---\n{title: A, title: B}\n---\nBody text!\n")
        #expect(rewrite.refused.map(\.edit.edit.range) == [5..<14])
        #expect(rewrite.refused.first?.reason.contains("flow mapping") == true)
    }

    @Test func validFrontMatterAcceptsEdits() throws {
        let note = try Support.note("---\ntitle: x\n---\nBody\n")
        let rewrite = NoteRewrite.plan(note, edits: [Support.edit(4..<9, "name")])
        #expect(String(decoding: rewrite.result, as: UTF8.self) == "---\nname: x\n---\nBody\n")
        #expect(rewrite.refused.isEmpty)
    }

    @Test func noEditsNoChange() throws {
        let rewrite = NoteRewrite.plan(try Support.note("abc\n"), edits: [])
        #expect(!rewrite.isChanged && rewrite.applied.isEmpty && rewrite.passes.isEmpty)
    }
}
