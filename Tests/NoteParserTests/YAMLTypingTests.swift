import NoteParser
import Testing
import Yams

/// `DateText.isYAMLTimestamp` agrees with the `timestamp` tag of Yams' YAML 1.1 resolver.
struct YAMLTimestampTests {
    @Test(arguments: [
        "2025-09-17", "2025-9-7", "2025-09-17T17:43:58", "2025-09-17t17:43:58.385Z", "2025-09-17 17:43:58",
        "2025-09-17  \t1:02:03", "2025-09-17T17:43:58.+02", "2025-09-17T17:43:58 -5:30", "2025-09-17T17:43:58Z",
        "2025-02-30", "2025-09-17 17:43", "2025-9-17", "25-09-17", "2025-09-17T", "2025-09-17T17:43:5",
        "2025-09-17T17:43:58 ", "2025-09-17T17:43:58 +", "2025-09-17T17:43:58+0530", "2025/09/17", "2025-09-170",
        "20250-09-17", "2025-09-17x", "2025-09-17T17:43:58.5 Z", "2025-09-17T17:43:58+05:3",
    ])
    func agreesWithYams(text: String) throws {
        let node = try #require(try Yams.compose(yaml: "k: \(text)", .default, .default, .utf8))
        let value = try #require(node.mapping?["k"])
        let scalar = try #require(value.scalar)  // as YAML read it: trailing blanks are not part of it
        #expect(DateText.isYAMLTimestamp(scalar.string) == (value.tag.description == Yams.Tag.Name.timestamp.rawValue))
    }
}

/// `PlainScalarResolver` types plain scalars as Yams' YAML 1.1 resolver tags them.
struct PlainScalarResolverTests {
    @Test(arguments: [
        "yes", "No", "ON", "off", "y", "n", "true", "False", "~", "null", "Null", "", "0x1F", "0o17", "017", "08",
        "1_000", "1.5e3", "1.5E+3", "6.8523015e+5", "685.230_15e+03", ".inf", "-.INF", ".NaN", "+12", "-0", "0b1010",
        "1:20", "12:30:45", "190:20:30.15", "1.", ".5", "1e3", "12e", "0.1.2", "v1.2", "1:60", "0:20", "1:2:3", "1:20.5", "01:20", "Ünïcødé", "3 apples",
        "2025", "2025-09-17", "hello world", "NaN", "Yes please", "+.inf", "0x", "1__2",
        "0x-5", "0o-7", "0b-1", "0x_", "-0x1F", "+0b11", "0b102", "0o8", "0x1g", "1_0:30", "1e+5", "1.0e-3", "-.5", "+", "1e1_0", ".5e3", ".5e+3", "_1", "1_",
        ".", "1-2", "1+2", "12:3.5", "1:20.", "1:2_0", "-1:20", "0_7", "09", "007", "0.", "1_000.5_0",
    ])
    func typesLikeYams(text: String) throws {
        let node = try #require(try Yams.compose(yaml: "k: \(text)", .default, .default, .utf8))
        let value = try #require(node.mapping?["k"])
        let tag = Yams.Tag.Name(rawValue: value.tag.description)
        let expected: [Yams.Tag.Name]
        switch PlainScalarResolver.value(of: value.scalar?.string ?? "") {
        case .string: expected = [.str]
        case .null: expected = [.null]
        case .bool: expected = [.bool]
        case .number: expected = [.int, .float]
        case .date, .datetime: expected = [.timestamp]
        default: expected = []
        }
        #expect(expected.contains(tag))
    }
}

