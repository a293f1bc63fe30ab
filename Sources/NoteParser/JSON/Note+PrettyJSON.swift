/// The model written straight to JSON, byte for byte what its `Encodable` conformances give
/// through `JSONEncoder` (a test compares them), without building a tree of the document:
/// `notekit parse --format json` writes each note as it finishes. Keys are written in sorted
/// order; optional values are left out as the synthesized conformances leave them out, except
/// in `Note`, `FrontMatter` and `FrontMatterEntry`, which write `null`.
extension PrettyJSON {
    package mutating func note(_ note: Note) {
        beginObject()
        key("bareURLs"); array(note.bareURLs) { json, url in
            json.beginObject()
            json.key("range"); json.range(url.range)
            json.key("url"); json.value(url.url)
            json.endObject()
        }
        key("bodyStartLine"); value(note.bodyStartLine)
        key("callouts"); array(note.callouts) { $0.callout($1) }
        key("comments"); array(note.comments) { $0.range($1) }
        key("diagnostics"); array(note.diagnostics) { $0.diagnostic($1) }
        key("footnoteDefinitions"); array(note.footnoteDefinitions) { $0.footnoteDefinition($1) }
        key("footnoteReferences"); array(note.footnoteReferences) { json, reference in
            json.beginObject()
            json.key("inTable"); json.value(reference.inTable)
            json.key("isDefined"); json.value(reference.isDefined)
            json.key("label"); json.value(reference.label)
            json.key("range"); json.range(reference.range)
            json.endObject()
        }
        key("frontMatter"); if let frontMatter = note.frontMatter { self.frontMatter(frontMatter) } else { null() }
        key("headings"); array(note.headings) { json, heading in
            json.beginObject()
            json.key("isCitationSection"); json.value(heading.isCitationSection)
            json.key("level"); json.value(heading.level)
            json.key("range"); json.range(heading.range)
            json.key("text"); json.value(heading.text)
            json.endObject()
        }
        key("legacyDefinitions"); array(note.legacyDefinitions) { json, definition in
            json.beginObject()
            json.key("fields"); json.citationFields(definition.fields)
            json.key("labelRange"); json.range(definition.labelRange)
            json.key("number"); json.value(definition.number)
            json.key("range"); json.range(definition.range)
            json.key("text"); json.value(definition.text)
            json.endObject()
        }
        key("legacyReferences"); array(note.legacyReferences) { json, reference in
            json.beginObject()
            json.key("isDefined"); json.value(reference.isDefined)
            json.key("numbers"); json.array(reference.numbers) { $0.value($1) }
            json.key("range"); json.range(reference.range)
            json.endObject()
        }
        key("links"); array(note.links) { json, link in
            json.beginObject()
            json.key("destination"); json.value(link.destination)
            json.key("isImage"); json.value(link.isImage)
            json.key("range"); json.range(link.range)
            json.key("text"); json.value(link.text)
            json.endObject()
        }
        key("path"); value(note.path)
        key("queryCallouts"); array(note.queryCallouts) { $0.queryCallout($1) }
        key("tables"); array(note.tables) { $0.range($1) }
        key("thematicBreaks"); array(note.thematicBreaks) { json, rule in
            json.beginObject()
            json.key("marker"); json.value(rule.marker)
            json.key("range"); json.range(rule.range)
            json.endObject()
        }
        key("wikilinks"); array(note.wikilinks) { json, link in
            json.beginObject()
            if let alias = link.alias { json.key("alias"); json.value(alias) }
            if let heading = link.heading { json.key("heading"); json.value(heading) }
            json.key("inTable"); json.value(link.inTable)
            json.key("isEmbed"); json.value(link.isEmbed)
            json.key("range"); json.range(link.range)
            json.key("target"); json.value(link.target)
            json.endObject()
        }
        endObject()
    }

    package mutating func diagnostic(_ diagnostic: ParseDiagnostic) {
        beginObject()
        key("code"); value(diagnostic.code.rawValue)
        key("message"); value(diagnostic.message)
        key("range"); range(diagnostic.range)
        endObject()
    }

    private mutating func optionalRange(_ range: SourceRange?) {
        if let range { self.range(range) } else { null() }
    }

    private mutating func frontMatter(_ frontMatter: FrontMatter) {
        beginObject()
        key("closingDelimiter"); optionalRange(frontMatter.closingDelimiter)
        key("contentRange"); range(frontMatter.contentRange)
        key("duplicateKeys"); array(frontMatter.duplicateKeys) { $0.value($1.key) }
        key("entries"); array(frontMatter.entries) { $0.frontMatterEntry($1) }
        key("error"); if let error = frontMatter.error { diagnostic(error) } else { null() }
        key("isFlow"); value(frontMatter.isFlow)
        key("openingDelimiter"); range(frontMatter.openingDelimiter)
        key("range"); range(frontMatter.range)
        key("secondBlock"); optionalRange(frontMatter.secondBlock)
        endObject()
    }

