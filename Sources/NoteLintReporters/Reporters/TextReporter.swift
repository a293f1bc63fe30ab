import NoteLint

/// `path:line:col: severity[rule] message` (`[*] message` when `notekit fix` fixes it), the
/// source line with a caret under the finding, and a summary line.
public struct TextReporter: Reporter {
    /// Whether to use ANSI colours.
    public let colors: Bool

    public init(colors: Bool = false) { self.colors = colors }

    public func report(_ report: LintReport) -> String {
        var lines: [String] = []
        for finding in report.findings {
            let start = finding.range.start
            let severity = paint(finding.severity.rawValue, finding.severity == .error ? "1;31" : "1;33")
            lines.append("\(paint("\(finding.path):\(start.line):\(start.column):", "1")) \(severity)"
                         + "\(paint("[\(finding.ruleID)]", "2")) \(finding.isFixable ? "[*] " : "")\(finding.message)")
            guard let source = report.sourceLine(finding.path, start.line) else { continue }
            let end = finding.range.end.line == start.line ? finding.range.end.column : source.utf8.count + 1
            let excerpt = Self.excerpt(source, from: start.column, to: max(end, start.column))
            lines.append("    " + excerpt.source)
            lines.append("    " + excerpt.indent + paint("^" + String(repeating: "~", count: max(excerpt.width - 1, 0)), "32"))
        }
        if !report.findings.isEmpty { lines.append("") }
        lines.append(Self.summary(report))
        return lines.joined(separator: "\n")
    }

    /// "N errors, M warnings in K files (F fixable)", with "; U more with --unsafe-fixes" when
    /// some findings have only an unsafe fix; "M warnings hidden" under `--quiet`.
    public static func summary(_ report: LintReport) -> String {
        let unsafe = report.unsafeFixableCount
        let warnings = report.hiddenWarningCount > 0
            ? count(report.hiddenWarningCount, "warning") + " hidden" : count(report.warningCount, "warning")
        return "\(count(report.errorCount, "error")), \(warnings) in "
            + "\(count(report.files.count, "file")) (\(report.fixableCount) fixable"
            + (unsafe > 0 ? "; \(unsafe) more with --unsafe-fixes)" : ")")
    }

    /// The part of `line` to show (long lines are cut to about 100 columns around the
    /// finding, with `…`), the whitespace that puts a caret under byte column `start`
    /// (tabs kept, wide characters counted twice) and the display width of `start..<end`.
    static func excerpt(_ line: String, from start: Int, to end: Int) -> (source: String, indent: String, width: Int) {
        let bytes = Array(line.utf8)
        return bytes.allSatisfy({ $0 < 0x80 }) ? asciiExcerpt(bytes, from: start, to: end) : characterExcerpt(bytes, from: start, to: end)
    }

    /// `excerpt` of any line, character by character.
    static func characterExcerpt(_ bytes: [UInt8], from start: Int, to end: Int) -> (source: String, indent: String, width: Int) {
        func text(_ range: Range<Int>) -> [Character] {
            Array(String(decoding: bytes[min(range.lowerBound, bytes.count)..<min(range.upperBound, bytes.count)], as: UTF8.self))
        }
        var before = text(0..<start - 1), marked = text(start - 1..<end - 1), after = text(end - 1..<bytes.count)
        if (before + marked + after).count > 120 {
            if before.count > 40 { before = ["…"] + before.suffix(39) }
            if marked.count > 60 { marked = Array(marked.prefix(60)) + ["…"]; after = [] }
            if before.count + marked.count + after.count > 100 { after = Array(after.prefix(max(99 - before.count - marked.count, 0))) + ["…"] }
        }
        let indent = before.map { $0 == "\t" ? "\t" : String(repeating: " ", count: displayWidth($0)) }.joined()
        return (String(before + marked + after), indent, max(marked.reduce(0) { $0 + displayWidth($1) }, 1))
    }

    /// `excerpt` of an ASCII line, where each byte is a character one column wide, on bytes.
    static func asciiExcerpt(_ bytes: [UInt8], from start: Int, to end: Int) -> (source: String, indent: String, width: Int) {
        let lower = min(max(start - 1, 0), bytes.count), upper = min(max(end - 1, lower), bytes.count)
        var before = bytes[..<lower], marked = bytes[lower..<upper], after = bytes[upper...]
        var cut = (before: false, marked: false, after: false)
        if bytes.count > 120 {
            if before.count > 40 { (before, cut.before) = (before.suffix(39), true) }
            if marked.count > 60 { (marked, cut.marked, after) = (marked.prefix(60), true, after.prefix(0)) }
            let shown = before.count + marked.count + (cut.before ? 1 : 0) + (cut.marked ? 1 : 0)
            if shown + after.count > 100 { (after, cut.after) = (after.prefix(max(99 - shown, 0)), true) }
        }
        let ellipsis = "…"
        let source = (cut.before ? ellipsis : "") + String(decoding: before, as: UTF8.self) + String(decoding: marked, as: UTF8.self)
            + (cut.marked ? ellipsis : "") + String(decoding: after, as: UTF8.self) + (cut.after ? ellipsis : "")
        let indent = (cut.before ? " " : "") + String(decoding: before.map { $0 == UInt8(ascii: "\t") ? $0 : UInt8(ascii: " ") }, as: UTF8.self)
        return (source, indent, max(marked.count + (cut.marked ? 1 : 0), 1))
    }

    /// Columns a character takes in a terminal: 2 for East Asian wide characters and emoji.
    static func displayWidth(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
                                           0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
                                           0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD]
        return wide.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    /// "1 error", "17,305 warnings": thousands grouped with commas.
    private static func count(_ value: Int, _ noun: String) -> String {
        var digits = String(value), grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return "\(digits)\(grouped) \(noun)\(value == 1 ? "" : "s")"
    }

    private func paint(_ text: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}