/// `DateText.isCalendarDate` reads an ASCII text's fields on its bytes as `Int(_:)` reads
/// the characters (a sign allowed); other texts by their characters.
struct CalendarDateTests {
    /// The reading by characters.
    static func byCharacters(_ text: String) -> Bool {
        guard text.utf8.count == 10, Array(text.utf8)[4] == UInt8(ascii: "-"), Array(text.utf8)[7] == UInt8(ascii: "-"),
              let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)), let day = Int(text.suffix(2))
        else { return false }
        return (1...12).contains(month) && (1...DateText.daysIn(month: month, year: year)).contains(day)
    }

    @Test(arguments: [
        "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2024-04-31", "2024-12-31", "2024-13-01", "2024-00-10",
        "2024-01-00", "-999-01-01", "+202-+1-+5", "2024--1-05", "2024-1--05", "20a4-01-01", "2024-01-1 ", " 024-01-01",
        "2024-01-01x", "2024-1-1", "202\u{301}-01-01", "2024-01-0\u{301}", "2024-0\r\n-01", "2024-+-01-1",
    ])
    func agreesWithTheCharacters(text: String) {
        #expect(DateText.isCalendarDate(text) == Self.byCharacters(text), "\(text.debugDescription)")
    }

    @Test func agreesOnGeneratedTexts() {
        let pieces: [UInt8] = Array("0123456789-+ a".utf8) + [0x0D, 0x0A]
        var generator = SplitMix64(seed: 0xDA7E)
        var accepted = 0
        var differing: [String] = []
        for _ in 0..<20_000 {
            var bytes = (0..<10).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
            if generator.next() % 4 != 0 { bytes[4] = UInt8(ascii: "-"); bytes[7] = UInt8(ascii: "-") }
            if generator.next() % 2 == 0 { for index in [0, 1, 2, 3, 5, 6, 8, 9] where generator.next() % 3 != 0 { bytes[index] = UInt8(ascii: "0") + UInt8(generator.next() % 10) } }
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = Self.byCharacters(text)
            if expected { accepted += 1 }
            if DateText.isCalendarDate(text) != expected { differing.append(text) }
        }
        #expect(differing == [])
        #expect(accepted > 100)
    }
}

/// `DateText.isDateTime` reads ASCII text on its bytes as the characters are read.
struct DateTimeTests {
    /// The reading by characters.
    static func byCharacters(_ text: String) -> Bool {
        guard text.count > 11, DateText.isCalendarDate(String(text.prefix(10))) else { return false }
        let separator = text[text.index(text.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == "t" || separator == " " else { return false }
        let clock = text.dropFirst(11).prefix(8).split(separator: ":")
        guard clock.count >= 2, clock.allSatisfy({ $0.count == 2 && Int($0) != nil }),
              let hour = Int(clock[0]), hour < 24, let minute = Int(clock[1]), minute < 60 else { return false }
        return true
    }

    @Test(arguments: [
        "2025-09-17T17:43", "2025-09-17 17:43:58", "2025-09-17t23:59:59Z", "2025-09-17T24:00", "2025-09-17T17:60",
        "2025-09-17T-1:+5", "2025-09-17T::17:43", "2025-09-17T17:4", "2025-02-30T10:00", "2025-09-17x10:00",
        "2025-09-17T17:43\r\n", "2025-09-17T1\r\n:43", "2025-09-17T17:43:5\u{301}", "2025-09-17T\u{301}17:43",
    ])
    func agreesWithTheCharacters(text: String) {
        #expect(DateText.isDateTime(text) == Self.byCharacters(text), "\(text.debugDescription)")
    }

    @Test func agreesOnGeneratedTexts() {
        let pieces: [UInt8] = Array("0123456789-+:Tt a".utf8) + [0x0D, 0x0A]
        var generator = SplitMix64(seed: 0xDA7E71)
        var accepted = 0
        var differing: [String] = []
        for _ in 0..<20_000 {
            var bytes = (0..<(11 + Int(generator.next() % 10))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
            if generator.next() % 4 != 0 { bytes.replaceSubrange(0..<11, with: Array("2024-02-29T".utf8)) }
            if generator.next() % 2 == 0, bytes.count >= 19 { bytes.replaceSubrange(11..<19, with: Array("12:34:56".utf8)) }
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = Self.byCharacters(text)
            if expected { accepted += 1 }
            if DateText.isDateTime(text) != expected { differing.append(text) }
        }
        #expect(differing == [])
        #expect(accepted > 100)
    }

    @Test(arguments: ["date", "Date_created", "DATE", "dat", "", "datE\u{301}x", "date\u{301}", "dáte", "Ｄate", "date_créé", "update", "dates"])
    func dateKeysAsLowercased(key: String) {
        #expect(DateText.isDateKey(key) == key.lowercased().hasPrefix("date"), "\(key.debugDescription)")
    }
}
