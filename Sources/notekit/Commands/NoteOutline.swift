import NoteParser

/// The human-readable outline of a note printed by `notekit parse`.
struct NoteOutline {
    let note: Note

    var text: String {
        var lines = [note.path]
        if let frontMatter = note.frontMatter {
            lines.append("  front matter: lines \(frontMatter.range.start.line)-\(frontMatter.range.end.line), \(frontMatter.entries.count) keys")
            for entry in frontMatter.entries {
                let value = entry.value.map { "\($0.typeName)" } ?? "unreadable"
                lines.append("    \(entry.keyRange.start.line): \(entry.key) (\(value))")
            }
        } else {
            lines.append("  front matter: none")
        }
        for heading in note.headings {
            lines.append("  \(heading.range.start.line): \(String(repeating: "#", count: heading.level)) \(heading.text)")
        }
        for callout in note.callouts {
            lines.append("  \(callout.range.start.line): callout [!\(callout.type)] \(callout.title)")
        }
        for query in note.queryCallouts {
            lines.append("  \(query.callout.range.start.line): \(query.provider) query \(query.timestamp ?? "-") model \(query.model ?? "-")")
        }
        let undefined = note.footnoteReferences.filter { !$0.isDefined }.count
        let unused = note.footnoteDefinitions.filter(\.isUnused).count
        lines.append("  citations: \(note.footnoteReferences.count) references (\(undefined) undefined), "
                     + "\(note.footnoteDefinitions.count) definitions (\(unused) unused), "
                     + "\(note.legacyDefinitions.count) legacy definitions, \(note.legacyReferences.count) legacy references")
        lines.append("  links: \(note.wikilinks.count) wikilinks, \(note.links.count) markdown links, \(note.bareURLs.count) bare URLs")
        for diagnostic in note.diagnostics {
            lines.append("  \(diagnostic.range.start.line):\(diagnostic.range.start.column): \(diagnostic.message)")
        }
        return lines.joined(separator: "\n")
    }
}
