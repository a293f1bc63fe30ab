import NoteParser

/// `textDocument/documentSymbol`: headings (nested by level, each spanning its section), and
/// under them the callouts and citation sources (footnote definitions) of the section.
extension LanguageServer {
    func documentSymbols(_ params: JSON) throws -> JSON {
        let uri = try decode(params, as: DocumentParams.self).textDocument.uri
        guard let document = documents[uri], let path = document.path, let note = vault?.notes[path]?.note else { return .array([]) }
        let converter = PositionConverter(document.text, encoding: encoding)
        struct Item { let level: Int; let name: String; let detail: String; let kind: Int; let range: Range<Int>; let selection: Range<Int> }
        var items: [Item] = []
        let end = document.text.bytes.count
        for (index, heading) in note.headings.enumerated() {
            let sectionEnd = note.headings[(index + 1)...].first { $0.level <= heading.level }?.range.start.offset ?? end
            items.append(Item(level: heading.level, name: heading.text.isEmpty ? "(empty heading)" : heading.text, detail: String(repeating: "#", count: heading.level),
                              kind: 15, range: heading.range.start.offset..<max(sectionEnd, heading.range.end.offset), selection: heading.range.bytes))
        }
        for callout in note.callouts {
            items.append(Item(level: 7, name: callout.title.isEmpty ? callout.type : callout.title, detail: "[!\(callout.type)]",
                              kind: 19, range: callout.range.bytes, selection: callout.typeRange.bytes))
        }
        for definition in note.footnoteDefinitions {
            items.append(Item(level: 7, name: "[^\(definition.label)]", detail: definition.fields.title ?? definition.fields.url ?? "",
                              kind: 20, range: definition.range.bytes, selection: definition.labelRange.bytes))
        }
        items.sort { ($0.range.lowerBound, $0.level) < ($1.range.lowerBound, $1.level) }
        // Nest: an item goes under the last open heading whose section holds it.
        final class Node { let item: Item; var children: [Node] = []; init(_ item: Item) { self.item = item } }
        var roots: [Node] = [], stack: [Node] = []
        for item in items {
            while let top = stack.last, top.item.level >= item.level || top.item.range.upperBound < item.range.upperBound { stack.removeLast() }
            let node = Node(item)
            if let parent = stack.last { parent.children.append(node) } else { roots.append(node) }
            if item.level <= 6 { stack.append(node) }
        }
        func json(_ node: Node) throws -> JSON {
            .object(["name": .string(node.item.name), "detail": .string(node.item.detail), "kind": .int(node.item.kind),
                     "range": try JSON(converter.range(of: node.item.range)), "selectionRange": try JSON(converter.range(of: node.item.selection)),
                     "children": .array(try node.children.map(json))])
        }
        return .array(try roots.map(json))
    }
}
