import NoteParser

extension CitationReport {
    /// The JSON document (docs/citations-json.md), byte for byte what its `Encodable`
    /// conformance gives through `JSONEncoder` with sorted keys, pretty printed, slashes
    /// unescaped (a test compares them), written without building a tree of the document.
    public var json: [UInt8] {
        var json = PrettyJSON(capacity: 512 * (sources.count + notes.count + problems.count) + 1024)
        json.beginObject()
        json.key("domains"); json.array(domains) { json, domain in
            json.beginObject()
            json.key("domain"); json.value(domain.domain)
            json.key("references"); json.value(domain.references)
            json.key("sources"); json.value(domain.sources)
            json.endObject()
        }
        json.key("notes"); json.array(notes) { json, note in
            json.beginObject()
            json.key("definitions"); json.value(note.definitions)
            json.key("path"); json.value(note.path)
            json.key("problems"); json.value(note.problems)
            json.key("references"); json.value(note.references)
            json.key("sources"); json.value(note.sources)
            json.endObject()
        }
        json.key("problems"); json.array(problems) { json, problem in
            json.beginObject()
            json.key("column"); json.value(problem.column)
            json.key("kind"); json.value(problem.kind)
            json.key("line"); json.value(problem.line)
            json.key("message"); json.value(problem.message)
            json.key("path"); json.value(problem.path)
            json.endObject()
        }
        json.key("sources"); json.array(sources) { json, source in
            json.beginObject()
            json.key("citedOn"); json.strings(source.citedOn)
            if let domain = source.domain { json.key("domain"); json.value(domain) }
            json.key("ids"); json.strings(source.ids)
            json.key("notes"); json.array(source.notes) { json, use in
                json.beginObject()
                json.key("ids"); json.strings(use.ids)
                json.key("path"); json.value(use.path)
                json.key("references"); json.value(use.references)
                json.endObject()
            }
            json.key("published"); json.strings(source.published)
            json.key("references"); json.value(source.references)
            if let title = source.title { json.key("title"); json.value(title) }
            json.key("titles"); json.strings(source.titles)
            json.key("updated"); json.strings(source.updated)
            json.key("url"); json.value(source.url)
            json.endObject()
        }
        json.key("summary")
        json.beginObject()
        json.key("citations"); json.value(summary.citations)
        json.key("legacyCitations"); json.value(summary.legacyCitations)
        json.key("notes"); json.value(summary.notes)
        json.key("problems")
        json.beginObject()
        for kind in summary.problems.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            json.key(escaping: kind); json.value(summary.problems[kind]!)
        }
        json.endObject()
        json.key("references"); json.value(summary.references)
        json.key("sources"); json.value(summary.sources)
        json.endObject()
        json.key("version"); json.value(version)
        json.key("years"); json.array(years) { json, year in
            json.beginObject()
            json.key("sources"); json.value(year.sources)
            if let value = year.year { json.key("year"); json.value(value) }
            json.endObject()
        }
        json.endObject()
        return json.takeBytes()
    }
}

private extension PrettyJSON {
    mutating func strings(_ strings: [String]) { array(strings) { $0.value($1) } }
}
