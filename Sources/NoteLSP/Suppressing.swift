import NoteLint
import NoteParser

/// "Disable RULE on this line": a `notekit-disable-line RULE` comment at the end of the line a
/// finding starts on, an HTML comment in the body, a YAML comment in front matter. Offered only
/// when the note, re-parsed with the comment, has no new parse problem, the comment outside code
/// and, in front matter, the same entries and valid YAML.
extension LanguageServer {
    func disableEdit(_ finding: Finding, in text: SourceText) -> Edit? {
        guard !finding.ruleID.hasPrefix("file/"), finding.range.start.line <= text.lineCount else { return nil }
        let line = finding.range.start.line
        var end = text.lineEnd(line)
        if end > text.lineStarts[line - 1], text.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard let note = try? NoteParser().parse(bytes: text.bytes, path: "note.md") else { return nil }
        if let frontMatter = note.frontMatter, [frontMatter.openingDelimiter.start.line, frontMatter.closingDelimiter?.start.line].contains(line) {
            return nil
        }
        let inFrontMatter = note.frontMatter.map { $0.contentRange.start.line <= line && line <= $0.contentRange.end.line
            && finding.range.start.offset < $0.contentRange.end.offset } ?? false
        let needsSpace = end > text.lineStarts[line - 1] && ![UInt8(ascii: " "), UInt8(ascii: "\t")].contains(text.bytes[end - 1])
        let comment = inFrontMatter ? "# notekit-disable-line \(finding.ruleID)" : "<!-- notekit-disable-line \(finding.ruleID) -->"
        let edit = Edit(range: end..<end, replacement: (needsSpace ? " " : "") + comment)
        guard let edited = try? EditApplier.apply([edit], to: text.bytes),
              let after = try? NoteParser().parse(bytes: edited, path: "note.md"),
              after.diagnostics.count <= note.diagnostics.count else { return nil }
        let commentStart = end + (needsSpace ? 1 : 0)
        if inFrontMatter {
            guard after.frontMatter?.error == nil, after.frontMatter?.entries.count == note.frontMatter?.entries.count else { return nil }
        } else if after.code.contains(commentStart) {
            return nil
        }
        return edit
    }
}
