import CmarkSupport
import NoteParser

// Parses one note with autolinks and strikethrough 100 times in parallel, then prints whether
// inline passes ran in parallel (1 or 0) and each distinct tree it got (kind, range and text
// of every node), so that a test can run it with and without NOTEKIT_CMARK_LOCKED=1.
let line = "See www.example.com/a and https://example.org/b, ~~struck~~ text and more.\n\n"
let table = "| a | b |\n| - | - |\n| www.example.net | ~~gone~~ |\n\n"
let note = Array((String(repeating: line, count: 300) + String(repeating: table, count: 50)).utf8)

let trees = Array(0..<100).concurrentMap { _ -> String in
    guard let parsed = try? NoteParser().parse(bytes: note, path: "n.md") else { return "failed" }
    var nodes: [String] = []
    parsed.body.forEach { node in
        let range = node.range.map { "\($0.start.offset)-\($0.end.offset)" } ?? "-"
        nodes.append("\(node.kind.rawValue) \(range) \(node.literal ?? "")")
    }
    return nodes.joined(separator: "\n")
}
print(notekit_inline_passes_run_in_parallel())
for tree in Set(trees).sorted() { print("---\n" + tree) }
