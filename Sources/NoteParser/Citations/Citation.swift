/// A footnote reference `[^id]` in the body.
public struct FootnoteReference: Sendable, Encodable {
    /// The label as written between `[^` and `]`.
    public let label: String
    public let range: SourceRange
    /// Inside a table cell.
    public let inTable: Bool
    /// A definition with this label exists (proper, colon-less or corrupted).
    public let isDefined: Bool
}

/// A footnote definition `[^id]: text`, or one of the broken forms cmark-gfm loses.
public struct FootnoteDefinition: Sendable, Encodable {
    public enum Form: String, Sendable, Codable {
        /// `[^id]: text`
        case proper
        /// `[^id] text` without the colon.
        case missingColon
        /// `[^x6ezn4]6ezn4]:`: a label with its tail pasted again.
        case corruptedLabel
    }

    public let label: String
    public let form: Form
    /// The whole definition: its first line and indented continuation lines.
    public let range: SourceRange
    /// The `[^id]:` part (or what stands for it in the broken forms).
    public let labelRange: SourceRange
    /// The text after the label.
    public let textRange: SourceRange
    public let text: String
    /// Parsed bibliographic fields of `text`.
    public let fields: CitationFields
    /// Another definition with the same label comes earlier (cmark-gfm drops this one).
    public let isDuplicate: Bool
    /// No reference uses this label.
    public let isUnused: Bool
    /// How many references use this label (a duplicate's are its first definition's). Not in the
    /// JSON form, where `isUnused` says whether any does.
    public let referenceCount: Int

    enum CodingKeys: String, CodingKey { case label, form, range, labelRange, textRange, text, fields, isDuplicate, isUnused }
}

extension FootnoteDefinition {
    /// A definition without its text and parsed fields: what a pass over the vault keeps of one
    /// (it compares labels, forms, places and the URL, which is normalised apart). Its text range
    /// is empty, at the definition's end.
    package static func withoutText(label: String, form: Form, range: SourceRange, labelRange: SourceRange,
                                    isDuplicate: Bool, referenceCount: Int) -> FootnoteDefinition {
        FootnoteDefinition(label: label, form: form, range: range, labelRange: labelRange, textRange: SourceRange(start: range.end, end: range.end), text: "",
                           fields: CitationFields(), isDuplicate: isDuplicate, isUnused: referenceCount == 0, referenceCount: referenceCount)
    }
}

/// A legacy numeric definition line `[4]: text`.
public struct LegacyDefinition: Sendable, Encodable {
    public let number: Int
    public let range: SourceRange
    public let labelRange: SourceRange
    public let text: String
    public let fields: CitationFields
}

/// A legacy numeric reference `[4]` (also each number of `[1, 2]`) in the body.
public struct LegacyReference: Sendable, Encodable {
    public let numbers: [Int]
    public let range: SourceRange
    /// A `[n]:` definition exists for every number.
    public let isDefined: Bool
}
