import Foundation
import NoteParser
import Testing
@testable import NoteLint

/// The front-matter rules' fast paths answer as the plain code they replaced, on generated input.
@Suite struct FrontMatterRuleFastPathTests {
    /// Generated keys from pieces: cases, ASCII and not, a Kelvin sign (lowercases to `k`), a combining mark.
    static func keys(_ pieces: [String], seed: UInt64) -> [String] {
        var generator = SeededGenerator(state: seed)
        var keys = [""] + pieces
        for _ in 0..<5_000 {
            keys.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return keys
    }

    /// `namesUUID` in one pass over the bytes answers as the search of the lowercased key.
    @Test func namesUUIDAsTheLowercasedSearch() {
        for key in Self.keys(["u", "U", "i", "I", "d", "D", "uuid", "UuId", "_", "x", "é", "\u{212A}", "\u{301}", "5", "E"], seed: 1) {
            #expect(FrontMatterValues.namesUUID(key) == (key.lowercasedCheaply().byteRange(of: "uuid") != nil), "\(key.debugDescription)")
        }
    }

    /// `isV4UUID`, testing bytes by inline arithmetic, answers as the tests of each byte
    /// lowercased (`Byte.lowercased`, `Byte.isDigit`), on UUIDs with each byte replaced.
    @Test func v4UUIDsAsTheLowercasedByteTests() {
        func reference(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            guard bytes.count == 36 else { return false }
            for (index, byte) in bytes.enumerated() {
                let lower = Byte.lowercased(byte)
                switch index {
                case 8, 13, 18, 23: guard byte == UInt8(ascii: "-") else { return false }
                case 14: guard byte == UInt8(ascii: "4") else { return false }
                case 19: guard Byte.isDigit(byte) ? byte >= UInt8(ascii: "8") : lower == UInt8(ascii: "a") || lower == UInt8(ascii: "b") else { return false }
                default: guard Byte.isDigit(byte) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")) else { return false }
                }
            }
            return true
        }
        var texts = ["", "0f8fad5b-d9cb-469f-a165-70867728950e", "0F8FAD5B-D9CB-469F-B165-70867728950E", "0f8fad5b-d9cb-469f-a165-70867728950"]
        for uuid in ["0f8fad5b-d9cb-469f-a165-70867728950e", "ABCDEF01-2345-4789-9abc-DEF012345678"] {
            let bytes = Array(uuid.utf8)
            for index in bytes.indices {
                for byte in UInt8.min...UInt8.max where byte < 0x80 {
                    var changed = bytes
                    changed[index] = byte
                    texts.append(String(decoding: changed, as: UTF8.self))
                }
                if index + 2 <= bytes.count {
                    texts.append(String(decoding: bytes[..<index], as: UTF8.self) + "é" + String(decoding: bytes[(index + 2)...], as: UTF8.self))
                }
            }
        }
        var accepted = 0
        for text in texts {
            #expect(FrontMatterValues.isV4UUID(text) == reference(text), "\(text.debugDescription)")
            if reference(text) { accepted += 1 }
        }
        #expect(accepted > 100)
    }

    /// `frontmatter/url`'s test for a key split off a URL answers as comparing the lowercased key.
    @Test func httpSchemeKeysAsTheLowercasedComparison() {
        for key in Self.keys(["h", "H", "t", "T", "p", "P", "s", "S", "x", "é", "\u{212A}", "http", "HTTPS"], seed: 2) {
            #expect(FrontMatterURLRule.isHTTPScheme(key) == ["http", "https"].contains(key.lowercasedCheaply()), "\(key.debugDescription)")
        }
    }

    /// `looksLikeDate`, walking the text's bytes until the eleventh, answers as the walk of a
    /// prefix of eleven bytes.
    @Test func dateShapesAsThePrefixWalk() {
        func reference(_ text: String) -> Bool {
            var count = 0
            for byte in text.utf8.prefix(11) {
                switch count {
                case 4, 7: guard byte == UInt8(ascii: "-") else { return false }
                case 10: guard byte == UInt8(ascii: "T") || byte == UInt8(ascii: "t") || byte == UInt8(ascii: " ") else { return false }
                default: guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
                }
                count += 1
            }
            return count >= 10
        }
        for text in Self.keys(["2024", "-", "05", "1", "T", "t", " ", "x", "é", ":", "\u{301}", "2024-05-01"], seed: 4) {
            #expect(FrontMatterValues.looksLikeDate(text) == reference(text), "\(text.debugDescription)")
        }
    }

    /// `isRealDate` of date-shaped text, counting bytes, answers as counting characters.
    @Test func realDatesCountedInBytes() {
        let tails = ["", "T10:20:30Z", " 10:20", "\u{301}", "T", " ", "t10:20:30.5+01:00", "\u{301}10:20", "é", "\r\n"]
        for day in ["2024-05-01", "2024-02-30", "2024-13-01", "0000-00-00", "2023-02-29"] {
            for tail in tails {
                let text = day + tail
                guard FrontMatterValues.looksLikeDate(text) else { continue }
                let expected = text.count == 10 ? DateText.isCalendarDate(text) : DateText.isDateTime(text)
                #expect(FrontMatterValues.isRealDate(text) == expected, "\(text.debugDescription)")
            }
        }
    }

    /// `frontmatter/template-placeholder` (one search of the block before its entries) reports a
    /// placeholder in a value wherever it stands, and none outside the values.
    @Test func placeholdersFoundInValuesOnly() throws {
        let inValues = ["KEY: {{a}}\n", "KEY: 'Ünï {{b}}'\n", "KEY:\n  - {{c}}\n", "KEY: [a, '{{d}}']\r\n"]
        let elsewhere = ["# {{comment}}\n", "KEY: text\n", "\n", "KEY: 1\n"]
        var generator = SeededGenerator(state: 3)
        for _ in 0..<200 {
            let placed = Int.random(in: 0...2, using: &generator)
            var lines = (0..<placed).map { _ in inValues.randomElement(using: &generator)! }
            lines += (0..<Int.random(in: 0...3, using: &generator)).map { _ in elsewhere.randomElement(using: &generator)! }
            lines.shuffle(using: &generator)
            // Keys are made unique, so that each is an entry of its own.
            let block = lines.enumerated().map { $0.element.replacingOccurrences(of: "KEY", with: "k\($0.offset)") }.joined()
            let text = "---\n" + block + "---\nBody {{body}}\n"
            let note = try NoteParser().parse(bytes: Array(text.utf8), path: "n.md")
            let context = NoteContext(note: note, vaultPath: "n.md", configuration: Configuration())
            #expect(FrontMatterTemplatePlaceholderRule().check(context).count == placed, "\(text.debugDescription)")
        }
    }
}
