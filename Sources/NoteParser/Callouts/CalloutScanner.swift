import Foundation

/// Finds callouts and query callouts among the block quotes of a parsed body.
struct CalloutScanner {
    let source: SourceText

    /// The callouts among `quotes`, a body's block quotes in document order.
    func callouts(in quotes: [MarkdownNode]) -> [Callout] {
        var found: [Callout] = []
        for node in quotes {
            guard let range = node.range else { continue }
            let depth = node.ancestorCount(of: .blockQuote)
            if let callout = callout(range, depth: depth) { found.append(callout) }
        }
        return found
    }

    /// Where the content of a quoted line in `bytes[start..<end]` starts: after the `>` markers
    /// (and one following space each) that open it. Read on bytes so that long lines of deeply
    /// nested quotes stay cheap, and the content is made a string once.
    static func unquotedStart(in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                if index < end, bytes[index] == Byte.space { index += 1 }
            } else if bytes[index] == Byte.space {
                // Four spaces open indented code: the rest is content.
                if index + 4 <= end, bytes[index + 1] == Byte.space, bytes[index + 2] == Byte.space, bytes[index + 3] == Byte.space { break }
                index += 1
            } else {
                break
            }
        }
        return index
    }

    /// `text.firstIndex(of: "]")`, found on its bytes when the first `]` byte has ASCII bytes
    /// (or the text's ends) on both sides: that byte is then a character of its own, and no
    /// earlier character is `]`. Otherwise (a mark after it, a prepended character before it)
    /// the characters are searched.
    static func firstCloseBracket(in text: String) -> String.Index? {
        let utf8 = text.utf8
        guard let bracket = utf8.firstIndex(of: Byte.closeBracket) else { return nil }
        let after = utf8.index(after: bracket)
        if (bracket == utf8.startIndex || utf8[utf8.index(before: bracket)] < 0x80), after == utf8.endIndex || utf8[after] < 0x80 {
            return bracket
        }
        return text.firstIndex(of: "]")
    }

    /// The text of a line without the `>` markers that open it (`unquotedStart`).
    static func unquotedLine(_ line: Int, in source: SourceText) -> String {
        let range = source.lineRange(line)
        return source.string(unquotedStart(in: source.bytes, from: range.lowerBound, to: range.upperBound)..<range.upperBound)
    }

    private func callout(_ range: SourceRange, depth: Int) -> Callout? {
        let line = range.start.line, lineEnd = source.lineEnd(line), bytes = source.bytes
        let markerOffset = Self.unquotedStart(in: bytes, from: range.start.offset, to: lineEnd)
        // Only a line whose bytes start with `[!` starts with those characters (no other is
        // canonically equivalent to either): the line of most block quotes is not made a string.
        guard markerOffset + 2 <= lineEnd, bytes[markerOffset] == Byte.openBracket, bytes[markerOffset + 1] == UInt8(ascii: "!") else { return nil }
        let text = source.string(markerOffset..<lineEnd)
        guard text.hasPrefix("[!"), let close = Self.firstCloseBracket(in: text) else { return nil }
        let type = String(text[text.index(text.startIndex, offsetBy: 2)..<close])
        guard !type.isEmpty, !type.utf8.contains(Byte.openBracket) else { return nil }
        var rest = text[text.index(after: close)...]
        var fold = Callout.Fold.none
        if let marker = rest.first, marker == "+" || marker == "-" {
            fold = marker == "+" ? .expanded : .collapsed
            rest = rest.dropFirst()
        }
        let bodyStart = min(source.lineEnd(line) + 1, range.end.offset)
        let bodyLines = range.end.line > line
            ? ((line + 1)...range.end.line).map { Self.unquotedLine($0, in: source) } : []
        return Callout(type: type, normalizedType: Callout.normalize(type), fold: fold,
                       title: rest.trimmed(), range: range,
                       typeRange: source.range(markerOffset..<(markerOffset + type.utf8.count + 3)),
                       bodyRange: source.range(bodyStart..<max(bodyStart, range.end.offset)),
                       depth: depth, bodyLines: bodyLines)
    }
}

/// Recognises LLM query callouts and the response that follows each.
struct QueryCalloutScanner {
    let source: SourceText
    /// Lines where a response ends: thematic breaks and citation section headings.
    let responseStops: [Int]

    // Regex is not Sendable, yet matching one from several threads is safe: it compiles its program once, stored atomically.
    nonisolated(unsafe) static let header = #/\*\*\s*([A-Za-z][A-Za-z0-9 .\-]*?)\s+Query\s*\*\*:?\s*(?:\(([^)]*)\))?/#
    nonisolated(unsafe) static let model = #/\*\*Model:?\*\*:?\s*`?([^`\s][^`]*?)`?\s*$/#
    nonisolated(unsafe) static let responseFrom = #/^(?:#+\s*)?\*\*Response from ([^*]+?)\*\*:?\s*$/#

