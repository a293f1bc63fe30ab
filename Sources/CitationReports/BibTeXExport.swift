import NoteParser

/// BibTeX for biblatex and biber: one `@online` entry per source, keyed by its id, with
/// `title`, `url`, `date` (published), `urldate` (accessed) and `organization` (the site)
/// when known. Dates are ISO 8601 of their precision.
public enum BibTeXExport {
    public static func render(_ export: CitationExport) -> String {
        export.entries.map { entry in
            var fields: [(String, String)] = []
            if let title = entry.title { fields.append(("title", text(title))) }
            fields.append(("url", url(entry.url)))
            if let issued = entry.issued { fields.append(("date", issued.description)) }
            if let accessed = entry.accessed { fields.append(("urldate", accessed.description)) }
            if let container = entry.container { fields.append(("organization", text(container))) }
            return "@online{\(entry.id),\n" + fields.map { "  \($0.0) = {\($0.1)},\n" }.joined() + "}\n"
        }.joined(separator: "\n")
    }

    /// Text with LaTeX's special characters written as commands, so every brace in the
    /// result is balanced and the text prints as written.
    static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\textbackslash{}"
            case "{": escaped += "\\textbraceleft{}"
            case "}": escaped += "\\textbraceright{}"
            case "~": escaped += "\\textasciitilde{}"
            case "^": escaped += "\\textasciicircum{}"
            case "&", "%", "$", "#", "_": escaped += "\\" + String(character)
            case "\n", "\r", "\r\n", "\t": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A URL as biblatex reads it (verbatim): braces, backslashes and blanks percent-encoded.
    static func url(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "{": escaped += "%7B"
            case "}": escaped += "%7D"
            case "\\": escaped += "%5C"
            case " ": escaped += "%20"
            case "\t": escaped += "%09"
            case "\n": escaped += "%0A"
            case "\r": escaped += "%0D"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
