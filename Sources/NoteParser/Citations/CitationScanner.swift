/// Finds footnote and legacy numeric citations by scanning the body's bytes outside code.
///
/// cmark-gfm drops unused and duplicate definitions and leaves undefined references as
/// text, so the source, not the tree, is the record of what the writer typed. A `[4]: text`
/// line whose label a reference link uses is a link reference definition, not a citation.
struct CitationScanner {
    let source: SourceText
    let bodyStartLine: Int
    let code: CodeRanges
    let tables: [Range<Int>]
    /// Normalised labels of the reference links cmark-gfm resolved (`ReferenceLinkLabels`).
    let referenceLabels: Set<String>

    struct Result {
        var references: [FootnoteReference] = []
        var definitions: [FootnoteDefinition] = []
        var legacyDefinitions: [LegacyDefinition] = []
        var legacyReferences: [LegacyReference] = []
    }

    private struct DefinitionLine {
        /// The bytes between `[^` and `]` (made into a string only for a definition kept).
        var label: Range<Int>
        var form: FootnoteDefinition.Form
        var line: Int
        var labelEnd: Int
        /// The offset of `[^`.
        var labelStart: Int { label.lowerBound - 2 }
    }

    func scan() -> Result {
        var candidates: [DefinitionLine] = []
        var legacy: [LegacyDefinition] = []
        var previousBlank = true
        var previousDefinition = false
        var line = bodyStartLine
        // The lines ascend: the code ranges are passed with a cursor, not searched for each line.
        let codeRanges = code.ranges
        var nextCode = 0
        func isCode(_ offset: Int) -> Bool {
            while nextCode < codeRanges.count, codeRanges[nextCode].upperBound <= offset { nextCode += 1 }
            return nextCode < codeRanges.count && codeRanges[nextCode].contains(offset)
        }
        // The bytes and the line starts are read through buffer pointers, taken once: the
        // offsets come from the line starts, inside the bytes by construction.
        source.bytes.withUnsafeBufferPointer { bytes in
            source.lineStarts.withUnsafeBufferPointer { starts in
                while line <= starts.count {
                    // `source.lineRange(line)`.
                    let lower = starts[line - 1], upper = line < starts.count ? starts[line] - 1 : bytes.count
                    defer { line += 1 }
                    // Most lines open with a byte that is not a blank: no slice to test.
                    let isBlank = lower == upper || Byte.isWhitespace(bytes[lower]) && bytes[lower..<upper].allSatisfy(Byte.isWhitespace)
                    defer { previousBlank = isBlank }
                    previousDefinition = previousDefinition && !isBlank
                    guard !isBlank, !isCode(lower) else { continue }
                    // Up to three spaces may indent a definition, as in CommonMark (a line that is
                    // not blank has a byte after them).
                    var start = lower
                    while start < min(lower + 3, upper), bytes[start] == Byte.space { start += 1 }
                    // A definition opens with `[` (most lines do not: no call for them). A colon-less one
                    // opens a paragraph or sits in a run of definition lines.
                    if bytes[start] == Byte.openBracket,
                       let definition = footnoteDefinitionLine(line, range: start..<upper,
                                                               allowsColonless: previousBlank || previousDefinition || nextLineOpensWithLabel(line)) {
                        previousDefinition = true
                        candidates.append(definition)
                    } else {
                        previousDefinition = false
                        // A legacy definition opens with `[` (most lines do not: no call for them).
                        if bytes[lower] == Byte.openBracket, let definition = legacyDefinition(line, range: lower..<upper) {
                            legacy.append(definition)
                        }
                    }
                }
            }
        }
        var definitionLines = candidates
        if candidates.contains(where: { $0.form == .missingColon }) {
            let properLabels = Set(candidates.lazy.filter { $0.form != .missingColon }.map { Self.key(source.string($0.label)) })
            // `[^id] text` is a reference at a paragraph start when `[^id]:` is defined elsewhere.
            definitionLines = candidates.filter { $0.form != .missingColon || !properLabels.contains(Self.key(source.string($0.label))) }
        }
        // The first definition line of each key, which tells duplicates, and which of them
        // references use: no sets of keys to build and probe.
        var keys = FootnoteKeys(labels: definitionLines.map(\.label), in: source.bytes)
        // Each definition line's label made a string once: a reference spelt as the definition it uses shares it.
        let labels = definitionLines.map { source.string($0.label) }
        var result = Result()
        var uses = [Int](repeating: 0, count: definitionLines.count)
        result.references = footnoteReferences(skipping: definitionLines, labels: labels, keys: &keys, uses: &uses)
        result.definitions = definitionLines.indices.map { index in
            let first = keys.firstLines[index]
            return definition(definitionLines[index], label: labels[index], isDuplicate: first != index, referenceCount: uses[first])
        }
        let legacyNumbers = Set(legacy.map(\.number))
        result.legacyDefinitions = legacy
        result.legacyReferences = legacyReferences(defined: legacyNumbers)
        return result
    }

