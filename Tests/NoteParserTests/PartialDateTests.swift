import Foundation
import Testing
@testable import NoteParser

@Suite struct PartialDateTests {
    @Test func describedAsTheFormatterDescribedIt() {
        for year in [0, 7, 99, 999, 2025, 9999, 10_000, 123_456, -5] {
            for (month, day) in [(nil, nil), (1, nil), (12, 31), (0, 0), (100, 7), (-1, 5)] as [(Int?, Int?)] {
                let date = PartialDate(year: year, month: month, day: day)
                var expected = String(format: "%04d", year)
                if let month { expected += String(format: "-%02d", month) }
                if let day { expected += String(format: "-%02d", day) }
                #expect(date.description == expected, "\(year) \(String(describing: month)) \(String(describing: day))")
            }
        }
    }
}