    func queries(in callouts: [Callout]) -> [QueryCallout] {
        var found: [(callout: Callout, match: (provider: String, timestamp: String?, headerRange: SourceRange))] = []
        for callout in callouts {
            if let match = header(of: callout) { found.append((callout, match)) }
        }
        return found.enumerated().map { index, item in
            let next = index + 1 < found.count ? found[index + 1].callout.range.start.offset : nil
            return query(item.callout, header: item.match, nextQueryStart: next)
        }
    }

    /// The header on the callout's first line (title) or its first body line.
    private func header(of callout: Callout) -> (provider: String, timestamp: String?, headerRange: SourceRange)? {
        for line in callout.range.start.line...min(callout.range.start.line + 1, callout.range.end.line) {
            let text = source.lineString(line)
            // The regular expressions run only on lines holding their literal words.
            guard text.byteRange(of: "Query") != nil, let match = Self.firstHeader(in: text) else { continue }
            let start = source.lineStarts[line - 1] + text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
            let end = source.lineStarts[line - 1] + text.utf8.distance(from: text.startIndex, to: match.range.upperBound)
            return (String(match.provider), match.timestamp.map(String.init), source.range(start..<end))
        }
        return nil
    }

    /// A header found in a line: where, the provider and the timestamp (as `header` captures them).
    typealias HeaderMatch = (range: Range<String.Index>, provider: Substring, timestamp: Substring?)

    /// `text.firstMatch(of: header)`, tried only where a match can start: at a `**`. An ASCII
    /// line (each character one byte) is matched on its bytes (`asciiHeader`), as the regular
    /// expression would match it, without its engine's cost.
    static func firstHeader(in text: String) -> HeaderMatch? {
        var rest = text[...]
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        while let stars = rest.byteRange(of: "**") {
            if isASCII {
                if let match = asciiHeader(in: text, at: text.utf8.distance(from: text.startIndex, to: stars.lowerBound)) { return match }
            } else if let match = text[stars.lowerBound...].prefixMatch(of: header) {
                return (match.range, match.1, match.2)
            }
            rest = text[text.index(after: stars.lowerBound)...]
        }
        return nil
    }

    /// `header`'s prefix match at byte `start` (a `**`) of an ASCII `text`: `**`, blanks, the
    /// provider (a letter, then the fewest letters, digits, spaces, `.` and `-` that blanks and
    /// `Query` follow), blanks, `**`, an optional `:`, blanks, and an optional `(timestamp)`.
    static func asciiHeader(in text: String, at start: Int) -> HeaderMatch? {
        let bytes = Array(text.utf8)
        // `\s` of an ASCII character: space and `\t` to `\r`.
        func isBlank(_ index: Int) -> Bool { index < bytes.count && Byte.isCharacterWhitespace(bytes[index]) }
        func skipBlanks(_ index: Int) -> Int {
            var index = index
            while isBlank(index) { index += 1 }
            return index
        }
        func isProviderByte(_ byte: UInt8) -> Bool {
            Byte.isLetter(byte) || Byte.isDigit(byte) || byte == Byte.space || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
        func starts(_ literal: StaticString, at index: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            return index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == literal.utf8Start[$0] }
        }
        guard starts("**", at: start) else { return nil }
        let providerStart = skipBlanks(start + 2)
        guard providerStart < bytes.count, Byte.isLetter(bytes[providerStart]) else { return nil }
        var providerEnd = providerStart + 1
        while true {
            // The rest after the provider, tried at each end from the shortest on.
            if isBlank(providerEnd) {
                let query = skipBlanks(providerEnd)
                if starts("Query", at: query) {
                    let stars = skipBlanks(query + 5)
                    if starts("**", at: stars) {
                        var end = stars + 2
                        if end < bytes.count, bytes[end] == Byte.colon { end += 1 }
                        end = skipBlanks(end)
                        var timestamp: Range<Int>?
                        if end < bytes.count, bytes[end] == UInt8(ascii: "("),
                           let close = bytes[(end + 1)...].firstIndex(of: UInt8(ascii: ")")) {
                            timestamp = (end + 1)..<close
                            end = close + 1
                        }
                        let utf8 = text.utf8
                        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
                        return (index(start)..<index(end), text[index(providerStart)..<index(providerEnd)],
                                timestamp.map { text[index($0.lowerBound)..<index($0.upperBound)] })
                    }
                }
            }
            guard providerEnd < bytes.count, isProviderByte(bytes[providerEnd]) else { return nil }
            providerEnd += 1
        }
    }

    /// `text.firstMatch(of: model)`'s model. A line of ASCII bytes without a newline (each
    /// character one byte) is matched on its bytes (`asciiModel`), as the regular expression would.
    static func firstModel(in text: String) -> Substring? {
        guard text.utf8.allSatisfy({ $0 < 0x80 && $0 != Byte.newline }) else { return text.firstMatch(of: model).map(\.1) }
        return asciiModel(in: text)
    }

