import NoteParser

/// Inline switches in a note: `<!-- notekit-disable RULE... -->`, `notekit-enable`,
/// `notekit-disable-next-line`, also written inside `%% ... %%`. No rule ids means all rules.
struct Suppressions {
    private enum Kind { case disable, enable, nextLine }
    private struct Directive {
        let kind: Kind
        let line: Int
        let rules: Set<String>
    }

    private let directives: [Directive]

    init(note: Note) {
        var found: [Directive] = []
        let marker = Array("notekit-".utf8)
        var index = note.source.lineStarts[min(note.bodyStartLine, note.source.lineCount) - 1]
        while let hit = note.source.find(marker, in: index..<note.source.bytes.count) {
            index = hit + marker.count
            let line = note.source.position(at: hit).line
            let rest = note.source.string(hit..<note.source.lineEnd(line))
            let words = Self.words(rest)
            guard let command = words.first else { continue }
            let kind: Kind
            switch command {
            case "notekit-disable": kind = .disable
            case "notekit-enable": kind = .enable
            case "notekit-disable-next-line": kind = .nextLine
            default: continue
            }
            let prefix = note.source.string(note.source.lineStarts[line - 1]..<hit)
            guard prefix.hasSuffix("<!-- ") || prefix.hasSuffix("<!--") || prefix.hasSuffix("%% ") || prefix.hasSuffix("%%") else { continue }
            found.append(Directive(kind: kind, line: line, rules: Set(words.dropFirst())))
        }
        directives = found
    }

    /// The words of a directive, up to the comment's end.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if word.hasPrefix("-->") || word.hasPrefix("%%") { break }
            words.append(String(word))
        }
        return words
    }

    /// True when `rule` is switched off at `line`.
    func suppresses(_ rule: String, at line: Int) -> Bool {
        var disabled = false
        for directive in directives where directive.rules.isEmpty || directive.rules.contains(rule) {
            switch directive.kind {
            case .nextLine where directive.line + 1 == line: return true
            case .disable where directive.line <= line: disabled = true
            case .enable where directive.line <= line: disabled = false
            default: break
            }
        }
        return disabled
    }
}
