import NoteParser

/// The vault's registry note format: front matter (`hexId`, `title`, `url`, `date`,
/// `usageCount`, `filesUsedIn`, `created`, `lastModified`) and the sections
/// `## Reference`, `## Usage`, `## Source` and `## Notes`.
enum RegistryNoteFormat {
    static let notesPlaceholder = "Add your notes about this citation here."

    /// A new registry note. Its front matter is written as notekit's own lint wants it
    /// (`FrontMatterEmitter`): strings and URLs plain where YAML allows, `date`, `created` and
    /// `lastModified` as unquoted timestamps. The footnote markers of its heading and reference
    /// are escaped so that the copy cites nothing.
    static func render(_ entry: RegistryEntry, timestamp: String) -> String {
        var lines = ["---", line("hexId", .string(entry.id))]
        if let title = entry.title { lines.append(line("title", .string(title))) }
        if let url = entry.url { lines.append(line("url", .string(url))) }
        if let date = entry.date { lines.append(line("date", .timestamp(date))) }
        lines += [usageCountLine(entry), filesUsedInLines(entry),
                  line("created", .timestamp(timestamp)), line("lastModified", .timestamp(timestamp)), "---", "",
                  "# " + escapingFootnoteMarkers(entry.title ?? "Citation \(entry.id)"), "",
                  "## Reference", "", escapingFootnoteMarkers(entry.reference), "",
                  "## Usage", "", usageSentence(entry), ""]
        if let url = entry.url { lines += ["## Source", "", "[\(url)](\(url))", ""] }
        lines += ["## Notes", "", notesPlaceholder, ""]
        return lines.joined(separator: "\n")
    }

    /// The edits that bring an existing registry note up to date (usage count, files,
    /// usage sentence, and then `lastModified`), with the names of what changed; no edits
    /// when it is current. Only the front matter and the `## Usage` section are touched.
    static func update(_ note: Note, to entry: RegistryEntry, timestamp: String) -> (edits: [Edit], changed: [String]) {
        guard let frontMatter = note.frontMatter, let closing = frontMatter.closingDelimiter else { return ([], []) }
        var edits: [Edit] = []
        var changed: [String] = []
        func set(_ key: String, _ text: String) {
            if let existing = frontMatter.entry(key) {
                edits.append(Edit(range: existing.range.bytes, replacement: text))
            } else {
                edits.append(Edit(range: closing.start.offset..<closing.start.offset, replacement: text + "\n"))
            }
        }
        if frontMatter.value("usageCount")?.scalarText != String(entry.usageCount) {
            set("usageCount", usageCountLine(entry))
            changed.append("usageCount \(frontMatter.value("usageCount")?.scalarText ?? "none") → \(entry.usageCount)")
        }
        if listTexts(frontMatter.value("filesUsedIn")).sorted() != entry.filesUsedIn {
            set("filesUsedIn", filesUsedInLines(entry))
            changed.append("filesUsedIn → \(entry.filesUsedIn.count) file(s)")
        }
        if let usage = usageEdit(note, entry) {
            edits.append(usage)
            changed.append("## Usage")
        }
        if !changed.isEmpty { set("lastModified", line("lastModified", .timestamp(timestamp))) }
        return (edits, changed)
    }

    /// Replaces the body of `## Usage` when its sentence is stale, or adds the section
    /// before `## Source` / `## Notes` (else at the end) when it is missing.
    private static func usageEdit(_ note: Note, _ entry: RegistryEntry) -> Edit? {
        let sentence = usageSentence(entry)
        let headings = note.headings.filter { $0.range.start.line >= note.bodyStartLine }
        let end = note.source.bytes.count
        func lineAfter(_ heading: Heading) -> Int {
            heading.range.start.line < note.source.lineCount ? note.source.lineStarts[heading.range.start.line] : end
        }
        guard let index = headings.firstIndex(where: { $0.level == 2 && $0.text == "Usage" }) else {
            let before = headings.first { $0.level == 2 && ($0.text == "Source" || $0.text == "Notes") }
            let offset = before?.range.start.offset ?? end
            let section = "## Usage\n\n\(sentence)\n\n"
            let lead = before == nil && end > 0 && note.source.bytes[end - 1] != UInt8(ascii: "\n") ? "\n\n" : before == nil ? "\n" : ""
            return Edit(range: offset..<offset, replacement: lead + section)
        }
        let start = lineAfter(headings[index])
        let stop = index + 1 < headings.count ? headings[index + 1].range.start.offset : end
        let current = note.source.string(start..<max(start, stop)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard current != sentence else { return nil }
        return Edit(range: start..<max(start, stop), replacement: "\n\(sentence)\n" + (stop < end ? "\n" : ""))
    }

    static func usageSentence(_ entry: RegistryEntry) -> String {
        "This citation has been used \(entry.usageCount) time(s)."
    }

    private static func usageCountLine(_ entry: RegistryEntry) -> String { "usageCount: \(entry.usageCount)" }

    private static func filesUsedInLines(_ entry: RegistryEntry) -> String {
        entry.filesUsedIn.isEmpty ? "filesUsedIn: []" : line("filesUsedIn", .list(entry.filesUsedIn))
    }

    /// `key: value` as `FrontMatterEmitter` writes it; a timestamp YAML would not read as one
    /// is written as a string, and strings it cannot prove are double-quoted.
    private static func line(_ key: String, _ value: FrontMatterEmitter.Value) -> String {
        if let text = FrontMatterEmitter.entry(key, value) { return text }
        switch value {
        case .timestamp(let text): return line(key, .string(text))
        case .string(let text): return "\(key): \(YAMLQuoting.doubleQuoted(text))"
        case .list(let items): return (["\(key):"] + items.map { "  - \(YAMLQuoting.doubleQuoted($0))" }).joined(separator: "\n")
        }
    }

    /// `text` with each `[^` outside code spans written `[\^`: it reads the same but cites nothing.
    private static func escapingFootnoteMarkers(_ text: String) -> String {
        var result = ""
        var inCode = false
        var previous: Character?
        for character in text {
            if character == "`" { inCode.toggle() }
            if character == "^", previous == "[", !inCode { result.append("\\") }
            result.append(character)
            previous = character
        }
        return result
    }

    private static func listTexts(_ value: YAMLValue?) -> [String] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap(\.scalarText)
    }
}

import Foundation
