/// A name in a template's context with its hash, computed once: where a template was compiled
/// for its names, and where a context was built for its keys.
package struct TemplateKey: Equatable, Sendable, ExpressibleByStringLiteral {
    package let name: String
    /// FNV-1a of the name's bytes: told apart by one comparison before the names are compared.
    let hash: UInt32

    package init(_ name: String) {
        self.name = name
        var name = name
        hash = name.withUTF8 { bytes in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return hash
        }
    }

    package init(stringLiteral name: String) { self.init(name) }

    package static func == (left: TemplateKey, right: TemplateKey) -> Bool {
        left.hash == right.hash && left.name == right.name
    }
}

/// An object of a template's context: its names and values in the order they were set, found by
/// comparing the hashes of a template's names (a few integers), not by hashing them again.
package struct TemplateObject: ExpressibleByDictionaryLiteral {
    /// A name and its value.
    struct Entry {
        let key: TemplateKey
        var value: TemplateValue
    }

    private var entries: [Entry] = []

    package init() {}

    /// An object of distinct names (as a dictionary literal's are).
    package init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) {
        entries = elements.map { Entry(key: $0.0, value: $0.1) }
    }

    /// True when a value is named `key`.
    package func contains(_ key: TemplateKey) -> Bool { index(of: key) != nil }

    /// The value named `key`; setting nil removes it.
    package subscript(key: TemplateKey) -> TemplateValue? {
        get { index(of: key).map { entries[$0].value } }
        set {
            switch (index(of: key), newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): entries.append(Entry(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Where `key` is, compared in place (no entry copied).
    private func index(of key: TemplateKey) -> Int? {
        for index in entries.indices where entries[index].key.hash == key.hash && entries[index].key.name == key.name { return index }
        return nil
    }

    /// The text named `key`; nil when it is absent or not text.
    package func text(_ key: TemplateKey) -> String? {
        guard case .text(let text)? = self[key] else { return nil }
        return text
    }

    var isEmpty: Bool { entries.isEmpty }
    /// The names and values, in the order they were set.
    var pairs: [Entry] { entries }

    /// The object as `[String: Any]`: what swift-mustache reads (tests), and what a list's
    /// `sorted` transform tells texts and numbers from.
    package var dictionary: [String: Any] {
        Dictionary(entries.map { ($0.key.name, $0.value.anyValue) }, uniquingKeysWith: { first, _ in first })
    }
}
