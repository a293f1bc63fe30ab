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
