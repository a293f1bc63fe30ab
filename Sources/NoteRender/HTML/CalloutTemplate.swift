import NoteMustache

/// `callout.mustache` rendered once per kind of callout on a page (type and fold) with
/// stand-ins for its title and content, and cut at them: each callout of that kind is then
/// the cut pieces joined around its own title and content, one template render per kind
/// instead of one per callout.
///
/// A kind is rendered twice, with two sets of stand-ins; the cut is used only when both renders
/// cut into the same pieces and no piece holds the stand-ins' prefix, so a template that
/// escapes, transforms or tests a value (a custom one) renders each callout itself. So does a
/// callout with an empty title or content (the `empty` transform could tell).
struct CalloutTemplate {
    private enum Piece: Equatable {
        case text(String), title, content
    }

    let templates: PageTemplates
    /// Text the page does not hold (`CalloutMarkers.prefix`).
    let prefix: String
    private var cuts: [String: [Piece]?] = [:]

    init(templates: PageTemplates, prefix: String) {
        self.templates = templates
        self.prefix = prefix
    }

    /// `callout.mustache` for a callout with its title and content (HTML).
    mutating func render(_ callout: CalloutMarkers.Info, title: String, content: String) -> String {
        let key = callout.type + "\u{0}" + callout.fold.rawValue
        let cut = cuts[key] ?? {
            let found = Self.cut(renderWhole(callout, title: prefix + "TITLE1&", content: prefix + "CONTENT1&"), prefix: prefix, number: 1)
            let again = Self.cut(renderWhole(callout, title: prefix + "TITLE2&", content: prefix + "CONTENT2&"), prefix: prefix, number: 2)
            let cut = found == again ? found : nil
            cuts[key] = cut
            return cut
        }()
        guard let cut, !title.isEmpty, !content.isEmpty else { return renderWhole(callout, title: title, content: content) }
        var output = ""
        for piece in cut {
            switch piece {
            case .text(let text): output += text
            case .title: output += title
            case .content: output += content
            }
        }
        return output
    }

    private func renderWhole(_ callout: CalloutMarkers.Info, title: String, content: String) -> String {
        let context: TemplateObject = [
            "type": .text(callout.type),
            "title": .text(title),
            "content": .text(content),
            "foldable": .flag(callout.fold != .none),
            "open": .flag(callout.fold == .expanded),
        ]
        return templates.render(context, template: "callout")
    }

    /// `html` cut at every stand-in `number`; nil when text between them holds the prefix.
    private static func cut(_ html: String, prefix: String, number: Int) -> [Piece]? {
        var pieces: [Piece] = []
        var rest = html[...]
        let title = prefix + "TITLE\(number)&", content = prefix + "CONTENT\(number)&"
        while let start = rest.byteRange(of: prefix) {
            let after = rest[start.lowerBound...]
            let piece: Piece, length: Int
            if after.utf8.starts(with: title.utf8) {
                (piece, length) = (.title, title.utf8.count)
            } else if after.utf8.starts(with: content.utf8) {
                (piece, length) = (.content, content.utf8.count)
            } else {
                return nil
            }
            pieces.append(.text(String(rest[..<start.lowerBound])))
            pieces.append(piece)
            rest = rest[rest.utf8.index(start.lowerBound, offsetBy: length)...]
        }
        pieces.append(.text(String(rest)))
        return pieces
    }
}
