/// Finds the front-matter block of a note, splits it into entries and types their values.
struct FrontMatterScanner {
    let source: SourceText
    let reader: YAMLReader

    /// The front matter, or nil when the note does not start with a `---` line.
    func scan() -> FrontMatter? {
        let bom = source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard source.lineCount > 0, isDelimiter(line: 1, from: bom, allowDots: false) else { return nil }
        let opening = lines(1, 1, source.lineStarts[0]..<source.lineEnd(1))
        guard let closingLine = (2...max(2, source.lineCount)).first(where: { $0 <= source.lineCount && isDelimiter(line: $0, allowDots: true) }),
              closingLine <= source.lineCount else {
            let whole = source.range(0..<source.bytes.count)
            let error = ParseDiagnostic(code: .unterminatedFrontMatter,
                                        message: "front matter opened on line 1 is never closed with '---'", range: opening)
            return FrontMatter(range: whole, openingDelimiter: opening, closingDelimiter: nil,
                               contentRange: source.range(source.lineStarts[min(1, source.lineCount - 1)]..<source.bytes.count),
                               entries: [], error: error, secondBlock: nil, isFlow: false)
        }
        let closing = lines(closingLine, closingLine, source.lineStarts[closingLine - 1]..<source.lineEnd(closingLine))
        let contentStart = source.lineStarts[1]
        let contentEnd = source.lineStarts[closingLine - 1]
        let (entries, error, isFlow, keysAreUnique) = typedEntries(contentStart: contentStart, contentEnd: contentEnd, closingLine: closingLine)
        return FrontMatter(range: lines(1, closingLine, 0..<closing.end.offset), openingDelimiter: opening, closingDelimiter: closing,
                           contentRange: lines(2, closingLine, contentStart..<contentEnd), entries: entries, error: error,
                           secondBlock: secondBlock(after: closingLine), isFlow: isFlow, keysAreUnique: keysAreUnique)
    }

    /// The range of `bytes`, which start on line `first` and end on line `last` (each
    /// position found without a search when it is there, as `position(at:onLine:)` does).
    private func lines(_ first: Int, _ last: Int, _ bytes: Range<Int>) -> SourceRange {
        SourceRange(start: source.position(at: bytes.lowerBound, onLine: first), end: source.position(at: bytes.upperBound, onLine: last))
    }

    private func isDelimiter(line: Int, from start: Int? = nil, allowDots: Bool) -> Bool {
        let start = start ?? source.lineStarts[line - 1]
        var end = source.lineEnd(line)
        // Most lines are entries: their first byte tells (on the bytes in place, without a slice).
        return source.bytes.withUnsafeBufferPointer { bytes in
            guard end - start >= 3 else { return false }
            let mark = bytes[start]
            guard mark == UInt8(ascii: "-") || (allowDots && mark == UInt8(ascii: ".")) else { return false }
            while end > start, bytes[end - 1] == Byte.space || bytes[end - 1] == Byte.tab || bytes[end - 1] == Byte.carriageReturn { end -= 1 }
            return end - start == 3 && bytes[start + 1] == mark && bytes[start + 2] == mark
        }
    }

    /// A key line and its continuation lines.
    private struct EntrySpan {
        var key: String
        var keyBytes: Range<Int>
        var valueStart: Int
        var firstLine: Int
        var lastLine: Int
    }

