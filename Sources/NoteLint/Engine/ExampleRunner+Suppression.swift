extension ExampleRunner {
    /// The files of an example, marker-free, with `notekit-disable-file rule` added to each
    /// file that has a `↓` marker, in every form of comment: an HTML comment at the end, and
    /// a YAML comment in front matter or an Obsidian comment at the start. The rule must find
    /// nothing in any of them, and each comment must count as used.
    public static func suppressedVariants(of files: [(path: String, text: String)], rule id: String) -> [[(String, String)]] {
        let marked = files.map { (path: $0.path, text: stripMarkers($0.text).text, marked: $0.text.contains(RuleExample.marker)) }
        let appended = marked.map { file in
            !file.marked ? (file.path, file.text)
                : (file.path, file.text + (file.text.hasSuffix("\n") || file.text.isEmpty ? "" : "\n") + "\n<!-- notekit-disable-file \(id) -->\n")
        }
        let prepended = marked.map { file in
            !file.marked ? (file.path, file.text)
                : file.text.hasPrefix("---\n") ? (file.path, "---\n# notekit-disable-file \(id)\n" + file.text.dropFirst(4))
                : (file.path, "%% notekit-disable-file \(id) %%\n\n" + file.text)
        }
        return [appended, prepended]
    }
}
