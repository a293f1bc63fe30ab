import Foundation

/// What a reader sees of a note, told by the cmark-gfm command (not by notekit): the link and
/// image targets of its body's HTML and the words of its visible text. A leading `---` front
/// matter is not Markdown (readers see it as properties), so it is left out.
enum RenderedContent {
    static let command = "/usr/bin/cmark-gfm"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: command) }

    /// The HTML cmark-gfm renders for the body of `bytes`, with footnotes and the GFM extensions.
    static func html(_ bytes: [UInt8]) throws -> String {
        let bytes = body(bytes)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-render-\(UUID().uuidString).md")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = ["-e", "footnotes", "-e", "autolink", "-e", "table", "-e", "strikethrough", "-e", "tasklist", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(status: process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    /// `bytes` after a front matter: a first line `---` up to the next line `---` or `...`.
    static func body(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        func isLine(_ line: ArraySlice<UInt8>, _ text: String) -> Bool {
            Array(line.last == UInt8(ascii: "\r") ? line.dropLast() : line) == Array(text.utf8)
        }
        guard let first = lines.first, isLine(first, "---"),
              let close = lines.dropFirst().firstIndex(where: { isLine($0, "---") || isLine($0, "...") }) else { return bytes[...] }
        return bytes[min(lines[close].endIndex + 1, bytes.count)...]
    }

    /// cmark-gfm exited with an error.
    struct Failure: Error { let status: Int32 }

    /// `href` and `src` targets, without the footnotes' own `#fn…` anchors (they follow the ids).
    static func targets(_ html: String) -> Set<String> {
        Set(html.matches(of: #/(?:href|src)="([^"]*)"/#).map { String($0.output.1) }.filter { !$0.hasPrefix("#fn") })
    }

    /// The words of the visible text, counted: footnote reference numbers and tags dropped,
    /// entities decoded, citation markers (`[^id]`, `[4]`, `[1, 2]`, which fixes rewrite into
    /// footnotes) and the pasted tail of a corrupted label (`6ezn4]:` in `[^x6ezn4]6ezn4]:`)
    /// removed, then runs of letters and digits. Punctuation and spacing are not compared.
    static func words(_ html: String) -> [String: Int] {
        var text = html.replacing(#/<sup class="footnote-ref">.*?</sup>/#, with: " ")
        text = text.replacing(#/<[^>]*>/#, with: " ")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacing(entity, with: character)
        }
        for match in text.matches(of: #/\[\^([^\]\s]+)\]([^\]\s\[]+)\]:/#).reversed() where match.output.1.hasSuffix(match.output.2) {
            text.replaceSubrange(match.range, with: " ")
        }
        text = text.replacing(#/\[\^[^\]\s]*\]|\[\d{1,3}(?:, *\d{1,3})*\]/#, with: " ")
        var counts: [String: Int] = [:]
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) { counts[String(word), default: 0] += 1 }
        return counts
    }

    /// What a reader saw in `before` and no longer sees in `after`: lost targets and words.
    static func losses(before: [UInt8], after: [UInt8]) throws -> [String] {
        let old = try html(before), new = try html(after)
        let lostTargets = targets(old).subtracting(targets(new)).sorted()
        let newWords = words(new)
        let lostWords = words(old).filter { newWords[$0.key, default: 0] < $0.value }.keys.sorted()
        return lostTargets.map { "link \($0)" } + lostWords.map { "word '\($0)'" }
    }
}
