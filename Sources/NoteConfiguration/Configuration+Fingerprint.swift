import NoteParser

extension Configuration {
    /// Everything the configuration says (as `canonical`), hashed the same in every process for
    /// the lint cache's keys: each field in turn, dictionaries sorted by key, without the runtime
    /// reflection `canonical` takes (a few per cent of a cached run). `generated` is left out:
    /// it describes every configuration alike.
    package var fingerprint: ContentHash {
        var hash = ContentHash()
        hash.combine(presets)
        hash.combine(rules.mapValues(\.rawValue))
        hash.combine(ruleOptions.count)
        for (rule, options) in ruleOptions.sorted(by: { $0.key < $1.key }) {
            hash.combine(rule)
            hash.combine(options)
        }
        hash.combine(ignore)
        hash.combine(collections.count)
        for collection in collections {
            hash.combine(collection.name)
            hash.combine(collection.paths)
            hash.combine(collection.required)
            hash.combine(collection.keys.count)
            for (key, schema) in collection.keys.sorted(by: { $0.key < $1.key }) {
                hash.combine(key)
                hash.combine(schema.type.rawValue)
                hash.combine(optional: schema.values)
                hash.combine(optional: schema.maxLength.map(String.init))
                hash.combine(optional: schema.parts.map(String.init))
                hash.combine(optional: schema.case?.rawValue)
            }
            hash.combine(collection.aliases)
            hash.combine(collection.allowUnknownKeys ? 1 : 0)
        }
        hash.combine(calloutTypes)
        hash.combine(watch.fix)
        hash.combine(watch.dateModified ? 1 : 0)
        hash.combine(site.title)
        hash.combine(optional: site.url)
        hash.combine(optional: site.description)
        hash.combine(site.language)
        hash.combine(site.collections.count)
        for collection in site.collections {
            hash.combine(collection.name)
            hash.combine(collection.paths)
        }
        hash.combine(site.feedEntries)
        hash.combine(site.tocHeadings)
        for limit in [limits.parser.maxFileBytes, limits.parser.maxMarkdownDepth, limits.parser.maxYAMLNodes,
                      limits.parser.maxYAMLDepth, limits.maxFindingsPerFile] {
            hash.combine(limit)
        }
        hash.combine(root)
        hash.combine(optional: path)
        return hash
    }
}

private extension ContentHash {
    mutating func combine(_ strings: [String]) {
        combine(strings.count)
        for string in strings { combine(string) }
    }

    mutating func combine(_ dictionary: [String: String]) {
        combine(dictionary.count)
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            combine(key)
            combine(value)
        }
    }

    mutating func combine(optional value: String?) {
        combine(value == nil ? 0 : 1)
        if let value { combine(value) }
    }

    mutating func combine(optional strings: [String]?) {
        combine(strings == nil ? 0 : 1)
        if let strings { combine(strings) }
    }
}