    /// Labels match case-insensitively, as in cmark-gfm.
    static func key(_ label: String) -> String { label.lowercasedCheaply() }

    /// The offset of the `]` closing a `[^label]` that starts at `start` (the label's string is
    /// made only where it is kept).
    private func labelEnd(at start: Int, limit: Int) -> Int? {
        guard start + 3 < limit, source.bytes[start] == Byte.openBracket, source.bytes[start + 1] == Byte.caret else { return nil }
        var index = start + 2
        while index < limit {
            let byte = source.bytes[index]
            if byte == Byte.closeBracket { break }
            if Byte.isWhitespace(byte) || byte == Byte.openBracket || byte == Byte.caret { return nil }
            index += 1
        }
        guard index < limit, index > start + 2 else { return nil }
        return index
    }

    private func nextLineOpensWithLabel(_ line: Int) -> Bool {
        line < source.lineCount && labelEnd(at: source.lineStarts[line], limit: source.lineEnd(line + 1)) != nil
    }

    /// The range of `bytes`, all on `line`.
    private func range(_ bytes: Range<Int>, onLine line: Int) -> SourceRange {
        SourceRange(start: source.position(at: bytes.lowerBound, onLine: line), end: source.position(at: bytes.upperBound, onLine: line))
    }

    private func footnoteDefinitionLine(_ line: Int, range: Range<Int>, allowsColonless: Bool) -> DefinitionLine? {
        guard let close = labelEnd(at: range.lowerBound, limit: range.upperBound) else { return nil }
        func definitionLine(_ form: FootnoteDefinition.Form, labelEnd: Int) -> DefinitionLine {
            DefinitionLine(label: (range.lowerBound + 2)..<close, form: form, line: line, labelEnd: labelEnd)
        }
        let after = close + 1
        if after < range.upperBound, source.bytes[after] == Byte.colon { return definitionLine(.proper, labelEnd: after + 1) }
        // `[^x6ezn4]6ezn4]:`: a run without spaces or brackets, then `]:`.
        var index = after
        while index < range.upperBound, !Byte.isWhitespace(source.bytes[index]),
              source.bytes[index] != Byte.openBracket, source.bytes[index] != Byte.closeBracket { index += 1 }
        if index > after, index + 1 < range.upperBound, source.bytes[index] == Byte.closeBracket,
           source.bytes[index + 1] == Byte.colon {
            return definitionLine(.corruptedLabel, labelEnd: index + 2)
        }
        // `[^id] text`, `[^id]. text` or `[^id] ) text` where a colon-less definition may stand.
        guard allowsColonless, after < range.upperBound else { return nil }
        let next = source.bytes[after]
        guard next == Byte.space || next == UInt8(ascii: ".") || next == UInt8(ascii: ")") else { return nil }
        // Text must follow, and not merely another marker: `[^a] [^b]` opens a paragraph.
        let rest = source.bytes[after..<range.upperBound].drop { !Byte.isWordByte($0) && $0 != Byte.openBracket }
        guard rest.contains(where: Byte.isWordByte), !rest.starts(with: [Byte.openBracket, Byte.caret]) else { return nil }
        return definitionLine(.missingColon, labelEnd: after)
    }

