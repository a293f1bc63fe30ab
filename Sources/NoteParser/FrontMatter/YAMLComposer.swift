import CYaml

/// Composes the events of libyaml's parser into `YAMLValue`s, with the byte places of the
/// top-level keys and values. Node kinds are checked as they come: a key that is itself a
/// list or map, which a `YAMLValue` cannot hold, is a `Failure` at its place. Explicit tags
/// are honoured (`!!str 123` is a string, `!!int "12"` a number); anchors may be redefined,
/// an alias naming the latest.
struct YAMLComposer {
    /// A top-level key and value with their places, as byte offsets into the text read.
    struct Entry {
        var key: String
        /// The key as written, without its anchor or tag.
        var keyBytes: Range<Int>
        /// Where the entry starts: the key's anchor or tag when it has one.
        var start: Int
        /// The value as written; empty, right after `:` and its blanks, when there is none.
        var valueBytes: Range<Int>
        var value: YAMLValue
        var style: YAMLStyle
    }

    /// The root mapping: its entries in source order and whether it is written `{...}`.
    struct Mapping {
        var entries: [Entry]
        var isFlow: Bool
        /// True when no key is written twice (the simple reader reads no block that repeats one).
        var keysAreUnique = false
    }

    private struct Node {
        var value: YAMLValue
        /// The text of a scalar, for keys; nil for collections.
        var text: String?
        var style: YAMLStyle
        var start: Int
        var end: Int
        /// Nodes it expands to, for the alias budget.
        var count: Int
        var isEmpty: Bool
    }

    private struct Event {
        var type: yaml_event_type_t
        var anchor: String?
        var tag: String?
        var text: String
        var isPlainUntagged: Bool
        var style: YAMLStyle
        var start: yaml_mark_t
        var end: yaml_mark_t
    }

    let limits: YAMLReader.Limits
    /// Turns a composed string back into the note's text (`YAMLReader` masks line separators).
    let restore: (String) -> String

