import Testing
@testable import NoteParser

/// Hostile inputs: each must parse (or fail with a located `NoteError`) without crashing.
@Suite struct RobustnessTests {
    @Test func emptyFile() throws {
        let note = try Fixture.note("")
        #expect(note.frontMatter == nil)
        #expect(note.diagnostics.isEmpty)
        #expect(note.footnoteReferences.isEmpty)
    }

    @Test func invalidUTF8IsALocatedError() {
        let bytes = Array("---\ntitle: ok\n---\nab".utf8) + [0xC3, 0x28] + Array(" rest\n".utf8)
        #expect {
            try NoteParser().parse(bytes: bytes, path: "bad.md")
        } throws: { error in
            let error = error as? NoteError
            return error?.code == .invalidUTF8 && error?.position?.line == 4 && error?.position?.column == 3
        }
    }

    @Test func nulBytesMeanBinary() {
        #expect {
            try NoteParser().parse(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0A, 0x00, 0x01], path: "image.md")
        } throws: { error in
            (error as? NoteError)?.code == .notText && (error as? NoteError)?.position?.line == 2
        }
    }

    @Test func tenMegabyteLine() throws {
        let note = try Fixture.note(String(repeating: "tide ", count: 2_000_000) + "[^a]")
        #expect(note.source.lineCount == 1)
        #expect(note.footnoteReferences.map(\.range.start.column) == [10_000_001])
    }

    @Test func deeplyNestedBlockQuotes() throws {
        let note = try Fixture.note(String(repeating: ">", count: 10_000) + " [!note] deep\n")
        #expect(note.diagnostics.map(\.code) == [.nestingLimit])
    }

    @Test func deeplyNestedLists() throws {
        let note = try Fixture.note(String(repeating: "- ", count: 10_000) + "item\n")
        #expect(note.diagnostics.map(\.code) == [.nestingLimit])
    }

    @Test func yamlAliasBomb() throws {
        var lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...8 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        let note = try Fixture.note((lines + ["---", "Body"]).joined(separator: "\n"))
        #expect(note.diagnostics.map(\.code) == [.yamlLimit])
        #expect(note.frontMatter?.entries.count == 9)
    }

    @Test func deeplyNestedYAMLFlowLists() throws {
        let depth = 5_000
        let note = try Fixture.note("---\ndeep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n")
        #expect(note.diagnostics.map(\.code) == [.yamlLimit])
    }

    @Test func limitsAreConfigurable() throws {
        var limits = NoteParser.Limits()
        limits.maxMarkdownDepth = 4
        let note = try Fixture.note("> > > > > > deep\n", limits: limits)
        #expect(note.diagnostics.map(\.code) == [.nestingLimit])
    }
}
