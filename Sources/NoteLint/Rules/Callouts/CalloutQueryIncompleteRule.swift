import Foundation
import NoteParser

/// `callout/query-incomplete`: an LLM query callout missing its timestamp, question or model.
public struct CalloutQueryIncompleteRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "callout/query-incomplete",
        severity: .warning,
        reads: .queryCallouts,
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
            if query.timestamp.map(Self.isBlank) ?? true { missing.append("timestamp") }
            // Blank as `trimmingCharacters(in: .whitespacesAndNewlines)` reads it (Foundation's set is the
            // White_Space scalars and U+200B), stopping at the first other scalar instead of copying the text.
            if query.question.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{200B}" }) { missing.append("question") }
            if query.model.map(Self.isBlank) ?? true { missing.append("model") }
            guard !missing.isEmpty else { return nil }
            return context.finding(self, query.headerRange,
                                   "\(query.provider) query has no \(missing.joined(separator: ", "))")
        }
    }

    /// True when `trimmingCharacters(in: .whitespaces)` leaves nothing of `text`: decided on the
    /// bytes when they are ASCII (the set's ASCII members are the space and the tab).
    static func isBlank(_ text: String) -> Bool {
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                isASCII = false
            } else if byte != Byte.space && byte != Byte.tab {
                return false  // an ASCII scalar outside the set stays, wherever it stands
            }
        }
        return isASCII || text.trimmingCharacters(in: .whitespaces).isEmpty
    }
}
