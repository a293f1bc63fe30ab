/// The JSON form of a note printed by `notekit parse --format json` (see docs/parse-json.md).
extension Note: Encodable {
    enum CodingKeys: String, CodingKey {
        case path, frontMatter, bodyStartLine, headings, thematicBreaks, callouts, queryCallouts
        case footnoteReferences, footnoteDefinitions, legacyDefinitions, legacyReferences
        case wikilinks, links, bareURLs, comments, tables, diagnostics
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(frontMatter, forKey: .frontMatter)
        try container.encode(bodyStartLine, forKey: .bodyStartLine)
        try container.encode(headings, forKey: .headings)
        try container.encode(thematicBreaks, forKey: .thematicBreaks)
        try container.encode(callouts, forKey: .callouts)
        try container.encode(queryCallouts, forKey: .queryCallouts)
        try container.encode(footnoteReferences, forKey: .footnoteReferences)
        try container.encode(footnoteDefinitions, forKey: .footnoteDefinitions)
        try container.encode(legacyDefinitions, forKey: .legacyDefinitions)
        try container.encode(legacyReferences, forKey: .legacyReferences)
        try container.encode(wikilinks, forKey: .wikilinks)
        try container.encode(links, forKey: .links)
        try container.encode(bareURLs, forKey: .bareURLs)
        try container.encode(comments, forKey: .comments)
        try container.encode(tables, forKey: .tables)
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}

extension FrontMatter: Encodable {
    enum CodingKeys: String, CodingKey {
        case range, openingDelimiter, closingDelimiter, contentRange, entries, duplicateKeys, error, secondBlock, isFlow
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range, forKey: .range)
        try container.encode(openingDelimiter, forKey: .openingDelimiter)
        try container.encode(closingDelimiter, forKey: .closingDelimiter)
        try container.encode(contentRange, forKey: .contentRange)
        try container.encode(entries, forKey: .entries)
        try container.encode(duplicateKeys.map(\.key), forKey: .duplicateKeys)
        try container.encode(error, forKey: .error)
        try container.encode(secondBlock, forKey: .secondBlock)
        try container.encode(isFlow, forKey: .isFlow)
    }
}

extension FrontMatterEntry {
    enum CodingKeys: String, CodingKey { case key, keyRange, valueRange, range, raw, type, value, style, error }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(keyRange, forKey: .keyRange)
        try container.encode(valueRange, forKey: .valueRange)
        try container.encode(range, forKey: .range)
        try container.encode(raw, forKey: .raw)
        try container.encode(value?.typeName, forKey: .type)
        try container.encode(value, forKey: .value)
        try container.encode(style, forKey: .style)
        try container.encode(error, forKey: .error)
    }
}