    /// The last line of a definition starting on `line`: indented continuation lines belong to it.
    private func lastLine(of line: Int) -> Int {
        var last = line
        while last < source.lineCount {
            let next = source.bytes[source.lineRange(last + 1)]
            guard next.starts(with: [Byte.space, Byte.space]) || next.first == Byte.tab,
                  !next.allSatisfy(Byte.isWhitespace) else { break }
            last += 1
        }
        return last
    }

    private func definition(_ line: DefinitionLine, label: String, isDuplicate: Bool, referenceCount: Int) -> FootnoteDefinition {
        let start = source.lineStarts[line.line - 1]
        let endLine = lastLine(of: line.line)
        let end = source.lineEnd(endLine)
        var textStart = line.labelEnd
        while textStart < end, source.bytes[textStart] == Byte.space || source.bytes[textStart] == Byte.tab { textStart += 1 }
        let text = endLine == line.line ? source.trimmedString(textStart..<end)
            : source.string(textStart..<end).split(separator: "\n").map { $0.trimmed() }.joined(separator: " ")
        let startPosition = source.position(at: start, onLine: line.line)
        let endPosition = source.position(at: end, onLine: endLine)
        let textStartPosition = source.position(at: textStart, onLine: line.line)
        return FootnoteDefinition(label: label, form: line.form, range: SourceRange(start: startPosition, end: endPosition),
                                  labelRange: range(line.labelStart..<line.labelEnd, onLine: line.line),
                                  textRange: SourceRange(start: textStartPosition, end: endPosition),
                                  text: text, fields: CitationFieldParser.parse(text), isDuplicate: isDuplicate,
                                  isUnused: referenceCount == 0, referenceCount: referenceCount)
    }

    /// The references outside code, but for the labels of the definition `lines` (`labels` their
    /// strings); a reference to a key defined first by line `n` (`keys`) counts in `uses[n]`.
    private func footnoteReferences(skipping lines: [DefinitionLine], labels: [String], keys: inout FootnoteKeys,
                                    uses: inout [Int]) -> [FootnoteReference] {
        var references: [FootnoteReference] = []
        // Most definitions are cited at least once: room for as many references, grown when more.
        references.reserveCapacity(lines.count)
        var index = bodyStartLine <= source.lineCount ? source.lineStarts[bodyStartLine - 1] : source.bytes.count
        // The markers are met in ascending order: the next definition's label is all to test.
        var nextLabel = 0
        // The line of `index`, found by stepping forward, not by a search per reference.
        var line = 1
        // The bytes are searched through one buffer pointer, taken once.
        source.bytes.withUnsafeBufferPointer { bytes in
            // The next `[^` from `start`: `memchr` for `^`, rarer in notes than `[` (links, wikilinks),
            // then the byte before it tested.
            func nextMarker(from start: Int) -> Int? {
                var caret = start + 1
                while let hit = Byte.offset(of: Byte.caret, in: bytes, range: min(caret, bytes.count)..<bytes.count) {
                    if bytes[hit - 1] == Byte.openBracket { return hit - 1 }
                    caret = hit + 1
                }
                return nil
            }
            while let open = nextMarker(from: index) {
                index = open
                while line < source.lineCount, source.lineStarts[line] <= index { line += 1 }
                while nextLabel < lines.count, lines[nextLabel].labelStart < index { nextLabel += 1 }
                let isDefinition = nextLabel < lines.count && lines[nextLabel].labelStart == index
                guard !isDefinition, !code.contains(index), let close = labelEnd(at: index, limit: bytes.count) else { index += 2; continue }
                let label = (index + 2)..<close
                let definition = keys.firstLine(ofLabelAt: label)
                if let definition { uses[definition] += 1 }
                let after = close + 1
                // A label holds no newline: `after` is on the line too.
                references.append(FootnoteReference(label: definition.flatMap { sameBytes(lines[$0].label, label) ? labels[$0] : nil } ?? source.string(label),
                                                    range: range(index..<after, onLine: line),
                                                    inTable: tables.sortedContains(index),
                                                    isDefined: definition != nil))
                index = after
            }
        }
        return references
    }

