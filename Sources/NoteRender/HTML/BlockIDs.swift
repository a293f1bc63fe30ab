/// Obsidian block ids: ` ^id` ending a paragraph, list item, heading or table cell. Obsidian
/// hides them; in HTML each becomes an empty `<span id="block-id">` that `[[Note#^id]]` links to.
enum BlockIDs {
    // Regex is not Sendable, yet matching one from several threads is safe: it compiles its program once, stored atomically.
    nonisolated(unsafe) private static let marker = #/[ \t]+\^([A-Za-z0-9-]+)(?=</p>|</li>|</h[1-6]>|</td>|</th>)/#

    /// The element id of block `id` (written without its `^`).
    static func anchor(_ id: String) -> String { "block-" + Slug.make(id, fallback: "") }

    /// `html` with every block id replaced by its anchor.
    static func render(_ html: String) -> String {
        guard html.contains("^") else { return html }
        return html.replacing(marker) { "<span id=\"\(anchor(String($0.1)))\"></span>" }
    }
}
