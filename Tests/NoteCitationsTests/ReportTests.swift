@testable import CitationReports
import Foundation
import NoteCitations
import NoteTemplates
import Testing

@Suite struct ReportTests {
    /// The fixture vault written to disk and indexed through the paths the CLI uses.
    static func report() throws -> CitationReport {
        let root = try Fixtures.directory(Fixtures.vault)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (index, errors) = CitationIndex.build(paths: [root], root: root)
        #expect(errors.isEmpty)
        return CitationReport(index: index, root: root)
    }

    @Test func markdown() throws {
        #expect(MarkdownReport.render(try Self.report()) == Self.expectedMarkdown)
    }

    @Test func csv() throws {
        #expect(CSVReport.render(try Self.report()) == """
            url,domain,title,ids,references,notes,published,updated,cited_on\r
            https://example.com/alpha,example.com,Alpha Article,src1; alpha,3,a.md; sub/b.md,2024-03-17,2025-09-14,2025-09-14\r
            https://beta.org/b,beta.org,Beta | Page,src2,1,a.md,,,\r

            """)
    }

    @Test func csvQuotesPerRFC4180() {
        #expect(CSVReport.field("plain") == "plain")
        #expect(CSVReport.field("a, b") == "\"a, b\"")
        #expect(CSVReport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.field("two\nlines") == "\"two\nlines\"")
    }

    @Test func aTemplateThatDoesNotParseIsNamed() throws {
        let folder = try Fixtures.directory([HTMLReport.templateName: "<h1>{{#summary}}{{label}}</h1>\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = CitationReport(index: Fixtures.index(["a.md": "See[^x].\n\n[^x]: https://e.example\n"]), root: ".")
        let error = #expect(throws: HTMLReport.BrokenTemplate.self) { try HTMLReport.render(report, templates: .directory(URL(fileURLWithPath: folder))) }
        #expect(error?.description.hasPrefix(folder + "/" + HTMLReport.templateName + ": template does not parse: line 2:") == true)
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let index = Fixtures.index(["<b>.md": "See[^x].\n\n[^x]: [<script>alert(1)</script>](https://e.example/?a=1&b=2)\n"])
        let html = try HTMLReport.render(CitationReport(index: index, root: "."), templates: .compiledIn)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;.md"))
        #expect(html.contains("https://e.example?a=1&amp;b=2"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("<rect x=\"220\""))
        #expect(!html.contains("<script src") && !html.contains("<link") && !html.contains("@import"))
    }

    @Test func jsonCarriesSummary() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try JSONSerialization.jsonObject(with: encoder.encode(try Self.report())) as! [String: Any]
        let summary = json["summary"] as! [String: Any]
        #expect(summary["sources"] as? Int == 2)
        #expect(summary["references"] as? Int == 4)
        #expect((summary["problems"] as! [String: Int])["citation/same-source-several-ids"] == 1)
        #expect(json["version"] as? Int == 1)
    }

    /// `CitationReport.json` writes what `JSONEncoder` writes from the report's `Encodable`
    /// conformance: on a vault whose sources lack a title, a domain or a year, and whose
    /// texts need escapes.
    @Test func jsonIsWhatJSONEncoderWrites() throws {
        var files = Fixtures.vault
        files["c.md"] = """
            # C

            Bare[^bare], odd[^odd], mail[^mail], and a legacy one [1].

            [^bare]: https://example.net/x/y
            [^odd]: 2021. ["Quoted" \\ back\tslash / é 🙂](https://example.org/a/b?q=1). Published: 2021-02-03
            [^mail]: [Mail](mailto:someone@example.com)
            [^unused]: [Never cited](https://example.org/unused)

            [1]: https://example.com/legacy

            """
        let root = try Fixtures.directory(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (index, _) = CitationIndex.build(paths: [root], root: root)
        let report = CitationReport(index: index, root: root)
        #expect(report.sources.contains { $0.title == nil })
        #expect(report.sources.contains { $0.domain == nil })
        #expect(report.years.contains { $0.year == nil } && report.years.contains { $0.year != nil })
        #expect(!report.problems.isEmpty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: report.json, as: UTF8.self) == String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    static let expectedMarkdown = #"""
        # Citations report

        ## Summary

        |  | Count |
        |---|---:|
        | Notes | 2 |
        | Citations (definitions) | 3 |
        | Legacy numeric citations | 0 |
        | Distinct sources | 2 |
        | References | 4 |

        ### Problems

        | Problem | Count |
        |---|---:|
        | `citation/undefined` | 0 |
        | `citation/unused` | 0 |
        | `citation/duplicate-definition` | 0 |
        | `citation/same-source-several-ids` | 1 |
        | `citation/id-conflict` | 0 |
        | `citation/legacy-numeric` | 0 |
        | `citation/missing-colon` | 0 |
        | `citation/corrupted-label` | 0 |
        | `citation/malformed` | 0 |

        ## Sources

        | # | Source | Domain | Ids | References | Notes | Published |
        |---:|---|---|---|---:|---|---|
        | 1 | [Alpha Article](<https://example.com/alpha>) | example.com | `src1`, `alpha` | 3 | [[a\|a]] (2), [[sub/b\|b]] | 2024-03-17 |
        | 2 | [Beta \| Page](<https://beta.org/b>) | beta.org | `src2` | 1 | [[a\|a]] |  |

        ## Notes

        | Note | Definitions | References | Sources | Problems |
        |---|---:|---:|---:|---:|
        | [[a\|a]] | 2 | 3 | 2 | 0 |
        | [[sub/b\|b]] | 1 | 1 | 1 | 1 |

        ## Domains

        | Domain | Sources | References |
        |---|---:|---:|
        | example.com | 1 | 3 |
        | beta.org | 1 | 1 |

        ## Sources by year

        | Year | Sources |
        |---|---:|
        | 2024 | 1 |
        | unknown | 1 |

        ## Problems

        - [[sub/b|b]] line 5: `citation/same-source-several-ids` source https://example.com/alpha is already cited as \[^src1] (a.md:5)

        """#
}