    /// `model`'s first match in an ASCII `text`, tried at each `**Model` from the left: `**Model`,
    /// an optional `:`, `**`, an optional `:`, blanks and an optional backtick, then the model: a
    /// character neither a backtick nor blank, and the fewest more without a backtick that leave
    /// only an optional backtick and blanks to the end.
    static func asciiModel(in text: String) -> Substring? {
        let bytes = Array(text.utf8), backtick = UInt8(ascii: "`")
        func isBlank(_ index: Int) -> Bool { index < bytes.count && Byte.isCharacterWhitespace(bytes[index]) }
        func starts(_ literal: StaticString, at index: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            return index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == literal.utf8Start[$0] }
        }
        var trimmedEnd = bytes.count
        while trimmedEnd > 0, Byte.isCharacterWhitespace(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
        // The model starting at `start`, when the rest of the text matches from there.
        func model(at start: Int) -> Range<Int>? {
            guard start < bytes.count, !isBlank(start), bytes[start] != backtick else { return nil }
            let end = bytes[trimmedEnd - 1] == backtick && trimmedEnd - 1 > start ? trimmedEnd - 1 : trimmedEnd
            return bytes[(start + 1)..<end].contains(backtick) ? nil : start..<end
        }
        for stars in bytes.indices where starts("**Model", at: stars) {
            var after = stars + 7
            if after < bytes.count, bytes[after] == Byte.colon { after += 1 }
            guard starts("**", at: after) else { continue }
            after += 2
            // The optional `:` taken, then (when that fails) left to be the model's first character.
            var start = after
            if start < bytes.count, bytes[start] == Byte.colon { start += 1 }
            while isBlank(start) { start += 1 }
            if start < bytes.count, bytes[start] == backtick { start += 1 }
            guard let found = model(at: start) ?? (after < bytes.count && bytes[after] == Byte.colon ? model(at: after) : nil) else { continue }
            let utf8 = text.utf8
            return text[utf8.index(utf8.startIndex, offsetBy: found.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: found.upperBound)]
        }
        return nil
    }

    private func query(_ callout: Callout, header: (provider: String, timestamp: String?, headerRange: SourceRange),
                       nextQueryStart: Int?) -> QueryCallout {
        var question: [String] = []
        var model: String?
        var imageStart: Int?
        var inQuestion = false
        // The lines after the first are the callout's body lines, already unquoted.
        let first = callout.range.start.line
        for line in first...callout.range.end.line {
            let text = (line == first ? CalloutScanner.unquotedLine(line, in: source) : callout.bodyLines[line - first - 1]).trimmed()
            // Each marker holds `**`: a line without a `*` (found by `memchr`) can only be question text.
            let hasStar = text.utf8.withContiguousStorageIfAvailable { Byte.offset(of: UInt8(ascii: "*"), in: $0, range: 0..<$0.count) != nil } ?? true
            if !hasStar {
                if inQuestion { question.append(text) }
            } else if text.hasPrefix("**Question:**") {
                inQuestion = true
                let rest = text.dropFirst("**Question:**".count).trimmed()
                if !rest.isEmpty { question.append(rest) }
            } else if text.byteRange(of: "**Model") != nil, let found = Self.firstModel(in: text) {
                model = String(found)
                inQuestion = false
            } else if text.hasPrefix("**Image References:**") {
                imageStart = source.lineStarts[line - 1]
                inQuestion = false
            } else if text.byteRange(of: "**Response from ") != nil, let match = Self.responseModel(in: text) {
                model = model ?? String(match)
                inQuestion = false
            } else if inQuestion {
                question.append(text)
            }
        }
        while question.last?.isEmpty == true { question.removeLast() }
        var responseStart = min(callout.range.end.offset + 1, source.bytes.count)
        let afterLine = callout.range.end.line + 1
        if afterLine <= source.lineCount {
            // An older plugin wrote `### **Response from MODEL**:` just after the callout.
            for line in afterLine...min(afterLine + 1, source.lineCount) {
                let text = source.trimmedLine(line)
                if text.byteRange(of: "**Response from ") != nil, let match = Self.responseModel(in: text) {
                    model = model ?? String(match)
                    responseStart = min(source.lineEnd(line) + 1, source.bytes.count)
                }
            }
        }
        var responseEnd = nextQueryStart ?? source.bytes.count
        if let stop = responseStops.first(where: { source.lineStarts[$0 - 1] >= responseStart }) {
            responseEnd = min(responseEnd, source.lineStarts[stop - 1])
        }
        while responseStart < responseEnd, Byte.isWhitespace(source.bytes[responseStart]) { responseStart += 1 }
        while responseEnd > responseStart, Byte.isWhitespace(source.bytes[responseEnd - 1]) { responseEnd -= 1 }
        let response = responseEnd > responseStart ? source.range(responseStart..<responseEnd) : nil
        return QueryCallout(provider: header.provider, timestamp: header.timestamp,
                            question: question.joined(separator: "\n"), model: model, callout: callout,
                            headerRange: header.headerRange,
                            imageReferencesRange: imageStart.map { source.range($0..<callout.range.end.offset) },
                            responseRange: response)
    }
}
