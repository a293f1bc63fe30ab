/// A query pasted by an LLM plugin: a callout headed `**Perplexity Query** (timestamp)`
/// (or Claude, Gemini, Deep Research...), with the question, the model, and the
/// response that follows the callout.
public struct QueryCallout: Sendable, Encodable {
    /// `Perplexity`, `Perplexity Deep Research`, `Claude`...
    public let provider: String
    /// The timestamp in parentheses after the header, as written.
    public let timestamp: String?
    /// The question text, `>` markers removed; empty when missing.
    public let question: String
    /// The model after `**Model:**`, or from a `**Response from MODEL**:` line.
    public let model: String?
    /// The callout holding the query.
    public let callout: Callout
    /// The `**... Query**` header.
    public let headerRange: SourceRange
    /// The `**Image References:**` block inside the callout, if any.
    public let imageReferencesRange: SourceRange?
    /// The response after the callout, up to the next query, rule, citation heading or the end.
    public let responseRange: SourceRange?
}
