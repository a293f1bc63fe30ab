import NoteCitations

/// The report as Markdown that reads well in Obsidian: tables, wikilinks to notes.
public enum MarkdownReport {
    public static func render(_ report: CitationReport) -> String {
        var lines = ["# Citations report", "", "## Summary", ""]
        let summary = report.summary
        lines += table(["", "Count"], right: [1], rows: [
            ["Notes", "\(summary.notes)"], ["Citations (definitions)", "\(summary.citations)"],
            ["Legacy numeric citations", "\(summary.legacyCitations)"],
            ["Distinct sources", "\(summary.sources)"], ["References", "\(summary.references)"],
        ])
        lines += ["", "### Problems", ""]
        lines += table(["Problem", "Count"], right: [1], rows: CitationProblem.Kind.allCases.map { kind in
            ["`\(kind.rawValue)`", "\(summary.problems[kind.rawValue] ?? 0)"]
        })
        lines += ["", "## Sources", ""]
        lines += table(["#", "Source", "Domain", "Ids", "References", "Notes", "Published"], right: [0, 4],
                       rows: report.sources.enumerated().map { number, source in
            ["\(number + 1)", link(source.title ?? source.url, source.url), cell(source.domain ?? ""),
             source.ids.map { "`\(cell($0))`" }.joined(separator: ", "), "\(source.references)",
             source.notes.map { wikilink($0.path) + ($0.references == 1 ? "" : " (\($0.references))") }.joined(separator: ", "),
             source.published.joined(separator: ", ")]
        })
        lines += ["", "## Notes", ""]
        lines += table(["Note", "Definitions", "References", "Sources", "Problems"], right: [1, 2, 3, 4], rows: report.notes.map { note in
            [wikilink(note.path), "\(note.definitions)", "\(note.references)", "\(note.sources)", "\(note.problems)"]
        })
        lines += ["", "## Domains", ""]
        lines += table(["Domain", "Sources", "References"], right: [1, 2], rows: report.domains.map { domain in
            [cell(domain.domain), "\(domain.sources)", "\(domain.references)"]
        })
        lines += ["", "## Sources by year", ""]
        lines += table(["Year", "Sources"], right: [1], rows: report.years.map { year in
            [year.year.map(String.init) ?? "unknown", "\(year.sources)"]
        })
        lines += ["", "## Problems", ""]
        lines += report.problems.isEmpty ? ["None."] : report.problems.map { problem in
            "- \(wikilink(problem.path, inTable: false)) line \(problem.line): `\(problem.kind)` \(problem.message.replacingOccurrences(of: "[", with: "\\["))"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `[[path/without .md|Title]]`; in tables the pipe is escaped.
    static func wikilink(_ path: String, inTable: Bool = true) -> String {
        let target = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
        let title = target.split(separator: "/").last.map(String.init) ?? target
        return "[[\(target)\(inTable ? "\\|" : "|")\(title)]]"
    }

    private static func link(_ title: String, _ url: String) -> String {
        let text = cell(title).replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
        return "[\(text)](<\(url.replacingOccurrences(of: ">", with: "%3E"))>)"
    }

    /// Text safe inside a table cell: one line, pipes escaped.
    private static func cell(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
    }

    private static func table(_ header: [String], right: Set<Int>, rows: [[String]]) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        let rule = "|" + header.indices.map { right.contains($0) ? "---:|" : "---|" }.joined()
        return [row(header), rule] + rows.map(row)
    }
}
