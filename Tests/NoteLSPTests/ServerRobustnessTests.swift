import Foundation
import NoteLSP
import Testing

/// No message takes the server down: random edits and requests at random positions (inside
/// multibyte characters, past the end) over a note with front matter, citations and links, and
/// params of the wrong shape; every request gets an answer.
@Suite struct ServerRobustnessTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static let methods = ["textDocument/completion", "textDocument/hover", "textDocument/definition", "textDocument/references",
                          "textDocument/prepareRename", "textDocument/rename", "textDocument/codeAction", "textDocument/documentSymbol",
                          "textDocument/diagnostic"]
    static let pieces = ["[^", "[[", "#", "]]", "]", "é", "😀", "\n", "---\n", "> [!note]\n", "[^a1b2c3]", ": x", "|", " ", "\r\n", "%%"]

    @Test(arguments: [false, true]) func randomEditsAndRequests(utf8: Bool) throws {
        let client = try Client(root: try temporaryVault(EditorSessionTests.notes), utf8: utf8)
        try client.open("a.md")
        try client.open("b.md")
        var random = Generator(state: utf8 ? 7 : 11)
        for round in 0..<200 {
            let path = round % 3 == 0 ? "b.md" : "a.md"
            let count = client.texts[path]!.utf8.count
            if round % 2 == 0 {
                // Edits on character boundaries (as an editor sends them), sometimes deleting.
                let text = client.texts[path]!
                let boundaries = [0] + text.indices.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } + [count]
                let start = boundaries.randomElement(using: &random)!
                let end = Bool.random(using: &random) ? start : min(count, boundaries.first { $0 >= start + Int.random(in: 0...8, using: &random) } ?? count)
                try client.change(path, replacing: start..<max(start, end), with: Self.pieces.randomElement(using: &random)!)
            }
            let method = Self.methods.randomElement(using: &random)!
            let position = JSON.object(["line": .int(Int.random(in: -1...40, using: &random)), "character": .int(Int.random(in: -1...300, using: &random))])
            let range = JSON.object(["start": position, "end": .object(["line": .int(Int.random(in: 0...60, using: &random)), "character": .int(0)])])
            let params: [String: JSON?] = ["textDocument": .object(["uri": .string(client.uri(path))]), "position": position, "range": range,
                                           "newName": .string(Bool.random(using: &random) ? "newid1" : "New Heading"),
                                           "context": .object(["diagnostics": .array([])])]
            do { try client.request(method, params) } catch let error as ResponseError { #expect(error.code != 0, "no answer to \(method)") }
        }
        // Wrong shapes: an error each, and the server still answers.
        for method in Self.methods {
            #expect(throws: ResponseError.self) { try client.request(method, ["textDocument": .string("nope"), "position": .int(3)]) }
        }
        #expect(try client.request("textDocument/documentSymbol", ["textDocument": .object(["uri": .string(client.uri("a.md"))])]).array != nil)
    }
}
