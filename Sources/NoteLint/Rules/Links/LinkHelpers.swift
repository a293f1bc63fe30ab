import NoteParser

extension Wikilink {
    /// The link as written, for messages: `[[target]]` or `![[target]]`.
    var display: String { (isEmbed ? "![[" : "[[") + target + "]]" }
}
