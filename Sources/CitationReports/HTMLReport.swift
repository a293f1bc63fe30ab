import Foundation
import NoteMustache
import NoteCitations
import NoteTemplates

/// The report as one self-contained HTML page, rendered through a Mustache template
/// (`citations-report.mustache`, built in or from a templates folder): inline CSS, SVG charts and a small inline
/// script that sorts tables. Mustache escapes every value.
public enum HTMLReport {
    public static let templateName = "citations-report.mustache"
    /// Bars in the domain chart.
    static let topDomains = 15

    /// Renders `report` with the `citations-report.mustache` of `templates`.
    public static func render(_ report: CitationReport, templates: TemplateSource) throws -> String {
        guard let template = templates.text(of: templateName) else {
            throw MissingTemplate(location: templates.location(of: templateName))
        }
        let compiled: CompiledTemplate
        do {
            compiled = try CompiledTemplate(template)
        } catch {
            throw BrokenTemplate(description: "\(templates.location(of: templateName)): template does not parse: \(error)")
        }
        return TemplateLibrary().render(context(report), with: compiled)
    }

    /// A `citations-report.mustache` that does not parse, named with the reason and line.
    public struct BrokenTemplate: Error, CustomStringConvertible {
        public let description: String
    }

    /// A templates folder without `citations-report.mustache`.
    public struct MissingTemplate: Error, CustomStringConvertible {
        public let location: String
        public var description: String { "missing template \(location)" }
    }

    static func context(_ report: CitationReport) -> [String: Any] {
        let summary = report.summary
        return [
            "summary": [
                ["label": "Notes", "value": summary.notes], ["label": "Citations", "value": summary.citations],
                ["label": "Distinct sources", "value": summary.sources], ["label": "References", "value": summary.references],
                ["label": "Legacy numeric", "value": summary.legacyCitations],
            ],
            "problemCounts": CitationProblem.Kind.allCases.map { ["kind": $0.rawValue, "count": summary.problems[$0.rawValue] ?? 0] },
            "domainChart": BarChart(report.domains.prefix(topDomains).map { ($0.domain, $0.sources) }).context,
            "yearChart": BarChart(report.years.compactMap { year in year.year.map { (String($0), year.sources) } }).context,
            "undatedSources": report.years.first { $0.year == nil }?.sources ?? 0,
            "sources": report.sources.enumerated().map { number, source in
                [
                    "rank": number + 1, "title": source.title ?? source.url, "url": source.url,
                    "hasLink": source.url.hasPrefix("http://") || source.url.hasPrefix("https://"),
                    "domain": source.domain ?? "", "ids": source.ids.joined(separator: ", "), "references": source.references,
                    "noteCount": source.notes.count, "notes": source.notes.map(\.path).joined(separator: "\n"),
                    "published": source.published.first ?? "",
                ] as [String: Any]
            },
            "notes": report.notes.map { note in
                ["path": note.path, "definitions": note.definitions, "references": note.references,
                 "sources": note.sources, "problems": note.problems] as [String: Any]
            },
            "problems": report.problems.map { problem in
                ["kind": problem.kind, "path": problem.path, "line": problem.line, "message": problem.message] as [String: Any]
            },
            "hasProblems": !report.problems.isEmpty,
        ]
    }
}