    /// Whether the source holds the same bytes at `a` and `b`.
    private func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        source.bytes.withUnsafeBufferPointer { Byte.same(UnsafeBufferPointer(rebasing: $0[a]), UnsafeBufferPointer(rebasing: $0[b])) }
    }

    private func legacyDefinition(_ line: Int, range: Range<Int>) -> LegacyDefinition? {
        guard let (number, count, after) = numbers(at: range.lowerBound, limit: range.upperBound), count == 1,
              after < range.upperBound, source.bytes[after] == Byte.colon,
              referenceLabels.isEmpty || !referenceLabels.contains(source.string((range.lowerBound + 1)..<(after - 1))) else { return nil }
        let text = source.trimmedString((after + 1)..<range.upperBound)
        return LegacyDefinition(number: number, range: self.range(range, onLine: line), labelRange: self.range(range.lowerBound..<(after + 1), onLine: line),
                                text: text, fields: CitationFieldParser.parse(text))
    }

    /// `[4]` or `[1, 2]` at `start`: the first number, how many there are (1 to 3 digits each) and
    /// the offset after `]`. No array is made: most are not kept (`values(_:)` reads them all).
    private func numbers(at start: Int, limit: Int) -> (first: Int, count: Int, after: Int)? {
        guard start < limit, source.bytes[start] == Byte.openBracket else { return nil }
        var first = 0, count = 0
        var index = start + 1
        while true {
            var value = 0, digits = 0
            while index < limit, Byte.isDigit(source.bytes[index]), digits < 4 {
                value = value * 10 + Int(source.bytes[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
            guard (1...3).contains(digits) else { return nil }
            if count == 0 { first = value }
            count += 1
            guard index < limit else { return nil }
            if source.bytes[index] == Byte.closeBracket { return (first, count, index + 1) }
            guard source.bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
            while index < limit, source.bytes[index] == Byte.space { index += 1 }
        }
    }

    /// The numbers of the `[1, 2]` that `numbers(at:limit:)` read in `range`: its runs of digits.
    private func values(_ range: Range<Int>) -> [Int] {
        var values: [Int] = []
        var value = 0, inNumber = false
        for byte in source.bytes[range] {
            if Byte.isDigit(byte) {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                inNumber = true
            } else if inNumber {
                values.append(value)
                value = 0
                inNumber = false
            }
        }
        return values
    }

    /// Inline `[n]` markers in prose: not links (`[1](url)`, `[text][1]`, a shortcut `[1]`
    /// cmark-gfm resolved), not wikilinks, not definitions.
    private func legacyReferences(defined: Set<Int>) -> [LegacyReference] {
        var references: [LegacyReference] = []
        let bytes = source.bytes
        var index = bodyStartLine <= source.lineCount ? source.lineStarts[bodyStartLine - 1] : bytes.count
        var previousEnd = -1
        // The line of `index`, found by stepping forward, not by a search per reference.
        var line = 1
        while let open = bytes.withUnsafeBufferPointer({ Byte.offset(of: Byte.openBracket, in: $0, range: min(index, $0.count)..<$0.count) }) {
            index = open
            guard index + 1 < bytes.count, Byte.isDigit(bytes[index + 1]),
                  let (first, count, after) = numbers(at: index, limit: bytes.count) else { index += 1; continue }
            defer { index = after }
            let next = after < bytes.count ? bytes[after] : Byte.newline
            let previous = index > 0 ? bytes[index - 1] : Byte.newline
            let atLineStart = previous == Byte.newline
            if next == UInt8(ascii: "(") || next == Byte.colon && atLineStart { continue }
            if previous == Byte.openBracket || (previous == Byte.closeBracket && previousEnd != index) { continue }
            if code.contains(index) { continue }
            // A shortcut reference link `[4]` to a `[4]: dest` definition is a link (no string to
            // make in the many notes without reference links).
            if count == 1, !referenceLabels.isEmpty, referenceLabels.contains(source.string((index + 1)..<(after - 1))) { continue }
            let numbers = count == 1 ? [first] : values(index..<after)
            while line < source.lineCount, source.lineStarts[line] <= index { line += 1 }
            // The numbers hold no newline: `after` is on the line too.
            references.append(LegacyReference(numbers: numbers, range: range(index..<after, onLine: line),
                                              isDefined: numbers.allSatisfy(defined.contains)))
            previousEnd = after
        }
        return references
    }
}

import Foundation
