/// Parses a template's bytes into tokens, line by line as swift-mustache does: a section,
/// inverted section, comment, partial or set-delimiter tag alone on its line (with only spaces
/// and tabs around it) takes its line's whitespace and newline with it; a partial keeps the
/// whitespace before it as the indentation of its lines.
struct TemplateParser {
    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var depth = 0
        var newLine = true
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
    }

    /// How deep sections may nest (the parser recurses once per level).
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseTemplate() throws -> [Token] {
        try parse(State())
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private mutating func parse(_ initial: State) throws -> [Token] {
        var tokens: [Token] = []
        var state = initial
        var whitespaceBefore: ArraySlice<UInt8> = []
        while position < bytes.count {
            if state.newLine { whitespaceBefore = readSpaces() }
            let text = readUntilTagOrNewline(state)
            if let length = newlineLength(at: position) {
                tokens.append(.text(Self.string(whitespaceBefore + text + bytes[position..<position + length])))
                state.newLine = true
                position += length
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(Self.string(whitespaceBefore + text)))
                whitespaceBefore = []
                state.newLine = false
            }
            guard position < bytes.count else { break }
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty { tokens.append(.text(Self.string(whitespaceBefore))) }
                whitespaceBefore = []
            }
            var setNewLine = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhitespace() }
                guard state.depth < Self.maximumDepth else { throw error("sections nested more than \(Self.maximumDepth) deep") }
                var inner = state
                inner.depth += 1
                inner.sectionName = name
                inner.sectionTransforms = transforms
                if !setNewLine { inner.newLine = false }
                let section = try parse(inner)
                tokens.append(.section(try Self.name(name, transforms), section, inverted: inverted))
            case UInt8(ascii: "/"):
                position += 1
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    throw error(state.sectionName.map { "closes \(name) where \($0) is open" } ?? "closes \(name), which is not open")
                }
                if !isStandalone(state) { flushWhitespace() }
                return tokens
            case UInt8(ascii: "!"):
                position += 1
                guard let close = find(state.end, from: position) else { throw error("unfinished comment") }
                position = close + state.end.count
                setNewLine = isStandalone(state)
            case UInt8(ascii: "{"):
                flushWhitespace()
                position += 1
                let (name, transforms) = try parseName(state)
                guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else { throw error("unfinished tag") }
                position += 1
                tokens.append(.variable(try Self.name(name, transforms), escaped: false))
            case UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                let (name, transforms) = try parseName(state)
                tokens.append(.variable(try Self.name(name, transforms), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                let dynamic = position < bytes.count && bytes[position] == UInt8(ascii: "*")
                if dynamic { position += 1 }
                let name = try parsePartialName(state)
                if !whitespaceBefore.isEmpty { tokens.append(.text(Self.string(whitespaceBefore))) }
                if isStandalone(state) {
                    setNewLine = true
                    tokens.append(.partial(name, dynamic: dynamic, indentation: Self.string(whitespaceBefore)))
                } else {
                    tokens.append(.partial(name, dynamic: dynamic, indentation: nil))
                }
                whitespaceBefore = []
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw error("template inheritance ({{< }} and {{$ }}) is not supported")
            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(&state)
                setNewLine = isStandalone(state)
            case UInt8(ascii: "%"):
                position += 1
                tokens.append(try contentType(state))
                setNewLine = isStandalone(state)
            default:
                flushWhitespace()
                let (name, transforms) = try parseName(state)
                tokens.append(.variable(try Self.name(name, transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw error("section \(open) is not closed") }
        return tokens
    }

    /// The text up to a newline (left unread) or a tag's opening delimiter (read).
    private mutating func readUntilTagOrNewline(_ state: State) -> [UInt8] {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.newline || (byte == Self.carriageReturn && position + 1 < bytes.count && bytes[position + 1] == Self.newline) {
                return Array(bytes[start..<position])
            }
            if byte == state.start[0], matches(state.start, at: position) {
                let text = Array(bytes[start..<position])
                position += state.start.count
                return text
            }
            position += 1
        }
        return Array(bytes[start..<position])
    }

    /// The length of the newline at `index` (`\n`, `\r\n`, a lone `\r`, vertical tab, form
    /// feed, NEL, LS or PS: what Swift calls a newline character), nil when none is there.
    private func newlineLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case Self.newline, 0x0B, 0x0C: return 1
        case Self.carriageReturn: return index + 1 < bytes.count && bytes[index + 1] == Self.newline ? 2 : 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : nil
        case 0xE2: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : nil
        default: return nil
        }
    }

    private func isWhitespace(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        return bytes[index] == Self.space || bytes[index] == Self.tab || newlineLength(at: index) != nil
    }

    private mutating func readSpaces() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, bytes[position] == Self.space || bytes[position] == Self.tab { position += 1 }
        return bytes[start..<position]
    }

    private mutating func skipWhitespace() {
        while isWhitespace(at: position) { position += newlineLength(at: position) ?? 1 }
    }

    /// True (and the rest of the line read) when the tag just read began a line and only
    /// spaces and tabs follow it up to a newline or the end.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position >= bytes.count { return true }
        var index = position
        while index < bytes.count, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
        guard let length = newlineLength(at: index) else { return false }
        position = index + length
        return true
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        index + pattern.count <= bytes.count && bytes[index..<index + pattern.count].elementsEqual(pattern)
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8, brackets: Bool, slash: Bool = false) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            return true
        case UInt8(ascii: "("), UInt8(ascii: ")"): return brackets
        case UInt8(ascii: "/"): return slash
        default: return false
        }
    }

    /// A tag's name and its transforms (`uppercased(name)` → `name`, `["uppercased"]`), the
    /// closing delimiter read.
    private mutating func parseName(_ state: State) throws -> (String, [String]) {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position], brackets: true) { position += 1 }
        let text = Array(bytes[start..<position])
        skipWhitespace()
        guard matches(state.end, at: position) else { throw error("unfinished tag") }
        position += state.end.count
        guard let open = text.firstIndex(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) else {
            return (String(decoding: text, as: UTF8.self), [])
        }
        // `a(b(name))`: transforms a, b applied to name; as many `)` as `(` close it.
        guard text[open] == UInt8(ascii: "(") else { throw error("unfinished tag") }
        var transforms = [String(decoding: text[..<open], as: UTF8.self)]
        var index = open + 1
        while true {
            let nameStart = index
            while index < text.count, Self.isNameByte(text[index], brackets: false) { index += 1 }
            let name = String(decoding: text[nameStart..<index], as: UTF8.self)
            guard index < text.count else { throw error("unfinished tag") }
            if text[index] == UInt8(ascii: "(") {
                transforms.append(name)
                index += 1
                continue
            }
            let closing = text[index...]
            guard closing.allSatisfy({ $0 == UInt8(ascii: ")") }), closing.count == transforms.count else { throw error("unfinished tag") }
            return (name, transforms)
        }
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position], brackets: true, slash: true) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(state.end, at: position) else { throw error("unfinished tag") }
        position += state.end.count
        return name
    }

    /// `{{=<% %>=}}`: the new opening and closing delimiters.
    private mutating func setDelimiters(_ state: inout State) throws {
        skipWhitespace()
        let start = position
        while position < bytes.count, !isWhitespace(at: position) { position += 1 }
        guard position < bytes.count else { throw error("invalid set delimiter tag") }
        let opening = Array(bytes[start..<position])
        skipWhitespace()
        let endStart = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "="), !isWhitespace(at: position) { position += 1 }
        guard position < bytes.count else { throw error("invalid set delimiter tag") }
        let closing = Array(bytes[endStart..<position])
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "="), matches(state.end, at: position + 1),
              !opening.isEmpty, !closing.isEmpty else { throw error("invalid set delimiter tag") }
        position += 1 + state.end.count
        state.start = opening
        state.end = closing
    }

    /// `{{% CONTENT_TYPE: TEXT }}` (no escaping) or `HTML`.
    private mutating func contentType(_ state: State) throws -> Token {
        func word() -> String {
            let start = position
            while position < bytes.count, Self.isNameByte(bytes[position], brackets: false) { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        skipWhitespace()
        let variable = word()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("invalid {{% }} tag") }
        position += 1
        skipWhitespace()
        let value = word()
        skipWhitespace()
        guard matches(state.end, at: position), variable == "CONTENT_TYPE" else { throw error("invalid {{% }} tag") }
        position += state.end.count
        switch value {
        case "HTML": return .contentType(escapes: true)
        case "TEXT": return .contentType(escapes: false)
        default: throw error("unknown content type \(value)")
        }
    }

    private static func name(_ text: String, _ transforms: [String]) throws -> TemplateName {
        if text == "." { return TemplateName(anchor: .current, parts: [], transforms: transforms) }
        if text.isEmpty, !transforms.isEmpty { return TemplateName(anchor: .sequence, parts: [], transforms: transforms) }
        let parts = text.split(separator: ".").map { TemplateKey(String($0)) }
        return TemplateName(anchor: text.hasPrefix(".") ? .top : .stack, parts: parts, transforms: transforms)
    }

    /// Text of the template: cut at delimiters and newlines, which are whole characters, so
    /// it is valid UTF-8 (the template's bytes are a `String`'s).
    private static func string(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private func error(_ message: String) -> TemplateError {
        let line = bytes[..<min(position, bytes.count)].count { $0 == Self.newline } + 1
        return TemplateError(description: "line \(line): \(message)")
    }
}
