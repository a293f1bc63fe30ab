/// Checks on dates as they are written in front matter and citations.
package enum DateText {
    /// Keys read as dates when no collection types them: any key whose name starts with `date`
    /// (any case).
    package static func isDateKey(_ key: String) -> Bool {
        // On the bytes when the fifth is ASCII (or absent): `date` in any case then ends a
        // character, as `hasPrefix` needs; no other character lowercases to these letters.
        let utf8 = key.utf8
        if let answer = utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            guard bytes.count >= 4 else { return false }
            guard bytes.count == 4 || bytes[4] < 0x80 else { return nil }
            return Byte.equalsLowercased(bytes[..<4], "date")
        }), let answer { return answer }
        return key.lowercasedCheaply().hasPrefix("date")
    }

    /// True for `YYYY-MM-DD` naming a real day of the Gregorian calendar.
    package static func isCalendarDate(_ text: String) -> Bool {
        let utf8 = text.utf8
        // On the bytes in place when they are ASCII (their shape is checked there).
        if let answer = utf8.withContiguousStorageIfAvailable(isCalendarDate(ascii:)), let answer { return answer }
        guard utf8.count == 10, utf8[utf8.index(utf8.startIndex, offsetBy: 4)] == UInt8(ascii: "-"),
              utf8[utf8.index(utf8.startIndex, offsetBy: 7)] == UInt8(ascii: "-") else { return false }
        guard let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)),
              let day = Int(text.suffix(2)) else { return false }
        return isDay(year: year, month: month, day: day)
    }

    /// `isCalendarDate(_:)` of UTF-8 bytes; nil when they are shaped like a date but not all
    /// ASCII (ten ASCII bytes are ten characters, read on the bytes as `Int(_:)` reads them: a
    /// sign, then digits).
    static func isCalendarDate(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard let year = integer(bytes[0..<4]), let month = integer(bytes[5..<7]), let day = integer(bytes[8..<10]) else { return false }
        return isDay(year: year, month: month, day: day)
    }

    private static func isDay(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
    }

    /// The value of ASCII `bytes` as `Int(_:)` reads a string: an optional sign, then at least one digit.
    private static func integer(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(Byte.isDigit) else { return nil }
        let value = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return negative ? -value : value
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
        // ASCII text without `\r` (which starts the one two-byte character, `\r\n`): each
        // byte a character, read in place as the general path below reads the characters.
        if let answer = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == Byte.carriageReturn }) else { return nil }
            guard bytes.count > 11, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let year = integer(bytes[0..<4]),
                  let month = integer(bytes[5..<7]), let day = integer(bytes[8..<10]), isDay(year: year, month: month, day: day),
                  bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == Byte.space else { return false }
            let clock = bytes[11..<min(bytes.count, 19)].split(separator: Byte.colon)
            guard clock.count >= 2, clock.allSatisfy({ $0.count == 2 && integer($0) != nil }),
                  let hour = integer(clock[0]), hour < 24, let minute = integer(clock[1]), minute < 60 else { return false }
            return true
        }), let answer { return answer }
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
