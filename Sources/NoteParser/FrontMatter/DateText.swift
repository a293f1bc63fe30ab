/// Checks on dates as they are written in front matter and citations.
package enum DateText {
    /// Keys read as dates when no collection types them: any key whose name starts with `date`
    /// (any case).
    package static func isDateKey(_ key: String) -> Bool { key.lowercasedCheaply().hasPrefix("date") }

    /// True for `YYYY-MM-DD` naming a real day of the Gregorian calendar.
    package static func isCalendarDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)),
              let day = Int(text.suffix(2)) else { return false }
        return (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
    }

    /// True when YAML 1.1 reads the plain scalar `text` as a timestamp: `YYYY-MM-DD`, or
    /// `YYYY-M-D`, `T` or blanks, `H:MM:SS`, an optional fraction and time zone (the regular
    /// expression of the `timestamp` tag, checked by hand). Seconds are required.
    package static func isYAMLTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func digits(_ least: Int, _ most: Int) -> Int? {
            let start = index
            while index < bytes.count, index - start < most, Byte.isDigit(bytes[index]) { index += 1 }
            return index - start >= least ? index - start : nil
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard digits(4, 4) != nil, skip(UInt8(ascii: "-")), let month = digits(1, 2), skip(UInt8(ascii: "-")),
              let day = digits(1, 2) else { return false }
        if index == bytes.count { return month == 2 && day == 2 }
        if !skip(UInt8(ascii: "T")), !skip(UInt8(ascii: "t")) {
            guard skip(Byte.space) || skip(Byte.tab) else { return false }
            while skip(Byte.space) || skip(Byte.tab) {}
        }
        guard digits(1, 2) != nil, skip(Byte.colon), digits(2, 2) != nil, skip(Byte.colon), digits(2, 2) != nil else { return false }
        if skip(UInt8(ascii: ".")) { _ = digits(0, Int.max) }
        guard index < bytes.count else { return true }
        while skip(Byte.space) || skip(Byte.tab) {}
        if skip(UInt8(ascii: "Z")) { return index == bytes.count }
        guard skip(UInt8(ascii: "-")) || skip(UInt8(ascii: "+")), digits(1, 2) != nil else { return false }
        if skip(Byte.colon) { guard digits(2, 2) != nil else { return false } }
        return index == bytes.count
    }

    /// True for an ISO-8601 date and time such as `2025-09-17T17:43:58.385Z`.
    package static func isDateTime(_ text: String) -> Bool {
        guard text.count > 11, isCalendarDate(String(text.prefix(10))) else { return false }
        let separator = text[text.index(text.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == "t" || separator == " " else { return false }
        let time = text.dropFirst(11)
        let clock = time.prefix(8).split(separator: ":")
        guard clock.count >= 2, clock.allSatisfy({ $0.count == 2 && Int($0) != nil }),
              let hour = Int(clock[0]), hour < 24, let minute = Int(clock[1]), minute < 60 else { return false }
        return true
    }

    /// Days in a month of the Gregorian calendar.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