    /// Splits lines into entries: a top-level `key:` line starts one; indented, list and
    /// colon-less lines continue it; blank and comment lines between entries belong to none.
    private func entrySpans(lines: Range<Int>) -> [EntrySpan] {
        var spans: [EntrySpan] = []
        for line in lines {
            let range = source.lineRange(line)
            guard let first = source.bytes[range].first(where: { $0 != UInt8(ascii: "\r") }) else { continue }
            let isBlank = source.bytes[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            if isBlank || first == UInt8(ascii: "#") { continue }
            if first != UInt8(ascii: " "), first != UInt8(ascii: "\t"), first != UInt8(ascii: "-"),
               let (key, keyBytes, valueStart) = keyOf(range) {
                spans.append(EntrySpan(key: key, keyBytes: keyBytes, valueStart: valueStart, firstLine: line, lastLine: line))
            } else if !spans.isEmpty {
                spans[spans.count - 1].lastLine = line
            }
        }
        return spans
    }

    /// The key of a top-level line: quoted, or plain up to the first `: ` or a final `:`.
    private func keyOf(_ range: Range<Int>) -> (String, Range<Int>, Int)? {
        guard !range.isEmpty else { return nil }
        let bytes = source.bytes
        var index = range.lowerBound
        var keyEnd: Int
        if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
            let quote = bytes[index]
            guard let close = bytes[(index + 1)..<range.upperBound].firstIndex(of: quote) else { return nil }
            keyEnd = close + 1
            index = keyEnd
            while index < range.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < range.upperBound, bytes[index] == UInt8(ascii: ":") else { return nil }
        } else {
            guard bytes[index] != UInt8(ascii: "["), bytes[index] != UInt8(ascii: "{") else { return nil }
            while index < range.upperBound {
                if bytes[index] == UInt8(ascii: ":"),
                   index + 1 == range.upperBound || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[index + 1]) {
                    break
                }
                index += 1
            }
            guard index < range.upperBound else { return nil }
            keyEnd = index
            while keyEnd > range.lowerBound, bytes[keyEnd - 1] == UInt8(ascii: " ") { keyEnd -= 1 }
        }
        var valueStart = index + 1
        while valueStart < range.upperBound, bytes[valueStart] == UInt8(ascii: " ") || bytes[valueStart] == UInt8(ascii: "\t") { valueStart += 1 }
        var key = source.string(range.lowerBound..<keyEnd)
        if let quote = key.first, quote == "\"" || quote == "'" { key = String(key.dropFirst().dropLast()) }
        return (key, range.lowerBound..<keyEnd, valueStart)
    }

    /// Reads the block once, entries where YAML puts them; when that fails, splits it into
    /// entries by lines and reads each alone, so the good entries still get their values and
    /// the bad ones a located error.
    private func typedEntries(contentStart: Int, contentEnd: Int, closingLine: Int)
        -> (entries: [FrontMatterEntry], error: ParseDiagnostic?, isFlow: Bool, keysAreUnique: Bool) {
        // The block's bytes read in place, not made a string.
        let read = source.bytes.withUnsafeBufferPointer { bytes in
            Result { () throws(YAMLReader.Failure) in try reader.readMapping(UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])) }
        }
        let failure: YAMLReader.Failure
        switch read {
        case .success(let mapping):
            return (entries(mapping, contentStart: contentStart, closingLine: closingLine), nil, mapping.isFlow, mapping.keysAreUnique)
        case .failure(let error):
            failure = error
        }
        let spans = entrySpans(lines: 2..<closingLine)
        let blockError = diagnostic(failure, lineOffset: 1)
        // Over a limit (alias bomb), entries read alone would only report dangling aliases.
        if case .limit = failure { return (spans.map { entry($0, typed: nil, error: nil) }, blockError, false, false) }
        let entries = spans.map { span -> FrontMatterEntry in
            let entryText = source.string(source.lineStarts[span.firstLine - 1]..<source.lineEnd(span.lastLine))
            do throws(YAMLReader.Failure) {
                return entry(span, typed: try reader.readMapping(entryText).entries.last, error: nil)
            } catch {
                return entry(span, typed: nil, error: diagnostic(error, lineOffset: span.firstLine - 1))
            }
        }
        return (entries, blockError, false, false)
    }

    /// The entries of a mapping read whole: a `{...}` block's entries are their own bytes, a
    /// block mapping's take whole lines, up to the next entry's line without the blank and
    /// comment lines before it.
    private func entries(_ mapping: YAMLComposer.Mapping, contentStart: Int, closingLine: Int) -> [FrontMatterEntry] {
        // Each entry's first line, found by walking the lines on from the previous entry's (the
        // entries are in source order) rather than by a search from the first line.
        func startLine(of parsed: YAMLComposer.Entry, from line: Int) -> Int {
            var line = line
            while line < source.lineCount, source.lineStarts[line] <= contentStart + parsed.start { line += 1 }
            return line
        }
        var entries: [FrontMatterEntry] = []
        entries.reserveCapacity(mapping.entries.count)
        var nextFirstLine = mapping.entries.first.map { startLine(of: $0, from: 1) } ?? 1
        for index in mapping.entries.indices {
            let parsed = mapping.entries[index]
            // Positions found from the lines they are likely on (`position(at:onLine:)` searches
            // only when they are not): the entry's first line, and its last for its end.
            let firstLine = nextFirstLine
            if index + 1 < mapping.entries.count { nextFirstLine = startLine(of: mapping.entries[index + 1], from: firstLine) }
            var lastLine = firstLine
            func range(_ bytes: Range<Int>) -> SourceRange {
                SourceRange(start: source.position(at: bytes.lowerBound, onLine: firstLine),
                            end: source.position(at: bytes.upperBound, onLine: lastLine))
            }
            let keyRange = range((contentStart + parsed.keyBytes.lowerBound)..<(contentStart + parsed.keyBytes.upperBound))
            let bytes: Range<Int>
            let valueBytes: Range<Int>
            if mapping.isFlow {
                bytes = (contentStart + parsed.start)..<(contentStart + max(parsed.valueBytes.upperBound, parsed.keyBytes.upperBound))
                valueBytes = (contentStart + parsed.valueBytes.lowerBound)..<(contentStart + parsed.valueBytes.upperBound)
            } else {
                lastLine = max(firstLine, (index + 1 < mapping.entries.count ? nextFirstLine : closingLine) - 1)
                while lastLine > firstLine, isBlankOrComment(line: lastLine) { lastLine -= 1 }
                bytes = source.lineStarts[firstLine - 1]..<source.lineEnd(lastLine)
                let valueStart = afterColon(keyRange.end.offset, before: bytes.upperBound)
                valueBytes = valueStart..<trimmedEnd(bytes.upperBound, notBefore: valueStart)
            }
            entries.append(FrontMatterEntry(key: parsed.key, keyRange: keyRange, valueRange: range(valueBytes),
                                            range: range(bytes), sourceBytes: source.bytes, value: parsed.value,
                                            style: parsed.style, error: nil))
        }
        return entries
    }

    /// After the first `:` from `offset` and the blanks after it.
    private func afterColon(_ offset: Int, before end: Int) -> Int {
        var index = offset
        while index < end, source.bytes[index] != Byte.colon { index += 1 }
        index = min(index + 1, end)
        while index < end, source.bytes[index] == Byte.space || source.bytes[index] == Byte.tab { index += 1 }
        return index
    }

    /// `end` moved back over trailing spaces, tabs and carriage returns, never before `start`.
    private func trimmedEnd(_ end: Int, notBefore start: Int) -> Int {
        var end = end
        while end > start, isBlank(source.bytes[end - 1]) { end -= 1 }
        return max(start, end)
    }

    private func isBlankOrComment(line: Int) -> Bool {
        let range = source.lineRange(line)
        // On the buffer: a slice of the array would retain it.
        return source.bytes.withUnsafeBufferPointer { bytes in
            range.first.map { bytes[$0] } == UInt8(ascii: "#") || bytes[range].allSatisfy(isBlank)
        }
    }

    /// Whether a line holds only whitespace (`String.isBlank`), read on the buffer.
    func isBlank(line: Int) -> Bool {
        let range = source.lineRange(line)
        return source.bytes.withUnsafeBufferPointer { bytes in bytes[range].allSatisfy(Byte.isWhitespace) }
    }

    /// Whether a line's text has the prefix `byte` (ASCII, not `\r`), as `String.hasPrefix`
    /// tells: on the bytes when the one after it is ASCII too (a character then ends after
    /// `byte`); otherwise, a combining mark could join it, on the line's string.
    func hasPrefix(_ byte: UInt8, line: Int) -> Bool {
        let range = source.lineRange(line)
        return source.bytes.withUnsafeBufferPointer { bytes in
            guard let first = range.first, bytes[first] == byte else { return false }
            guard first + 1 < range.upperBound, bytes[first + 1] >= 0x80 else { return true }
            return source.lineString(line).hasPrefix(String(UnicodeScalar(byte)))
        }
    }

    /// A space, tab or carriage return.
    private func isBlank(_ byte: UInt8) -> Bool { byte == Byte.space || byte == Byte.tab || byte == Byte.carriageReturn }

    private func entry(_ span: EntrySpan, typed: YAMLComposer.Entry?, error: ParseDiagnostic?) -> FrontMatterEntry {
        let start = source.lineStarts[span.firstLine - 1]
        let end = trimmedEnd(source.lineEnd(span.lastLine), notBefore: span.valueStart)
        return FrontMatterEntry(key: typed?.key ?? span.key, keyRange: source.range(span.keyBytes),
                                valueRange: source.range(span.valueStart..<end),
                                range: source.range(start..<source.lineEnd(span.lastLine)),
                                sourceBytes: source.bytes,
                                value: typed?.value, style: typed?.style, error: error)
    }

    private func diagnostic(_ failure: YAMLReader.Failure, lineOffset: Int) -> ParseDiagnostic {
        switch failure {
        case .syntax(let message, let line, let column), .duplicateKeys(let message, let line, let column):
            let fileLine = min(max(line + lineOffset, 1), source.lineCount)
            let text = source.lineString(fileLine).unicodeScalars
            let scalar = text.index(text.startIndex, offsetBy: max(column - 1, 0), limitedBy: text.endIndex) ?? text.endIndex
            let byteColumn = String(text[..<scalar]).utf8.count + 1
            let position = source.position(line: fileLine, column: byteColumn)
            return ParseDiagnostic(code: .invalidYAML, message: "invalid YAML: \(message)",
                                   range: SourceRange(start: position, end: position))
        case .limit(let message):
            let line = min(lineOffset + 1, source.lineCount)
            return ParseDiagnostic(code: .yamlLimit, message: message, range: source.range(source.lineRange(line)))
        }
    }

    /// A `---` block of YAML-looking lines directly after the front matter.
    private func secondBlock(after closingLine: Int) -> SourceRange? {
        var line = closingLine + 1
        while line <= source.lineCount, isBlank(line: line) { line += 1 }
        guard line < source.lineCount, isDelimiter(line: line, allowDots: false) else { return nil }
        var next = line + 1
        var sawKey = false
        while next <= source.lineCount {
            if isDelimiter(line: next, allowDots: true) {
                return sawKey ? source.range(source.lineStarts[line - 1]..<source.lineEnd(next)) : nil
            }
            let indented = hasPrefix(Byte.space, line: next)
            if keyOf(source.lineRange(next)) != nil, !indented { sawKey = true }
            else if !(indented || hasPrefix(UInt8(ascii: "-"), line: next) || hasPrefix(UInt8(ascii: "#"), line: next)) { return nil }
            next += 1
        }
        return nil
    }
}

import Foundation
