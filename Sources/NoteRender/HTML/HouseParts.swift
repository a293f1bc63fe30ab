/// The parts of a house-style definition around its link, read from ASCII bytes as
/// `SourceView.houseParts` reads them: the date that starts it (`2025, Sep 14. `) and each
/// `Published: 2025-09-14` or `Updated: N/A`. One pass, without `Regex`.
enum HouseParts {
    /// True when `text` (ASCII, no carriage return) is whitespace and `.|,` once its parts are
    /// taken out: the date at its start, then each stamp where one starts.
    static func holdsAll(_ text: [UInt8]) -> Bool {
        var index = dateEnd(text) ?? 0
        while index < text.count {
            let byte = text[index]
            if isSpace(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard let end = stampEnd(text, at: index) else { return false }
            index = end
        }
        return true
    }

    /// The end of `\s*[0-9]{4}(?:,\s*[A-Za-z]+\.?(?:\s*[0-9]{1,2})?)?\.\s` at the start of
    /// `text`, the alternatives tried in the order a regex tries them.
    static func dateEnd(_ text: [UInt8]) -> Int? {
        let year = skip(text, from: 0, while: isSpace)
        guard year + 4 <= text.count, text[year..<(year + 4)].allSatisfy(isDigit) else { return nil }
        let afterYear = year + 4
        func closes(at index: Int) -> Int? {
            index + 1 < text.count && text[index] == UInt8(ascii: ".") && isSpace(text[index + 1]) ? index + 2 : nil
        }
        if afterYear < text.count, text[afterYear] == UInt8(ascii: ",") {
            let month = skip(text, from: afterYear + 1, while: isSpace)
            let monthEnd = skip(text, from: month, while: isLetter)
            if monthEnd > month {
                let dots = monthEnd < text.count && text[monthEnd] == UInt8(ascii: ".") ? [monthEnd + 1, monthEnd] : [monthEnd]
                for afterMonth in dots {
                    let day = skip(text, from: afterMonth, while: isSpace)
                    let digits = skip(text, from: day, while: isDigit) - day
                    for length in [2, 1] where digits >= length {
                        if let end = closes(at: day + length) { return end }
                    }
                    if let end = closes(at: afterMonth) { return end }
                }
            }
        }
        return closes(at: afterYear)
    }

    /// The end of `(?:Published|Updated):\s*(?:N/A|[0-9-]+)` at `index`.
    static func stampEnd(_ text: [UInt8], at index: Int) -> Int? {
        guard let name = [Array("Published:".utf8), Array("Updated:".utf8)].first(where: { text[index...].starts(with: $0) })
        else { return nil }
        let value = skip(text, from: index + name.count, while: isSpace)
        if text[value...].starts(with: Array("N/A".utf8)) { return value + 3 }
        let end = skip(text, from: value, while: { isDigit($0) || $0 == UInt8(ascii: "-") })
        return end > value ? end : nil
    }

    private static func skip(_ text: [UInt8], from start: Int, while test: (UInt8) -> Bool) -> Int {
        var index = start
        while index < text.count, test(text[index]) { index += 1 }
        return index
    }

    /// `\s` on ASCII: space, tab, line feed, vertical tab, form feed, carriage return.
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
