import Foundation
import NoteParser

/// `callout/query-incomplete`: an LLM query callout missing its timestamp, question or model.
public struct CalloutQueryIncompleteRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "callout/query-incomplete",
        severity: .warning,
        summary: "A query callout (`**Perplexity Query** (timestamp)`) lacks its timestamp, question or model.",
        rationale: "The timestamp, question and model are the provenance of the response that follows: without them a reader cannot tell when, how and by what the text was generated, nor rerun the query.",
        triggering: [
            "> [!info] ↓**Perplexity Query**\n> **Question:**\n> Why?\n>\n> **Model:** sonar-pro\n",
            "> [!info] ↓**Perplexity Query** (2025-09-23T12:09:00.241Z)\n> **Question:**\n> Ünïcødé question?\n\nThe response.\n",
            "> [!info]\n> Ünïcødé ↓**Claude Query** (2025-01-02)\n> **Question:**\n>\n> **Model:** opus\n",
        ],
        nonTriggering: [
            "> [!info] **Perplexity Query** (2025-09-23T12:09:00.241Z)\n> **Question:**\n> Why?\n>\n> **Model:** sonar-pro\n",
            "> [!info] **Perplexity Query** (2025-08-17)\n> **Question:**\n> Why?\n\n**Response from sonar-pro**:\n\nBecause.\n",
            "```\n> [!info] **Perplexity Query**\n```\n",
        ]
    )

    public func check(_ context: NoteContext) -> [Finding] {
        context.note.queryCallouts.compactMap { query in
            var missing: [String] = []
            if query.timestamp?.trimmingCharacters(in: .whitespaces).isEmpty ?? true { missing.append("timestamp") }
            // Blank as `trimmingCharacters(in: .whitespacesAndNewlines)` reads it (Foundation's set is the
            // White_Space scalars and U+200B), stopping at the first other scalar instead of copying the text.
            if query.question.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{200B}" }) { missing.append("question") }
            if query.model?.trimmingCharacters(in: .whitespaces).isEmpty ?? true { missing.append("model") }
            guard !missing.isEmpty else { return nil }
            return context.finding(self, query.headerRange,
                                   "\(query.provider) query has no \(missing.joined(separator: ", "))")
        }
    }
}
