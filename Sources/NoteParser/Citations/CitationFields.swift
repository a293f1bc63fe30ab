/// The bibliographic fields of a citation definition's text.
public struct CitationFields: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// `2025, Sep 14. [Title](url). Published: 2025-03-17 | Updated: 2025-09-14`
        case house
        /// `[Title](url)`, with or without other text.
        case link
        /// `"Title." Retrieved from url`
        case retrieved
        /// A URL alone.
        case bareURL
        /// Text without a URL.
        case freeText
    }

    public var kind: Kind = .freeText
    /// The `YEAR, Mon DD.` prefix.
    public var prefixDate: PartialDate?
    public var title: String?
    public var url: String?
    /// Nil when absent; `.notAvailable` for `N/A`.
    public var published: CitationDate?
    public var updated: CitationDate?
}

/// A date of year, month or day precision.
public struct PartialDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable { case year, month, day }
    public var year: Int
    public var month: Int?
    public var day: Int?

    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var description: String {
        var text = Self.padded(year, width: 4)
        if let month { text += "-" + Self.padded(month, width: 2) }
        if let day { text += "-" + Self.padded(day, width: 2) }
        return text
    }

    /// `String(format: "%0*d", width, number)`, without Foundation's formatter for the numbers
    /// dates hold (0 to 9,999).
    private static func padded(_ number: Int, width: Int) -> String {
        guard (0..<10_000).contains(number) else { return String(format: "%0\(width)d", number) }
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.utf8.count)) + digits
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil otherwise or for impossible dates.
    public init?(iso text: String) {
        let read = text.utf8.withContiguousStorageIfAvailable { bytes -> PartialDate?? in
            bytes.allSatisfy { Byte.isDigit($0) || $0 == UInt8(ascii: "-") } ? .some(PartialDate(isoDigits: bytes)) : nil
        }
        if let read = read ?? nil {
            guard let date = read else { return nil }
            self = date
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        self.year = year
        if parts.count > 1 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count > 2 {
            guard parts[2].count == 2, let day = Int(parts[2]),
                  let month, (1...DateText.daysIn(month: month, year: year)).contains(day) else { return nil }
            self.day = day
        }
    }

    /// `init?(iso:)` of a text of ASCII digits and dashes, read on its bytes.
    package init?(isoDigits token: UnsafeBufferPointer<UInt8>) {
        var index = 0
        // The next dash-separated part: its value (while it has at most 4 digits) and its length.
        func part() -> (value: Int, length: Int) {
            var value = 0, length = 0
            while index < token.count, token[index] != UInt8(ascii: "-") {
                if length < 4 { value = value * 10 + Int(token[index] - UInt8(ascii: "0")) }
                length += 1
                index += 1
            }
            return (value, length)
        }
        let year = part()
        guard year.length == 4 else { return nil }
        self.init(year: year.value)
        guard index < token.count else { return }
        index += 1
        let month = part()
        guard month.length == 2, (1...12).contains(month.value) else { return nil }
        self.month = month.value
        guard index < token.count else { return }
        index += 1
        let day = part()
        guard day.length == 2, index == token.count, (1...DateText.daysIn(month: month.value, year: year.value)).contains(day.value) else {
            return nil
        }
        self.day = day.value
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }
}

/// A `Published:` or `Updated:` value.
public enum CitationDate: Hashable, Sendable, Codable {
    case date(PartialDate)
    case notAvailable
    /// Written, but not a date notekit can read.
    case unreadable(String)

    public var date: PartialDate? { if case .date(let date) = self { return date } else { return nil } }
}

import Foundation
