import Testing
@testable import NoteParser

/// `FrontMatterEmitter.writesTimestamp` answers as the round trip through Yams that
/// `scalar(.timestamp(_:), key:)` makes, on generated date and time texts, odd ones included.
@Suite struct TimestampWritingTests {
    static let keys = ["date_created", "date", "Date Created", "date: x", "date #1", "dates'", "dáte", "- date", ""]

    /// Texts shaped like dates and times, with each part sometimes odd: short or long fields,
    /// out-of-range months and days, other separators, blanks, fractions, zones, comments,
    /// non-ASCII digits; then some with a random piece inserted.
    static func texts() -> [String] {
        var generator = SplitMix64(seed: 0x7157)
        /// The first option (a well-formed part) three times in four, else any.
        func pick(_ options: [String]) -> String {
            generator.next() % 4 != 0 ? options[0] : options[Int(generator.next() % UInt64(options.count))]
        }
        let years = ["2024", "1999", "0000", "202", "20245", "２０２４", "20٢4", "+2024"]
        let months = ["05", "5", "12", "13", "00", "1", "123", "٠5", ""]
        let days = ["01", "1", "31", "32", "29", "00", "7", "3١", ""]
        let separators = ["T", "t", " ", "  ", "\t", " \t", "_", "TT", "Z", ""]
        let hours = ["1", "12", "23", "24", "99", "123", "1٢", ""]
        let minutes = [":00", ":5", ":59", ":60", ":٥٥", ""]
        let seconds = [":00", ":5", ":58", ":61", "", ":00:00"]
        let fractions = ["", ".", ".385", ".1_2", ".٣"]
        let zones = ["", "Z", "z", " Z", "+01", "+01:00", "-1", "+01:0", " +01:00", "-12:30", "+1:00", " # c", "#x", " ", "\t", "Zx"]
        var texts: [String] = []
        for _ in 0..<2500 {
            var text = pick(years) + "-" + pick(months) + "-" + pick(days)
            if generator.next() % 4 != 0 {
                text += pick(separators) + pick(hours) + pick(minutes) + pick(seconds) + pick(fractions) + pick(zones)
            }
            if generator.next() % 5 == 0 {
                let odd = ["", "-", ":", " ", "'", "\"", "#", "[", "]", "{", ",", "&", "*", "\\", "é", "0", "T", "\u{00A0}", "\u{3000}"]
                let scalars = Array(text.unicodeScalars)
                let place = Int(generator.next() % UInt64(scalars.count + 1))
                text = String(String.UnicodeScalarView(scalars[..<place])) + pick(odd) + String(String.UnicodeScalarView(scalars[place...]))
            }
            texts.append(text)
        }
        return texts
    }

    @Test func answersAsTheRoundTrip() {
        var written = 0
        var refused = 0
        for (index, text) in Self.texts().enumerated() {
            let key = Self.keys[index % Self.keys.count]
            let roundTrip = FrontMatterEmitter.scalar(.timestamp(text), key: key) != nil
            #expect(FrontMatterEmitter.writesTimestamp(text, key: key) == roundTrip, "\(key.debugDescription): \(text.debugDescription)")
            if roundTrip { written += 1 } else { refused += 1 }
        }
        #expect(written > 200 && refused > 200, "both answers are reached (\(written) written, \(refused) refused)")
    }

    @Test(arguments: ["2024-05-01", "2025-09-17T17:43:58.385Z", "2025-09-17 17:43:58", "2025-9-7\t1:02:03 +01:00", "2025-09-17t17:43:58Z"])
    func writesTheseTexts(text: String) {
        #expect(FrontMatterEmitter.writesTimestamp(text, key: "date_created"))
        #expect(FrontMatterEmitter.scalar(.timestamp(text), key: "date_created") != nil)
    }
}
