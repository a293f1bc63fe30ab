import NoteParser

/// Turns callouts into marker paragraphs cmark-gfm renders as ordinary text, so their
/// bodies render in place (footnotes numbered with the rest) and are wrapped afterwards.
///
/// `> [!tip]- Title` + body becomes `NOTEKITCALLOUT1OPEN Title`, the unquoted body and
/// `NOTEKITCALLOUT1CLOSE`; nested callouts get higher numbers on later passes. The prefix is
/// lengthened until the page's Markdown does not hold it, so body text cannot forge a marker.
struct CalloutMarkers {
    struct Info {
        let type: String
        let fold: Callout.Fold
    }

    /// `NOTEKITCALLOUT`, with `Q`s added when the Markdown holds it.
    let prefix: String
    private static let maxPasses = 16

    /// Per callout number, its type and fold.
    private(set) var callouts: [Info] = []

    init(unusedIn page: Placeholder) { prefix = page.prefix("NOTEKITCALLOUT") }

    /// `markdown` with every callout replaced by marker paragraphs.
    mutating func mark(_ markdown: String) -> String {
        var text = markdown
        for _ in 0..<Self.maxPasses {
            guard let note = try? NoteParser().parse(bytes: Array(text.utf8), path: ""),
                  case let outer = note.callouts.filter({ $0.depth == 0 }), !outer.isEmpty else { break }
            var edits = SourceEdits(source: note.source)
            for callout in outer {
                callouts.append(Info(type: Slug.make(callout.normalizedType, fallback: "note"), fold: callout.fold))
                let number = callouts.count
                let replacement = "\n\(prefix)\(number)OPEN \(callout.title)\n\n"
                    + callout.bodyLines.joined(separator: "\n") + "\n\n\(prefix)\(number)CLOSE\n"
                edits.replace(callout.range.bytes, with: replacement)
            }
            text = edits.applied()
        }
        return text
    }
}