    private mutating func frontMatterEntry(_ entry: FrontMatterEntry) {
        beginObject()
        key("error"); if let error = entry.error { diagnostic(error) } else { null() }
        key("key"); value(entry.key)
        key("keyRange"); range(entry.keyRange)
        key("range"); range(entry.range)
        key("raw"); value(entry.raw)
        key("style"); if let style = entry.style { value(style.rawValue) } else { null() }
        key("type"); if let type = entry.value?.typeName { value(type) } else { null() }
        key("value"); if let yaml = entry.value { self.yaml(yaml) } else { null() }
        key("valueRange"); range(entry.valueRange)
        endObject()
    }

    /// A YAML value as `YAMLValue.encode(to:)` writes it. A map's keys go through a dictionary
    /// there: a repeated key keeps its first spelling and its last value, and keys are sorted.
    private mutating func yaml(_ node: YAMLValue) {
        switch node {
        case .string(let text), .date(let text), .datetime(let text):
            value(text)
        case .number(let number):
            if number.isFinite { value(number) } else { value(number.isNaN ? ".nan" : number < 0 ? "-.inf" : ".inf") }
        case .bool(let flag):
            value(flag)
        case .null:
            null()
        case .list(let items):
            array(items) { $0.yaml($1) }
        case .map(let pairs):
            var slots: [String: Int] = [:]
            var members: [(key: String, value: YAMLValue)] = []
            for pair in pairs {
                if let slot = slots[pair.key] {
                    members[slot].value = pair.value
                } else {
                    slots[pair.key] = members.count
                    members.append((pair.key, pair.value))
                }
            }
            members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            beginObject()
            for member in members {
                key(escaping: member.key)
                yaml(member.value)
            }
            endObject()
        }
    }

    private mutating func callout(_ callout: Callout) {
        beginObject()
        key("bodyLines"); array(callout.bodyLines) { $0.value($1) }
        key("bodyRange"); range(callout.bodyRange)
        key("depth"); value(callout.depth)
        key("fold"); value(callout.fold.rawValue)
        key("normalizedType"); value(callout.normalizedType)
        key("range"); range(callout.range)
        key("title"); value(callout.title)
        key("type"); value(callout.type)
        key("typeRange"); range(callout.typeRange)
        endObject()
    }

    private mutating func queryCallout(_ query: QueryCallout) {
        beginObject()
        key("callout"); callout(query.callout)
        key("headerRange"); range(query.headerRange)
        if let images = query.imageReferencesRange { key("imageReferencesRange"); range(images) }
        if let model = query.model { key("model"); value(model) }
        key("provider"); value(query.provider)
        key("question"); value(query.question)
        if let response = query.responseRange { key("responseRange"); range(response) }
        if let timestamp = query.timestamp { key("timestamp"); value(timestamp) }
        endObject()
    }

    private mutating func footnoteDefinition(_ definition: FootnoteDefinition) {
        beginObject()
        key("fields"); citationFields(definition.fields)
        key("form"); value(definition.form.rawValue)
        key("isDuplicate"); value(definition.isDuplicate)
        key("isUnused"); value(definition.isUnused)
        key("label"); value(definition.label)
        key("labelRange"); range(definition.labelRange)
        key("range"); range(definition.range)
        key("text"); value(definition.text)
        key("textRange"); range(definition.textRange)
        endObject()
    }

    private mutating func citationFields(_ fields: CitationFields) {
        beginObject()
        key("kind"); value(fields.kind.rawValue)
        if let date = fields.prefixDate { key("prefixDate"); partialDate(date) }
        if let published = fields.published { key("published"); citationDate(published) }
        if let title = fields.title { key("title"); value(title) }
        if let updated = fields.updated { key("updated"); citationDate(updated) }
        if let url = fields.url { key("url"); value(url) }
        endObject()
    }

    private mutating func partialDate(_ date: PartialDate) {
        beginObject()
        if let day = date.day { key("day"); value(day) }
        if let month = date.month { key("month"); value(month) }
        key("year"); value(date.year)
        endObject()
    }

    /// The synthesized form of an enum with associated values: `{"case": {"_0": value}}`.
    private mutating func citationDate(_ date: CitationDate) {
        beginObject()
        switch date {
        case .date(let date):
            key("date"); beginObject(); key("_0"); partialDate(date); endObject()
        case .notAvailable:
            key("notAvailable"); beginObject(); endObject()
        case .unreadable(let text):
            key("unreadable"); beginObject(); key("_0"); value(text); endObject()
        }
        endObject()
    }
}