    /// The root mapping of `bytes` (nil for an empty document).
    func compose(_ bytes: [UInt8]) throws(YAMLReader.Failure) -> Mapping? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { throw .syntax(message: "out of memory", line: 1, column: 1) }
        defer { yaml_parser_delete(parser) }
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<Mapping?, YAMLReader.Failure> in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var state = State(parser: parser, offsets: ByteOffsets(bytes), bytes: bytes, limits: limits, restore: restore)
            return Result { () throws(YAMLReader.Failure) in try state.root() }
        }
        return try result.get()
    }

    /// One pass over the events, holding the parser and the anchors seen so far.
    private struct State {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let offsets: ByteOffsets
        let bytes: [UInt8]
        let limits: YAMLReader.Limits
        let restore: (String) -> String
        var anchors: [String: Node] = [:]
        var budget: Int

        init(parser: UnsafeMutablePointer<yaml_parser_t>, offsets: ByteOffsets, bytes: [UInt8], limits: YAMLReader.Limits,
             restore: @escaping (String) -> String) {
            self.parser = parser
            self.offsets = offsets
            self.bytes = bytes
            self.limits = limits
            self.restore = restore
            budget = limits.maxNodes
        }

        mutating func root() throws(YAMLReader.Failure) -> Mapping? {
            _ = try next()  // stream start
            let document = try next()
            guard document.type == YAML_DOCUMENT_START_EVENT else { return nil }
            let first = try next()
            guard first.type == YAML_MAPPING_START_EVENT else {
                let node = try self.node(first, depth: 0)
                if case .null = node.value, node.isEmpty { return nil }
                throw failure("front matter is a \(node.text == nil ? "list" : "scalar"), not a map of keys", at: first.start)
            }
            let mapping = try self.mapping(first, depth: 0, topLevel: true)
            let end = try next()
            guard end.type == YAML_DOCUMENT_END_EVENT else { throw failure("more than one YAML document", at: end.start) }
            return Mapping(entries: mapping.entries, isFlow: mapping.node.style == .flow)
        }

        mutating func node(_ event: Event, depth: Int) throws(YAMLReader.Failure) -> Node {
            budget -= 1
            guard budget >= 0 else { throw .limit("YAML expands to more than \(limits.maxNodes) values (alias bomb?)") }
            guard depth <= limits.maxDepth else { throw .limit("YAML nested deeper than \(limits.maxDepth) levels") }
            let node: Node
            switch event.type {
            case YAML_ALIAS_EVENT:
                guard var target = anchors[event.anchor ?? ""] else { throw failure("found undefined alias", at: event.start) }
                budget -= target.count
                guard budget >= 0 else { throw .limit("YAML expands to more than \(limits.maxNodes) values (alias bomb?)") }
                target.start = offsets[event.start]
                target.end = offsets[event.end]
                target.style = .plain
                return target
            case YAML_SCALAR_EVENT:
                node = Node(value: try scalarValue(event), text: event.text, style: event.style, start: offsets[event.start],
                            end: offsets[event.end], count: 1, isEmpty: event.isPlainUntagged && event.text.isEmpty)
            case YAML_SEQUENCE_START_EVENT:
                var items: [YAMLValue] = []
                var count = 1
                while true {
                    let item = try next()
                    if item.type == YAML_SEQUENCE_END_EVENT {
                        node = Node(value: .list(items), text: nil, style: event.style, start: offsets[event.start],
                                    end: offsets[item.end], count: count, isEmpty: false)
                        break
                    }
                    let child = try self.node(item, depth: depth + 1)
                    items.append(child.value)
                    count += child.count
                }
            case YAML_MAPPING_START_EVENT:
                node = try mapping(event, depth: depth, topLevel: false).node
            default:
                throw failure("unexpected YAML event", at: event.start)
            }
            if let anchor = event.anchor { anchors[anchor] = node }
            return node
        }

        /// A mapping; at the top level its entries keep their places and repeated keys are
        /// allowed (the front matter reports them), below it a repeated key is an error.
        mutating func mapping(_ event: Event, depth: Int, topLevel: Bool) throws(YAMLReader.Failure) -> (node: Node, entries: [Entry]) {
            var pairs: [YAMLPair] = []
            var entries: [Entry] = []
            var seen: Set<YAMLValue> = []
            var count = 1
            while true {
                let keyEvent = try next()
                if keyEvent.type == YAML_MAPPING_END_EVENT {
                    let node = Node(value: .map(pairs), text: nil, style: event.style, start: offsets[event.start],
                                    end: offsets[keyEvent.end], count: count, isEmpty: false)
                    return (node, entries)
                }
                let key = try self.node(keyEvent, depth: depth + 1)
                guard let text = key.text else {
                    throw failure("a key that is itself a \(key.value.typeName) cannot be read; quote it to make it text",
                                  at: keyEvent.start)
                }
                let keyText = restore(text)
                if !topLevel, !seen.insert(key.value).inserted {
                    throw .duplicateKeys(message: "duplicate key: \(keyText)",
                                         line: Int(keyEvent.start.line) + 1, column: Int(keyEvent.start.column) + 1)
                }
                let value = try self.node(try next(), depth: depth + 1)
                count += key.count + value.count
                pairs.append(YAMLPair(key: keyText, value: value.value))
                if topLevel {
                    let keyBytes = propertiesSkipped(key.start..<max(key.start, key.end))
                    let valueBytes = value.isEmpty ? afterColon(keyBytes.upperBound, before: max(keyBytes.upperBound, value.start))
                        : value.start..<max(value.start, value.end)
                    entries.append(Entry(key: keyText, keyBytes: keyBytes, start: key.start, valueBytes: valueBytes,
                                         value: value.value, style: value.style))
                }
            }
        }

        /// The value of a scalar: plain and untagged as YAML 1.1 types it, quoted or `!`
        /// as a string, and with a standard tag as that tag says.
        func scalarValue(_ event: Event) throws(YAMLReader.Failure) -> YAMLValue {
            let text = restore(event.text)
            if event.isPlainUntagged { return PlainScalarResolver.value(of: text) }
            let prefix = "tag:yaml.org,2002:"
            guard let tag = event.tag, tag.hasPrefix(prefix) else { return .string(text) }
            let name = tag.dropFirst(prefix.count)
            let typed: YAMLValue?
            switch name {
            case "int", "float": typed = PlainScalarResolver.number(text).map(YAMLValue.number)
            case "bool":
                typed = PlainScalarResolver.trues.contains(text) ? .bool(true) : PlainScalarResolver.falses.contains(text) ? .bool(false) : nil
            case "null": typed = PlainScalarResolver.nulls.contains(text) ? .null : nil
            case "timestamp":
                typed = DateText.isCalendarDate(text) ? .date(text) : DateText.isYAMLTimestamp(text) ? .datetime(text) : nil
            default: typed = .string(text)
            }
            guard let typed else { throw failure("'\(text)' is not a valid !!\(name)", at: event.start) }
            return typed
        }

        /// `range` without the anchor (`&a`) and tag (`!t`) written before a key.
        func propertiesSkipped(_ range: Range<Int>) -> Range<Int> {
            var start = range.lowerBound
            while start < range.upperBound, bytes[start] == UInt8(ascii: "&") || bytes[start] == UInt8(ascii: "!") {
                while start < range.upperBound, !Byte.isWhitespace(bytes[start]) { start += 1 }
                while start < range.upperBound, Byte.isWhitespace(bytes[start]) { start += 1 }
            }
            return start..<range.upperBound
        }

        /// The empty range after the `:` between `offset` and `end` and the blanks after it;
        /// at `offset` when there is no `:` (a key without a value, `? a` or `{a}`).
        func afterColon(_ offset: Int, before end: Int) -> Range<Int> {
            var index = offset
            while index < end, bytes[index] != Byte.colon { index += 1 }
            guard index < end else { return offset..<offset }
            index += 1
            while index < end, bytes[index] == Byte.space || bytes[index] == Byte.tab { index += 1 }
            return index..<index
        }

        mutating func next() throws(YAMLReader.Failure) -> Event {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else {
                let mark = parser.pointee.problem_mark
                let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unreadable YAML"
                let context = parser.pointee.context.map { String(cString: $0) + " " } ?? ""
                throw .syntax(message: context + problem, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            }
            defer { yaml_event_delete(&event) }
            func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            }
            var result = Event(type: event.type, anchor: nil, tag: nil, text: "", isPlainUntagged: false, style: .plain,
                               start: event.start_mark, end: event.end_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                result.anchor = string(scalar.anchor)
                result.tag = string(scalar.tag)
                result.text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                result.isPlainUntagged = scalar.plain_implicit == 1 && scalar.style == YAML_PLAIN_SCALAR_STYLE && result.tag == nil
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: result.style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: result.style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: result.style = .literal
                case YAML_FOLDED_SCALAR_STYLE: result.style = .folded
                default: result.style = .plain
                }
            case YAML_SEQUENCE_START_EVENT:
                result.anchor = string(event.data.sequence_start.anchor)
                result.style = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block
            case YAML_MAPPING_START_EVENT:
                result.anchor = string(event.data.mapping_start.anchor)
                result.style = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block
            case YAML_ALIAS_EVENT:
                result.anchor = string(event.data.alias.anchor)
            default: break
            }
            return result
        }

        func failure(_ message: String, at mark: yaml_mark_t) -> YAMLReader.Failure {
            .syntax(message: message, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }
    }
}

/// Byte offsets of libyaml's marks, which count characters.
private struct ByteOffsets {
    /// The byte offset of each character, and of the end; empty for ASCII text.
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        guard bytes.contains(where: { $0 >= 0x80 }) else { starts = []; return }
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count + 1)
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        starts.append(bytes.count)
        self.starts = starts
    }

    subscript(mark: yaml_mark_t) -> Int {
        let index = Int(mark.index)
        return starts.isEmpty ? index : starts[min(index, starts.count - 1)]
    }
}
